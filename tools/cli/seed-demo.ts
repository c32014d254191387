import { resolveTokens } from '#libs/auth';
import { GatewayConfig, loadConfig } from '#libs/config';
import { ensureDemo } from '../../apps/standalone/src/demo/seed-demo.js';

/**
 * `seed-demo [--gateway <url>]`: seeds the demo into a running system through its gateway
 * (default: this machine's GATEWAY_PORT), once per DATA_DIR; prints demo tokens and operations.
 */
export async function seedDemoCommand(options: { gateway?: string }): Promise<number> {
  const config = loadConfig(GatewayConfig);
  const gatewayUrl = (options.gateway ?? `http://127.0.0.1:${config.GATEWAY_PORT}`).replace(
    /\/$/,
    '',
  );
  const tokens = await resolveTokens(config);
  try {
    process.stdout.write(`${await ensureDemo(gatewayUrl, tokens, config)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`the demo could not be seeded through ${gatewayUrl}: ${String(error)}\n`);
    return 1;
  }
}
