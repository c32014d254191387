import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import pino, { type DestinationStream } from 'pino';

/** Beyond this size, the log file is set aside (one generation, `<file>.1`) at the next start. */
export const LOG_FILE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Readies the log file before a start: its folder exists, and a file grown past
 * LOG_FILE_MAX_BYTES becomes `<file>.1` (replacing the previous one), so the logs of a
 * long-used installation take at most about twice that.
 */
export async function prepareLogFile(file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const size = await stat(file).then(
    (stats) => stats.size,
    () => 0,
  );
  if (size > LOG_FILE_MAX_BYTES) await rename(file, `${file}.1`);
}

const destinations = new Map<string, DestinationStream>();

/**
 * The file `file` opened for appending, once per thread: every logger of a thread shares it, and
 * each line is written whole, so the threads of one process can append to the same file. Lines
 * are written as they are logged (synchronously): what happened up to a crash is in the file.
 */
export function logFileDestination(file: string): DestinationStream {
  let destination = destinations.get(file);
  if (!destination) {
    destination = pino.destination({ dest: file, append: true, mkdir: true, sync: true });
    destinations.set(file, destination);
  }
  return destination;
}
