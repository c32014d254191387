import path from 'node:path';
import { IsIn } from 'class-validator';
import { BaseConfig } from './base.config.js';

export const LOG_DESTINATIONS = ['file', 'stdout'] as const;
export type LogDestination = (typeof LOG_DESTINATIONS)[number];

/** Settings of `npm start`, the whole system in one process. */
export class StandaloneConfig extends BaseConfig {
  /**
   * Where the JSON logs of every service, the gateway and PostgreSQL go: `file`, appended to
   * DATA_DIR/logs/clearinghouse.log (the terminal shows only the summary), or `stdout`.
   */
  @IsIn(LOG_DESTINATIONS)
  LOG_TO: LogDestination = 'file';

  /** The log file, when logs go to one. */
  get logFile(): string | undefined {
    return this.LOG_TO === 'file'
      ? path.join(this.DATA_DIR, 'logs', 'clearinghouse.log')
      : undefined;
  }
}
