import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GatewayConfig, loadConfig, RightsRegistryConfig } from '#libs/config';
import { openDatabaseServer } from '#libs/database';
import { createLogger, listeningUrl } from '#libs/runtime';
import { startGateway } from '../../gateway/src/start-gateway.js';
import { startServiceThread, type ServiceThread } from './service-thread.js';
import { subgraphServices } from './services.js';

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
 * subgraph services each in a worker thread of its own (separate module graphs keep each
 * GraphQL schema to its service's types), then the gateway composing them from the addresses
 * they actually got.
 */
export async function startStandalone(env: Env = process.env): Promise<Standalone> {
  loadConfig(GatewayConfig, env); // report bad settings before starting anything
  const settings = loadConfig(RightsRegistryConfig, env);
  const processLogger = createLogger('clearinghouse', settings.LOG_LEVEL);
  const pgLog = processLogger.child({ component: 'postgres' });
  const server = await openDatabaseServer(settings, (line) => pgLog.debug(line));

  const threads: ServiceThread[] = [];
  let gateway: NestFastifyApplication | undefined;
  const stop = async () => {
    await gateway?.close();
    await Promise.all(threads.map((thread) => thread.stop()));
    await server.stop();
  };
  try {
    const started = await Promise.allSettled(
      subgraphServices.map((service) => startServiceThread(service.name, env, server.url)),
    );
    for (const result of started) if (result.status === 'fulfilled') threads.push(result.value);
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    const urls = subgraphServices.map(({ name }, index) => ({ name, url: threads[index]!.url }));
    const gatewayConfig = loadConfig(GatewayConfig, {
      ...env,
      ...Object.fromEntries(
        subgraphServices.map(({ urlVariable }, index) => [urlVariable, urls[index]!.url]),
      ),
    });
    gateway = await startGateway(
      gatewayConfig,
      createLogger('gateway', gatewayConfig.LOG_LEVEL),
      processLogger,
    );
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
