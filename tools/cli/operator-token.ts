import type { GatewayConfig } from '#libs/config';
import type { DemoClient } from '../../apps/standalone/src/demo/demo-clients.js';
import {
  clientCredentialsToken,
  operatorClientToken,
  TokenRefusal,
} from '../../apps/standalone/src/issuer-client.js';

export { TokenRefusal };

/**
 * The issuer the CLI asks: IDENTITY_ISSUER, else the one the launchers give a system on this
 * machine (the gateway's address, `http://127.0.0.1:<GATEWAY_PORT>/oidc`).
 */
export function cliIssuer(config: GatewayConfig): URL {
  return new URL(config.IDENTITY_ISSUER ?? `http://127.0.0.1:${config.GATEWAY_PORT}/oidc`);
}

/**
 * An operator access token of the identity provider, by client credentials with the
 * operator's static client (secret in DATA_DIR). Plain HTTP is allowed to this machine only.
 */
export function operatorToken(config: GatewayConfig): Promise<string> {
  return operatorClientToken(cliIssuer(config), config.DATA_DIR);
}

/** A token of a demo party's machine client (registered by the launcher once seeded). */
export function demoClientToken(config: GatewayConfig, client: DemoClient): Promise<string> {
  const issuer = cliIssuer(config);
  return clientCredentialsToken(
    issuer,
    { id: client.clientId, secret: client.secret },
    `the identity provider at ${issuer.href} does not know the demo client ${client.clientId} yet: restart the system with this DATA_DIR, which registers it`,
  );
}
