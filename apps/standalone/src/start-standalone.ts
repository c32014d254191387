import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { resolveTokenSecret } from '#libs/auth';
import { GatewayConfig, loadConfig, RightsRegistryConfig, StandaloneConfig } from '#libs/config';
import { freePort, openDatabaseServer } from '#libs/database';
import { createLogger, listeningUrl, prepareLogFile } from '#libs/runtime';
import { startGateway } from '../../gateway/src/start-gateway.js';
import { withLauncherClients } from './launcher-clients.js';
import { startServiceThread, type ServiceThread } from './service-thread.js';
import { identityService, subgraphServices, systemServices } from './services.js';

export interface Standalone {
  /** Base URL of the gateway; GraphQL at `${gatewayUrl}/graphql`. */
  gatewayUrl: string;
  /** The subgraph services. */
  services: { name: string; url: string }[];
  /** The identity app: where it listens, and its issuer (reached through the gateway). */
  identity: { url: string; issuer: string };
  databaseEmbedded: boolean;
  /** The file the logs are appended to; undefined when they go to stdout (LOG_TO=stdout). */
  logFile: string | undefined;
  /** The database every service keeps its schema in. */
  databaseUrl: string;
  /**
   * Starts the identity app again, on the same port and database, with the launcher's static
   * clients as they are now (the demo's machine clients once the demo is seeded).
   */
  reloadIdentityClients(): Promise<void>;
  stop(): Promise<void>;
}

type Env = Record<string, string | undefined>;

/**
 * The whole system in one process: PostgreSQL (embedded unless DATABASE_URL is set), the four
 * subgraph services and the identity app each in a worker thread of its own (separate module
 * graphs keep each GraphQL schema to its service's types), then the gateway composing them from
 * the addresses they actually got and forwarding `/oidc` and `/interaction` to the identity app.
 *
 * The gateway's port is chosen first (a free one for GATEWAY_PORT=0), so the identity issuer
 * can be the gateway's address (IDENTITY_ISSUER, unless set) and every service verifies tokens
 * of that issuer. The identity app knows the launcher's static clients (`withLauncherClients`:
 * the operator's, the CLI's, the demo's), so the CLI and the demo get their tokens from the
 * issuer. The launcher also hands every process the shared secret of DATA_DIR explicitly
 * (AUTH_JWT_SECRET, unless set), so the CLI's development tokens for parties that have no
 * client stay accepted on this single-machine system (docs/adr/0032).
 */
export async function startStandalone(env: Env = process.env): Promise<Standalone> {
  const configured = loadConfig(GatewayConfig, env); // report bad settings before starting anything
  const { logFile } = loadConfig(StandaloneConfig, env);
  if (logFile) await prepareLogFile(logFile);
  const gatewayPort = configured.GATEWAY_PORT || (await freePort());
  const given = env;
  env = {
    ...env,
    GATEWAY_PORT: String(gatewayPort),
    IDENTITY_ISSUER: env.IDENTITY_ISSUER ?? `http://127.0.0.1:${gatewayPort}/oidc`,
    AUTH_JWT_SECRET: await resolveTokenSecret(configured),
    IDENTITY_CLIENTS: await withLauncherClients(env.IDENTITY_CLIENTS, configured.DATA_DIR),
  };
  const settings = loadConfig(RightsRegistryConfig, env);
  const processLogger = createLogger('clearinghouse', settings.LOG_LEVEL, logFile);
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
      systemServices.map((service) => startServiceThread(service.name, env, server.url, logFile)),
    );
    for (const result of started) if (result.status === 'fulfilled') threads.push(result.value);
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    const urls = systemServices.map(({ name }, index) => ({ name, url: threads[index]!.url }));
    const gatewayConfig = loadConfig(GatewayConfig, {
      ...env,
      ...Object.fromEntries(
        systemServices.map(({ urlVariable }, index) => [urlVariable, urls[index]!.url]),
      ),
    });
    gateway = await startGateway(
      gatewayConfig,
      createLogger('gateway', gatewayConfig.LOG_LEVEL, logFile),
      processLogger,
    );
    const identityIndex = systemServices.indexOf(identityService);
    const reloadIdentityClients = async () => {
      const current = threads[identityIndex]!;
      await current.stop();
      // Stopped: should the new one fail to start, stopping the system skips it.
      threads[identityIndex] = { url: current.url, stop: () => Promise.resolve() };
      threads[identityIndex] = await startServiceThread(
        identityService.name,
        {
          ...env,
          [identityService.portVariable]: new URL(current.url).port,
          IDENTITY_CLIENTS: await withLauncherClients(given.IDENTITY_CLIENTS, configured.DATA_DIR),
        },
        server.url,
        logFile,
      );
    };
    return {
      gatewayUrl: listeningUrl(gateway),
      services: urls.filter(({ name }) => subgraphServices.some((s) => s.name === name)),
      identity: {
        url: urls.find(({ name }) => name === identityService.name)!.url,
        issuer: gatewayConfig.identityIssuer,
      },
      databaseEmbedded: server.embedded,
      logFile,
      databaseUrl: server.url,
      reloadIdentityClients,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
