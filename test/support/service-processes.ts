import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { GATEWAY_CREDENTIAL_HEADER } from '#libs/auth';
import { freePort, type GraphQLResult } from '#libs/testing';
import { subgraphService } from '../../apps/standalone/src/services.js';
import { graphqlAt } from './graphql.js';

export type ServiceName =
  'rights-registry' | 'authorization' | 'opt-out' | 'royalty-distribution' | 'notifications';

/** A service running as its own operating-system process (the built entry point). */
export interface ServiceProcess {
  name: ServiceName;
  url: string;
  /** Runs a GraphQL operation with a bearer token, or anonymously as through the gateway. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
  /** Kills the process at once (SIGKILL): no shutdown hooks run. */
  kill(): Promise<void>;
}

/**
 * Starts `dist/apps/<name>/src/main.js` (npm test builds first) on a free port against
 * `databaseUrl`, and resolves once its readiness check answers 200.
 */
export async function startServiceProcess(
  name: ServiceName,
  env: { DATABASE_URL: string; AUTH_JWT_SECRET: string } & Record<string, string>,
): Promise<ServiceProcess> {
  const port = await freePort();
  // Anonymous calls of the test come as the gateway's would, with its credential.
  const subgraphSecret = env.SUBGRAPH_SECRET ?? randomBytes(32).toString('hex');
  const child = spawn(process.execPath, [`dist/apps/${name}/src/main.js`], {
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'warn',
      EVENT_POLL_INTERVAL_MS: '200',
      DB_POOL_SIZE: '4',
      ...env,
      SUBGRAPH_SECRET: subgraphSecret,
      [subgraphService(name).portVariable]: String(port),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, `${url}/health/ready`, () => stderr);
  return {
    name,
    url,
    graphql: (query, variables, token) =>
      graphqlAt(url, query, variables, token, { [GATEWAY_CREDENTIAL_HEADER]: subgraphSecret }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * Starts several services at once; if one fails to start, stops the others before throwing,
 * so a failed start leaves no process behind.
 */
export async function startServiceProcesses<const Names extends readonly ServiceName[]>(
  names: Names,
  env: { DATABASE_URL: string; AUTH_JWT_SECRET: string } & Record<string, string>,
): Promise<{ [Index in keyof Names]: ServiceProcess }> {
  const started = await Promise.allSettled(names.map((name) => startServiceProcess(name, env)));
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.all(
      started.flatMap((result) => (result.status === 'fulfilled' ? [result.value.stop()] : [])),
    );
    throw failure.reason;
  }
  return started.map((result) => (result as PromiseFulfilledResult<ServiceProcess>).value) as {
    [Index in keyof Names]: ServiceProcess;
  };
}

async function waitUntilReady(
  child: ChildProcess,
  readyUrl: string,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${readyUrl} exited with ${child.exitCode}: ${stderr()}`);
    }
    try {
      if ((await fetch(readyUrl)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${readyUrl} not ready within 60 s: ${stderr()}`);
}

/**
 * Resolves once the service has published everything it committed (its outbox is empty) and its
 * consumers have handled everything published so far.
 */
export async function caughtUp(service: { url: string }, timeoutMs = 60_000): Promise<void> {
  await eventually(async () => {
    const response = await fetch(`${service.url}/health/ready`);
    const body = (await response.json()) as {
      info?: {
        messaging?: { outboxPending?: number; lag?: Record<string, Record<string, number>> };
      };
    };
    const lag = body.info?.messaging?.lag;
    return (
      // Nothing left to publish, and everything published applied.
      body.info?.messaging?.outboxPending === 0 &&
      lag !== undefined &&
      Object.values(lag).every((topics) => Object.values(topics).every((count) => count === 0))
    );
  }, timeoutMs);
}

/** Polls `probe` until it returns true (or throws after `timeoutMs`). */
export async function eventually(probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
