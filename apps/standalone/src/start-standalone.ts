import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { GatewayConfig, loadConfig, type ServiceConfig } from '#libs/config';
import { openDatabaseServer } from '#libs/database';
import { createLogger, listeningUrl, startService } from '#libs/runtime';
import { startGateway } from '../../gateway/src/start-gateway.js';
import { subgraphServices, type SubgraphService } from './services.js';

export interface Standalone {
  /** Base URL of the gateway; GraphQL at `${gatewayUrl}/graphql`. */
  gatewayUrl: string;
  services: { name: string; url: string }[];
  databaseEmbedded: boolean;
  stop(): Promise<void>;
}

type Env = Record<string, string | undefined>;

/**
 * The whole system in one process: PostgreSQL (embedded unless DATABASE_URL is set), the four
 * subgraph services, then the gateway composing them from the addresses they actually got.
 */
export async function startStandalone(env: Env = process.env): Promise<Standalone> {
  loadConfig(GatewayConfig, env); // report gateway settings before starting anything
  const services = subgraphServices.map((service) => bind(service, env));
  const first = services[0]!.config;
  // Nest keeps one framework logger per process: its messages are the process's, not a service's.
  const processLogger = createLogger('clearinghouse', first.LOG_LEVEL);
  const pgLog = processLogger.child({ component: 'postgres' });
  const server = await openDatabaseServer(first, (line) => pgLog.debug(line));

  const apps: NestFastifyApplication[] = [];
  const stop = async () => {
    for (const app of apps.reverse()) await app.close();
    await server.stop();
  };
  try {
    const started = await Promise.all(
      services.map((service) => service.start(server.url, processLogger)),
    );
    apps.push(...started);
    const urls = services.map(({ name }, index) => ({ name, url: listeningUrl(started[index]!) }));
    const gatewayConfig = loadConfig(GatewayConfig, {
      ...env,
      ...Object.fromEntries(
        services.map(({ urlVariable }, index) => [urlVariable, urls[index]!.url]),
      ),
    });
    const gateway = await startGateway(
      gatewayConfig,
      createLogger('gateway', gatewayConfig.LOG_LEVEL),
      processLogger,
    );
    apps.push(gateway);
    return {
      gatewayUrl: listeningUrl(gateway),
      services: urls,
      databaseEmbedded: server.embedded,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface BoundService {
  name: string;
  urlVariable: string;
  config: ServiceConfig;
  start(databaseUrl: string, frameworkLogger: Logger): Promise<NestFastifyApplication>;
}

/** A service with its configuration read from `env`, ready to start on a database. */
function bind({ definition, urlVariable }: SubgraphService, env: Env): BoundService {
  const config = loadConfig(definition.configClass, env);
  return {
    name: definition.name,
    urlVariable,
    config,
    start: (databaseUrl, frameworkLogger) =>
      startService(definition, {
        config,
        databaseUrl,
        logger: createLogger(definition.name, config.LOG_LEVEL),
        frameworkLogger,
      }),
  };
}
