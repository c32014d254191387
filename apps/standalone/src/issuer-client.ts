import * as oidc from 'openid-client';
import {
  describeOidcError,
  insecureIssuerProblem,
  OPERATOR_CLIENT_ID,
  storedOperatorClientSecret,
} from '#libs/auth';

export { describeOidcError };

/** A refusal printed as it is (a sentence), exit code 1. */
export class TokenRefusal extends Error {}

/** Requests to the issuer: plain HTTP only to this machine (else refused with a sentence). */
export function issuerRequestOptions(issuer: URL): oidc.DiscoveryRequestOptions | undefined {
  const problem = insecureIssuerProblem(issuer);
  if (problem) throw new TokenRefusal(problem);
  return issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined;
}

/** The issuer's configuration for a client (discovery), or a sentence when it cannot be had. */
export async function discoverIssuer(
  issuer: URL,
  clientId: string,
  authentication: oidc.ClientAuth,
): Promise<oidc.Configuration> {
  const options = issuerRequestOptions(issuer);
  try {
    return await oidc.discovery(issuer, clientId, undefined, authentication, options);
  } catch (error) {
    throw new TokenRefusal(
      `the identity provider at ${issuer.href} cannot be reached or is not this issuer (${describeOidcError(error)}): is the system started, and IDENTITY_ISSUER its issuer?`,
    );
  }
}

/**
 * An access token of the issuer by client credentials (`openid-client`, the discovery
 * document, HTTP Basic); `unknownClient` is the sentence for a client or secret the issuer
 * does not know.
 */
export async function clientCredentialsToken(
  issuer: URL,
  client: { id: string; secret: string },
  unknownClient: string,
): Promise<string> {
  const configuration = await discoverIssuer(
    issuer,
    client.id,
    oidc.ClientSecretBasic(client.secret),
  );
  try {
    return (await oidc.clientCredentialsGrant(configuration)).access_token;
  } catch (error) {
    if (clientRefused(error)) throw new TokenRefusal(unknownClient);
    throw new TokenRefusal(
      `the identity provider at ${issuer.href} gave no token (${describeOidcError(error)})`,
    );
  }
}

/** invalid_client: in the body, or (HTTP Basic) as a 401 challenge. */
export function clientRefused(error: unknown): boolean {
  if (error instanceof oidc.ResponseBodyError) return error.error === 'invalid_client';
  return error instanceof oidc.WWWAuthenticateChallengeError && error.status === 401;
}

/**
 * An operator access token of the issuer, by client credentials with the operator's static
 * client, whose secret the launcher keeps in DATA_DIR.
 */
export async function operatorClientToken(issuer: URL, dataDir: string): Promise<string> {
  const secret = await storedOperatorClientSecret({ DATA_DIR: dataDir });
  if (!secret) {
    throw new TokenRefusal(
      `no operator client secret in ${dataDir}: start the system with this DATA_DIR first (npm start), which registers the operator's client`,
    );
  }
  return clientCredentialsToken(
    issuer,
    { id: OPERATOR_CLIENT_ID, secret },
    `the identity provider at ${issuer.href} does not know the operator's client with the secret of ${dataDir}: is the system running with this DATA_DIR?`,
  );
}
