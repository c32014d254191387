import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { GatewayConfig, RightsRegistryConfig, loadConfig } from '#libs/config';
import { freePort, openDatabaseServer } from '#libs/database';
import { createLogger } from '#libs/runtime';
import { resolveTokenSecret } from '#libs/auth';
import { withLauncherClients } from './launcher-clients.js';
import { identityService, subgraphServices, systemServices } from './services.js';

type Env = Record<string, string | undefined>;

export interface Distributed {
  gatewayUrl: string;
  services: { name: string; url: string }[];
  /** The identity app: where it listens, and its issuer (reached through the gateway). */
  identity: { url: string; issuer: string };
  stop(): Promise<void>;
}

/** The built entry point of an app (this file runs from dist/apps/standalone/src). */
const entry = (app: string) => fileURLToPath(new URL(`../../${app}/src/main.js`, import.meta.url));

async function ready(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`);
}

/**
 * The system as separate processes on one machine: PostgreSQL (embedded unless DATABASE_URL is
 * set), each subgraph service and the identity app its own process (the built entry points),
 * then the gateway (forwarding `/oidc` to the identity app, whose issuer is the gateway's address). Events
 * travel through the PostgreSQL event log, or Kafka when KAFKA_BROKERS is set (each process
 * reads its environment). Stops the processes, then the database.
 */
export async function startDistributed(env: Env = process.env): Promise<Distributed> {
  const gatewaySettings = loadConfig(GatewayConfig, env);
  // As in standalone: the issuer is the gateway's address, the DATA_DIR secret explicit, the
  // operator's static client known to the identity app.
  const gatewayPort = gatewaySettings.GATEWAY_PORT || (await freePort());
  env = {
    ...env,
    IDENTITY_ISSUER: env.IDENTITY_ISSUER ?? `http://127.0.0.1:${gatewayPort}/oidc`,
    AUTH_JWT_SECRET: await resolveTokenSecret(gatewaySettings),
    IDENTITY_CLIENTS: await withLauncherClients(env.IDENTITY_CLIENTS, gatewaySettings.DATA_DIR),
  };
  const settings = loadConfig(RightsRegistryConfig, env);
  const logger = createLogger('clearinghouse', settings.LOG_LEVEL);
  const server = await openDatabaseServer(settings, (line) => logger.debug(line));
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.reverse().map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }),
    );
    await server.stop();
  };
  const launch = (app: string, extra: Env) => {
    const child = spawn(process.execPath, [entry(app)], {
      env: { ...env, DATABASE_URL: server.url, ...extra },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(child);
    return child;
  };
  try {
    const services = [];
    for (const service of systemServices) {
      const configured = (settings as unknown as Record<string, number>)[service.portVariable]!;
      const port = configured || (await freePort());
      const url = `http://127.0.0.1:${port}`;
      services.push({
        name: service.name,
        url,
        child: launch(service.name, { [service.portVariable]: String(port) }),
        service,
      });
    }
    await Promise.all(services.map(({ url, child }) => ready(url, child, 120_000)));
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const gateway = launch('gateway', {
      GATEWAY_PORT: String(gatewayPort),
      ...Object.fromEntries(services.map(({ service, url }) => [service.urlVariable, url])),
    });
    await ready(gatewayUrl, gateway, 120_000);
    const subgraphs = services.filter(({ service }) => subgraphServices.includes(service));
    const identity = services.find(({ service }) => service === identityService)!;
    return {
      gatewayUrl,
      services: subgraphs.map(({ name, url }) => ({ name, url })),
      identity: { url: identity.url, issuer: env.IDENTITY_ISSUER! },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
