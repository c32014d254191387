import { GatewayConfig, loadConfig } from '#libs/config';
import { ensureDemo } from '../../apps/standalone/src/demo/seed-demo.js';
import { TokenRefusal } from '../../apps/standalone/src/issuer-client.js';

/**
 * `seed-demo [--gateway <url>]`: seeds the demo into a running system through its gateway
 * (default: this machine's GATEWAY_PORT), once per DATA_DIR, as the operator (its token from
 * the issuer, IDENTITY_ISSUER or the gateway's `/oidc`); prints the demo's tokens and operations. The demo's machine clients are known
 * to the identity app from its next start with this DATA_DIR.
 */
export async function seedDemoCommand(options: { gateway?: string }): Promise<number> {
  const config = loadConfig(GatewayConfig);
  const gatewayUrl = (options.gateway ?? `http://127.0.0.1:${config.GATEWAY_PORT}`).replace(
    /\/$/,
    '',
  );
  try {
    process.stdout.write(
      `${await ensureDemo(gatewayUrl, new URL(config.IDENTITY_ISSUER ?? `${gatewayUrl}/oidc`), config.DATA_DIR)}\n`,
    );
    return 0;
  } catch (error) {
    const reason = error instanceof TokenRefusal ? error.message : String(error);
    process.stderr.write(`the demo could not be seeded through ${gatewayUrl}: ${reason}\n`);
    return 1;
  }
}
