import { OPERATOR_CLIENT_ID, resolveOperatorClientSecret } from '#libs/auth';
import { Role } from '#libs/contracts';
import { demoClients } from './demo/demo-clients.js';

/** The command line's client: public (no secret), a person signs in with the device flow. */
export const CLI_CLIENT_ID = 'clearinghouse-cli';

/** The CLI's static client: device code and refresh tokens only, no redirect, no secret. */
export const CLI_CLIENT = {
  client_id: CLI_CLIENT_ID,
  client_name: 'Clearinghouse CLI',
  token_endpoint_auth_method: 'none',
  grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
  redirect_uris: [],
  response_types: [],
} as const;

/**
 * IDENTITY_CLIENTS with the launcher's static clients added:
 * - the operator's (client credentials, its secret the one kept in DATA_DIR, mode 600, role
 *   OPERATOR), so `npm run cli -- token` on this machine gets an operator token from the issuer;
 * - the CLI's (public, device flow), so `npm run cli -- login` signs a person in;
 * - one machine client per party of the demo once it is seeded (DATA_DIR/demo.json), so the
 *   demo's tokens come from the issuer too.
 * A client the list already names keeps its own entry, and a list that is not a JSON array is
 * left for the identity app to refuse with its reason.
 */
export async function withLauncherClients(
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
  const named = new Set(listed.map((client) => (client as { client_id?: unknown })?.client_id));
  const operator = {
    client_id: OPERATOR_CLIENT_ID,
    client_secret: await resolveOperatorClientSecret({ DATA_DIR: dataDir }),
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_basic',
    role: Role.OPERATOR,
  };
  const demo = (await demoClients(dataDir)).map(({ clientId, secret, role, party }) => ({
    client_id: clientId,
    client_secret: secret,
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_basic',
    role,
    party,
  }));
  const added = [operator, CLI_CLIENT, ...demo].filter(({ client_id }) => !named.has(client_id));
  return added.length ? JSON.stringify([...listed, ...added]) : identityClients;
}
