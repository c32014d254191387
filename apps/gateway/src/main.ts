import 'reflect-metadata';
import { GatewayConfig, loadConfig } from '#libs/config';
import { createLogger, runProcess } from '#libs/runtime';
import { startGateway } from './start-gateway.js';

await runProcess('gateway', async () => {
  const config = loadConfig(GatewayConfig);
  const app = await startGateway(config, createLogger('gateway', config.LOG_LEVEL));
  return { stop: () => app.close() };
});
