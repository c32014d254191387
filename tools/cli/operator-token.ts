import { OPERATOR_CLIENT_ID, storedOperatorClientSecret } from '#libs/auth';
import type { GatewayConfig } from '#libs/config';
import * as oidc from 'openid-client';

/** Hosts over which a client secret may travel in plain HTTP: this machine only. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A refusal the CLI prints as it is (a sentence), exit code 1. */
export class TokenRefusal extends Error {}

/**
 * The issuer the CLI asks: IDENTITY_ISSUER, else the one the launchers give a system on this
 * machine (the gateway's address, `http://127.0.0.1:<GATEWAY_PORT>/oidc`).
 */
export function cliIssuer(config: GatewayConfig): URL {
  return new URL(config.IDENTITY_ISSUER ?? `http://127.0.0.1:${config.GATEWAY_PORT}/oidc`);
}

/**
 * An operator access token of the identity provider, by client credentials (`openid-client`,
 * the issuer's discovery document, HTTP Basic) with the operator's static client, whose secret
 * the launcher keeps in DATA_DIR. Plain HTTP is allowed to this machine only.
 */
export async function operatorToken(config: GatewayConfig): Promise<string> {
  const issuer = cliIssuer(config);
  const secret = await storedOperatorClientSecret(config);
  if (!secret) {
    throw new TokenRefusal(
      `no operator client secret in ${config.DATA_DIR}: start the system with this DATA_DIR first (npm start), which registers the operator's client`,
    );
  }
  const insecure = issuer.protocol === 'http:';
  if (insecure && !LOOPBACK.has(issuer.hostname)) {
    throw new TokenRefusal(
      `the issuer ${issuer.href} is plain HTTP on another machine: a client secret is sent only over HTTPS, or to this machine`,
    );
  }
  let configuration: oidc.Configuration;
  try {
    configuration = await oidc.discovery(
      issuer,
      OPERATOR_CLIENT_ID,
      undefined,
      oidc.ClientSecretBasic(secret),
      insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
  } catch (error) {
    throw new TokenRefusal(
      `the identity provider at ${issuer.href} cannot be reached or is not this issuer (${describe(error)}): is the system started, and IDENTITY_ISSUER its issuer?`,
    );
  }
  try {
    const answer = await oidc.clientCredentialsGrant(configuration);
    return answer.access_token;
  } catch (error) {
    if (clientRefused(error)) {
      throw new TokenRefusal(
        `the identity provider at ${issuer.href} does not know the operator's client with the secret of ${config.DATA_DIR}: is the system running with this DATA_DIR?`,
      );
    }
    throw new TokenRefusal(
      `the identity provider at ${issuer.href} gave no operator token (${describe(error)})`,
    );
  }
}

/** invalid_client: in the body, or (HTTP Basic) as a 401 challenge. */
function clientRefused(error: unknown): boolean {
  if (error instanceof oidc.ResponseBodyError) return error.error === 'invalid_client';
  return error instanceof oidc.WWWAuthenticateChallengeError && error.status === 401;
}

/** What went wrong, without anything sent (the secret never appears in these errors). */
function describe(error: unknown): string {
  if (error instanceof oidc.ResponseBodyError) return error.error;
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return cause ?? (error instanceof Error ? error.message : String(error));
}
