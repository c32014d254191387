import { ConfigValidationError } from '#libs/config';

export interface Stoppable {
  stop(): Promise<void>;
}

/** A start-up failure already told as a sentence for the terminal: shown without a stack trace. */
export class StartFailure extends Error {}

/** Longest a clean shutdown may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

/**
 * Runs a long-lived process: starts it, and on SIGINT/SIGTERM stops it (services first, the
 * database last) before exiting 0. A start-up failure exits 1 with a readable message: for
 * invalid configuration, the list of bad variables without a stack trace, likewise a
 * StartFailure's sentence.
 */
export async function runProcess(name: string, start: () => Promise<Stoppable>): Promise<void> {
  let running: Stoppable;
  try {
    running = await start();
  } catch (error) {
    const message =
      error instanceof ConfigValidationError || error instanceof StartFailure
        ? error.message
        : `failed to start: ${formatError(error)}`;
    process.stderr.write(`${name}: ${message}\n`);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${name}: ${signal} received, shutting down\n`);
    setTimeout(() => {
      process.stderr.write(`${name}: shutdown took over ${SHUTDOWN_TIMEOUT_MS} ms, exiting\n`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${name}: error while shutting down: ${formatError(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

function formatError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
