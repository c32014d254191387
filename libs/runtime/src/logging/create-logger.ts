import pino, { type Logger, type LoggerOptions } from 'pino';
import type { LogLevel } from '#libs/config';
import { logFileDestination } from './log-file.js';

/** The longest text one logged value keeps: a hostile request must not fill the logs. */
const MAX_LOGGED_TEXT = 2000;

/** `value` with every text in it (a few levels deep) cut to MAX_LOGGED_TEXT. */
export function clipped(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return value.length > MAX_LOGGED_TEXT
      ? `${value.slice(0, MAX_LOGGED_TEXT)}… (${value.length} characters)`
      : value;
  }
  if (depth >= 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => clipped(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, clipped(inner, depth + 1)]),
  );
}

/**
 * An error as logged: pino's standard fields, with long texts (a driver message quoting a value
 * sent by a client, a query's parameters) clipped.
 */
function loggedError(error: unknown): unknown {
  return clipped(pino.stdSerializers.err(error as Error));
}

/**
 * The root structured (JSON) logger of one service; every line carries the service name. Lines
 * go to stdout, or appended to `file` when given.
 */
export function createLogger(service: string, level: LogLevel, file?: string): Logger {
  const options: LoggerOptions = {
    level,
    base: { service },
    serializers: {
      err: loggedError,
      parameters: (values: unknown) => clipped(values),
    },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
      censor: '[redacted]',
    },
  };
  return file ? pino(options, logFileDestination(file)) : pino(options);
}
