import { Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import type { ReadinessCheck } from './readiness-check.js';

const PING_TIMEOUT_MS = 2000;

/** Ready when the service's database answers a query within two seconds. */
@Injectable()
export class DatabaseReadiness implements ReadinessCheck {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly dataSource: DataSource,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('database');
    const started = performance.now();
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) =>
          setTimeout(
            () => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)),
            PING_TIMEOUT_MS,
          ).unref(),
        ),
      ]);
      return indicator.up({ responseTimeMs: Math.round(performance.now() - started) });
    } catch {
      // Readiness is public: no addresses or driver messages.
      return indicator.down({ message: 'the database does not answer' });
    }
  }
}
