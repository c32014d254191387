import exitHook from 'async-exit-hook';
import { ConfigValidationError } from '#libs/config';

export interface Stoppable {
  stop(): Promise<void>;
}

/** Longest a clean shutdown may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

/**
 * Runs a long-lived process: starts it; on SIGINT/SIGTERM stops it (services first, database
 * last) before exiting. A start-up failure exits with status 1 and a readable message: for
 * invalid configuration the list of bad variables, without a stack trace.
 */
export async function runProcess(name: string, start: () => Promise<Stoppable>): Promise<void> {
  let running: Stoppable;
  try {
    running = await start();
  } catch (error) {
    const message =
      error instanceof ConfigValidationError
        ? error.message
        : `failed to start: ${formatError(error)}`;
    process.stderr.write(`${name}: ${message}\n`);
    process.exit(1);
  }
  // The embedded database library exits on signals through async-exit-hook; registering the
  // shutdown there too makes the process wait for it instead of exiting underneath it.
  exitHook.forceExitTimeout(SHUTDOWN_TIMEOUT_MS);
  exitHook((done) => {
    process.stderr.write(`${name}: shutting down\n`);
    running.stop().then(done, (error: unknown) => {
      process.stderr.write(`${name}: error while shutting down: ${formatError(error)}\n`);
      done();
    });
  });
}

function formatError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
