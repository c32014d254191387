import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createLogger } from '#libs/runtime';

type Env = Record<string, string | undefined>;

export interface ServiceThread {
  url: string;
  stop(): Promise<void>;
}

/** The built worker script (it runs compiled code in its own module graph). */
function workerScript(): URL {
  const here = fileURLToPath(import.meta.url);
  // From the sources (tests), run the build of the same file.
  return here.endsWith('.ts')
    ? new URL(`../../../dist/apps/standalone/src/service-worker.js`, import.meta.url)
    : new URL('./service-worker.js', import.meta.url);
}

function run<T>(
  service: string,
  env: Env,
  databaseUrl: string,
  mode: 'serve' | 'sdl',
  settle: (message: Record<string, unknown>, worker: Worker) => T | undefined,
  logFile?: string,
): Promise<T> {
  const worker = new Worker(workerScript(), {
    workerData: { service, env, databaseUrl, mode, logFile },
    // Logging to a file, what a library prints itself goes there too, as log lines.
    stdout: Boolean(logFile),
    stderr: Boolean(logFile),
  });
  if (logFile) logPrinted(service, worker, logFile);
  return new Promise<T>((resolve, reject) => {
    worker.on('message', (message: Record<string, unknown>) => {
      if (typeof message.failed === 'string') {
        reject(new Error(`${service}: ${message.failed}`));
        void worker.terminate();
        return;
      }
      const result = settle(message, worker);
      if (result !== undefined) resolve(result);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${service} thread exited with code ${code}`)));
  });
}

/** What `worker` prints on stdout (info) and stderr (warn), as lines of `logFile`. */
function logPrinted(service: string, worker: Worker, logFile: string): void {
  const logger = createLogger(service, 'info', logFile);
  const follow = (stream: Readable, level: 'info' | 'warn') =>
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) =>
      logger[level]({ printed: true }, line),
    );
  follow(worker.stdout, 'info');
  follow(worker.stderr, 'warn');
}

/**
 * Starts a subgraph service in a worker thread of this process; its logs go to stdout, or
 * appended to `logFile` when given.
 */
export function startServiceThread(
  service: string,
  env: Env,
  databaseUrl: string,
  logFile?: string,
): Promise<ServiceThread> {
  return run(
    service,
    env,
    databaseUrl,
    'serve',
    (message, worker) => {
      if (typeof message.ready !== 'string') return undefined;
      return {
        url: message.ready,
        stop: () =>
          new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            worker.on('message', (reply: Record<string, unknown>) => {
              if (reply.stopped || reply.failed) void worker.terminate();
            });
            worker.postMessage('stop');
          }),
      };
    },
    logFile,
  );
}

/** The federation SDL of a service, built in a thread of its own. */
export function serviceSdl(service: string, env: Env, databaseUrl: string): Promise<string> {
  return run(service, env, databaseUrl, 'sdl', (message, worker) => {
    if (typeof message.sdl !== 'string') return undefined;
    void worker.terminate();
    return message.sdl;
  });
}
