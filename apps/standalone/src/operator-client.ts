import { OPERATOR_CLIENT_ID, resolveOperatorClientSecret } from '#libs/auth';
import { Role } from '#libs/contracts';

/**
 * IDENTITY_CLIENTS with the operator's static client added: client credentials, its secret
 * the one kept in DATA_DIR (mode 600), role OPERATOR, so `npm run cli -- token` on this machine
 * gets an operator token from the issuer. A list that already names the client keeps its own,
 * and a list that is not a JSON array is left for the identity app to refuse with its reason.
 */
export async function withOperatorClient(
  identityClients: string | undefined,
  dataDir: string,
): Promise<string | undefined> {
  let clients: unknown = [];
  if (identityClients) {
    try {
      clients = JSON.parse(identityClients);
    } catch {
      return identityClients;
    }
  }
  if (!Array.isArray(clients)) return identityClients;
  const listed = clients as unknown[];
  if (
    clients.some((client) => (client as { client_id?: unknown })?.client_id === OPERATOR_CLIENT_ID)
  ) {
    return identityClients;
  }
  const operator = {
    client_id: OPERATOR_CLIENT_ID,
    client_secret: await resolveOperatorClientSecret({ DATA_DIR: dataDir }),
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_basic',
    role: Role.OPERATOR,
  };
  return JSON.stringify([...listed, operator]);
}
