import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { subgraphServices, systemServices } from '../../apps/standalone/src/services.js';
import { startStandalone, type Standalone } from '../../apps/standalone/src/start-standalone.js';

/** Every listener on port 0 (a free port each), so test systems run side by side. */
export const ANY_PORTS: Record<string, string> = Object.fromEntries(
  ['GATEWAY_PORT', ...systemServices.map((service) => service.portVariable)].map((variable) => [
    variable,
    '0',
  ]),
);

/**
 * The standalone system for a test on `databaseUrl`: free ports, warnings only (on stdout, with
 * the test's output), small pools.
 */
export function startTestStandalone(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<Standalone> {
  return startStandalone({
    DATABASE_URL: databaseUrl,
    ...ANY_PORTS,
    LOG_LEVEL: 'warn',
    LOG_TO: 'stdout',
    DB_POOL_SIZE: '3',
    ...env,
  });
}

export interface MainProcess {
  /** What it printed up to "Press Ctrl-C to stop." (demo tokens included). */
  output: string;
  /** What it has written to stdout so far (the logs with LOG_TO=stdout, else nothing). */
  stdout(): string;
  gatewayUrl: string;
  /** Sends `signal` (SIGTERM by default; SIGINT is Ctrl-C) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * A built entry point of apps/standalone (`main.js` for `npm start`, `distributed.js` for
 * `npm run start:distributed`) as a child process with free ports, once it says it is up.
 */
async function startEntryPoint(entry: string, env: Record<string, string>): Promise<MainProcess> {
  const child = spawn(process.execPath, [`dist/apps/standalone/src/${entry}`], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', DB_POOL_SIZE: '3', ...ANY_PORTS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = once(child, 'exit');
    child.kill(signal);
    const [code] = (await exited) as [number | null];
    return code;
  };
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Press Ctrl-C to stop.')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
  } catch (error) {
    await stop('SIGKILL');
    throw error;
  }
  const gatewayUrl = /GraphQL endpoint: (http:\/\/\S+)\/graphql/.exec(output)![1]!;
  return { output, stdout: () => stdout, gatewayUrl, stop };
}

/** `npm start` (the built standalone entry point) as a child process, once it is up. */
export function startMain(env: Record<string, string>): Promise<MainProcess> {
  return startEntryPoint('main.js', env);
}

export interface LaunchedSystem extends MainProcess {
  services: { name: string; url: string }[];
}

/**
 * `npm run start:distributed` (the built launcher) as a child process on `databaseUrl`: every
 * service and the gateway a process of its own, on free ports. Resolves once all serve, with the
 * addresses the launcher prints.
 */
export async function launchDistributed(
  databaseUrl: string,
  env: Record<string, string>,
): Promise<LaunchedSystem> {
  const launched = await startEntryPoint('distributed.js', { DATABASE_URL: databaseUrl, ...env });
  const services = subgraphServices.map(({ name }) => ({
    name,
    url: new RegExp(`^ +${name} +(http://\\S+)/graphql$`, 'm').exec(launched.output)![1]!,
  }));
  return { ...launched, services };
}
