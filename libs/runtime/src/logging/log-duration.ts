import type { Logger } from 'pino';

/**
 * Runs `work` and logs at debug level how long it took, with `fields`, under `message`: the
 * steps of long set-based work (an ingest, a calculation) show where the time goes.
 */
export async function logDuration<T>(
  logger: Logger,
  message: string,
  fields: Record<string, unknown>,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const result = await work();
  logger.debug({ ...fields, ms: Math.round(performance.now() - started) }, message);
  return result;
}
