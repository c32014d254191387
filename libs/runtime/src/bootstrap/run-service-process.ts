import { loadConfig, type ServiceConfig } from '#libs/config';
import { openDatabaseServer } from '#libs/database';
import { createLogger } from '../logging/create-logger.js';
import { runProcess } from './run-process.js';
import type { ServiceDefinition } from './service-definition.js';
import { startService } from './start-service.js';

/** Entry point of a service running as its own process. */
export function runServiceProcess<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
): Promise<void> {
  return runProcess(definition.name, async () => {
    const config = loadConfig(definition.configClass);
    const logger = createLogger(definition.name, config.LOG_LEVEL);
    const pgLog = logger.child({ component: 'postgres' });
    const server = await openDatabaseServer(config, (line) => pgLog.debug(line));
    const app = await startService(definition, { config, databaseUrl: server.url, logger }).catch(
      async (error: unknown) => {
        await server.stop();
        throw error;
      },
    );
    return {
      stop: async () => {
        await app.close();
        await server.stop();
      },
    };
  });
}
