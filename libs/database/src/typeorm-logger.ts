import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';

/** The subset of a pino logger TypeORM output is routed to. */
export interface TypeOrmLogSink {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** Sends TypeORM's messages to the service's structured logger instead of the console. */
export class PinoTypeOrmLogger implements TypeOrmLogger {
  constructor(private readonly sink: TypeOrmLogSink) {}

  logQuery(query: string, parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.sink.debug({ query, parameters }, 'query');
  }

  logQueryError(
    error: string | Error,
    query: string,
    parameters?: unknown[],
    _queryRunner?: QueryRunner,
  ): void {
    this.sink.error({ err: error, query, parameters }, 'query failed');
  }

  logQuerySlow(time: number, query: string, parameters?: unknown[]): void {
    this.sink.warn({ durationMs: time, query, parameters }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.sink.debug({ schemaBuild: message }, 'schema build');
  }

  logMigration(message: string): void {
    this.sink.info({ migration: message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.sink.warn({ detail: message }, 'typeorm');
    else this.sink.info({ detail: message }, 'typeorm');
  }
}
