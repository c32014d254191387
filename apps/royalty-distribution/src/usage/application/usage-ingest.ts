import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { v7 as uuidv7 } from 'uuid';
import { DataSource, type EntityManager } from 'typeorm';
import { RoyaltyDistributionConfig } from '#libs/config';
import { normalizeTitle } from '#libs/contracts';
import { IdempotencyKeyReusedError, idempotent } from '#libs/database';
import { RegistryViewReader } from '#libs/registry-view';
import { LOGGER, logDuration } from '#libs/runtime';
import { periodProblem } from '../../shared/domain/period.js';
import { USAGE_CSV_COLUMNS } from '../domain/usage-csv.js';
import { firstLineNumber, type UsageSource } from '../domain/usage-intake.js';
import {
  DistributionError,
  DistributionErrorCode,
} from '../../shared/domain/distribution.errors.js';
import {
  CHECK_AND_STORE_LINES,
  OPTED_OUT_CANDIDATES,
  dayStart,
  optedOutSql,
} from '../infrastructure/usage-sql.js';
import { UsageReportEntity } from '../infrastructure/usage.entities.js';

export interface ReportRequest {
  platformId: string;
  periodStart: string;
  periodEnd: string;
  idempotencyKey: string;
  source: UsageSource;
}

/**
 * Ingests a usage report in one transaction: the CSV streams into a temporary table with COPY
 * (never whole in memory) while its bytes are hashed, every line is checked and stored as
 * accepted or rejected by one set-based statement, titles of unidentified lines are matched,
 * and the report row records the counts. A CSV that cannot be read (header, quoting, a line
 * PostgreSQL cannot parse) is refused whole with PostgreSQL's line number. GraphQL reports
 * arrive here as the same CSV: one intake rule for every path (domain/usage-intake.ts).
 */
@Injectable()
export class UsageIngest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: RegistryViewReader,
    private readonly config: RoyaltyDistributionConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Runs one step of the ingest and logs how long it took. */
  private step<T>(name: string, work: () => Promise<T>): Promise<T> {
    return logDuration(this.logger, 'ingest step', { step: name }, work);
  }

  /**
   * Returns the report id. The idempotency key covers the period and the content (the hash of
   * its bytes): a repeat returns the first report and stores nothing; the key reused for other
   * content is CONFLICT.
   */
  async ingest(
    request: ReportRequest,
    csv: () => Readable,
    onProgress: (bytes: number) => void = () => undefined,
  ): Promise<{ reportId: string; replayed: boolean }> {
    const problem = periodProblem(request.periodStart, request.periodEnd);
    if (problem) throw new DistributionError(DistributionErrorCode.INVALID, problem);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const contentHash = await this.stage(manager, request, csv(), onProgress);
        const scope = {
          callerId: request.platformId,
          key: request.idempotencyKey,
          operation: 'submitUsageReport',
          request: {
            periodStart: request.periodStart,
            periodEnd: request.periodEnd,
            content: contentHash,
          },
        };
        const { resultId, replayed } = await idempotent(
          manager,
          'royalty_distribution',
          scope,
          () => this.store(manager, request),
        );
        return { reportId: resultId, replayed };
      });
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError)
        throw new DistributionError(
          DistributionErrorCode.CONFLICT,
          `the idempotency key ${request.idempotencyKey} was already used for a different report; send new content with a new key`,
        );
      throw error;
    }
  }

  /** Streams the CSV into a temporary table, numbering its lines; returns its bytes' hash. */
  private async stage(
    manager: EntityManager,
    request: ReportRequest,
    csv: Readable,
    onProgress: (bytes: number) => void,
  ): Promise<string> {
    await manager.query(`CREATE TEMPORARY SEQUENCE IF NOT EXISTS usage_import_line`);
    await manager.query(
      `ALTER SEQUENCE usage_import_line RESTART WITH ${firstLineNumber(request.source)}`,
    );
    await manager.query(`
      CREATE TEMPORARY TABLE usage_import (
        line integer NOT NULL DEFAULT nextval('usage_import_line'),
        ${USAGE_CSV_COLUMNS.map((column) => `"${column}" text`).join(', ')}
      ) ON COMMIT DROP`);
    const contentHash = await this.step('copy', () => this.copy(manager, csv, onProgress));
    await manager.query(`ANALYZE usage_import`);
    return contentHash;
  }

  private async store(manager: EntityManager, request: ReportRequest): Promise<string> {
    const reportId = uuidv7();
    await this.step('check and store', () =>
      manager.query(CHECK_AND_STORE_LINES, [
        reportId,
        request.platformId,
        request.periodStart,
        request.periodEnd,
      ]),
    );
    await this.step('match titles', () => this.matchTitles(manager, reportId));
    const [counts] = await manager.query<
      { accepted: number; rejected: number; unidentified: number }[]
    >(
      `SELECT (SELECT count(*) FROM royalty_distribution.usage_lines WHERE report_id = $1)::int AS accepted,
              (SELECT count(*) FROM royalty_distribution.usage_rejections WHERE report_id = $1)::int AS rejected,
              (SELECT count(*) FROM royalty_distribution.usage_lines
                WHERE report_id = $1 AND work_id IS NULL)::int AS unidentified`,
      [reportId],
    );
    if (counts!.accepted + counts!.rejected === 0)
      throw new DistributionError(DistributionErrorCode.INVALID, 'the report has no lines');
    await manager.insert(UsageReportEntity, {
      id: reportId,
      platformId: request.platformId,
      periodStart: request.periodStart,
      periodEnd: request.periodEnd,
      source: request.source,
      linesAccepted: counts!.accepted,
      linesRejected: counts!.rejected,
      linesUnidentified: counts!.unidentified,
    });
    return reportId;
  }

  /** COPYs the CSV into `usage_import`; returns the SHA-256 of its bytes. */
  private async copy(
    manager: EntityManager,
    csv: Readable,
    onProgress: (bytes: number) => void,
  ): Promise<string> {
    const client = (await manager.queryRunner!.connect()) as PoolClient;
    let bytes = 0;
    const hash = createHash('sha256');
    const counter = new Transform({
      transform(chunk: Buffer | string, _encoding, done) {
        bytes += chunk.length;
        hash.update(chunk);
        onProgress(bytes);
        done(null, chunk);
      },
    });
    try {
      await pipeline(
        csv,
        counter,
        client.query(
          copyFrom(
            `COPY usage_import (${USAGE_CSV_COLUMNS.map((c) => `"${c}"`).join(', ')})
             FROM STDIN WITH (FORMAT csv, HEADER MATCH)`,
          ),
        ),
      );
      return hash.digest('hex');
    } catch (error) {
      const pgError = error as { message?: string; where?: string; code?: string };
      // 22021: a NUL byte or bytes that are not UTF-8; PostgreSQL names the line in `where`.
      if (pgError.code === '22021') {
        const line = /\bline (\d+)/.exec(pgError.where ?? '')?.[1] ?? '?';
        throw new DistributionError(
          DistributionErrorCode.INVALID,
          `line ${line}: the file must be UTF-8 text without NUL bytes`,
        );
      }
      if (pgError.code && pgError.code.startsWith('22')) {
        throw new DistributionError(
          DistributionErrorCode.INVALID,
          `${pgError.message}${pgError.where ? ` (${pgError.where.replace(/^COPY usage_import, /, '')})` : ''}; expected the header ${USAGE_CSV_COLUMNS.join(',')}`,
        );
      }
      throw error;
    }
  }

  /**
   * Titles of lines still without a work are matched by trigram similarity (each distinct
   * title once); matched lines of opted-out works are then rejected like any other.
   */
  private async matchTitles(manager: EntityManager, reportId: string): Promise<void> {
    const titles = (
      await manager.query<{ title: string }[]>(
        `SELECT DISTINCT title FROM royalty_distribution.usage_lines
         WHERE report_id = $1 AND work_id IS NULL AND title IS NOT NULL`,
        [reportId],
      )
    ).map((row) => row.title);
    if (titles.length === 0) return;
    const normalized = titles.map((title) => normalizeTitle(title));
    const matches = await this.registry.bestTitleMatches(
      normalized.map((normalizedTitle) => ({ normalizedTitle })),
      this.config.TITLE_MATCH_THRESHOLD,
      manager,
    );
    await manager.query(
      `UPDATE royalty_distribution.usage_lines u
       SET normalized_title = m.normalized, work_id = m.work_id,
           unidentified_reference = CASE WHEN m.work_id IS NULL THEN u.unidentified_reference END
       FROM unnest($2::text[], $3::text[], $4::uuid[]) AS m(title, normalized, work_id)
       WHERE u.report_id = $1 AND u.work_id IS NULL AND u.title = m.title`,
      [reportId, titles, normalized, matches.map((match) => match?.workId ?? null)],
    );
    await manager.query(
      `WITH opted AS (
         DELETE FROM royalty_distribution.usage_lines u
         WHERE u.report_id = $1 AND u.title IS NOT NULL AND u.work_id IN (${OPTED_OUT_CANDIDATES})
           AND ${optedOutSql('u.work_id', 'u.use_type', dayStart('u.usage_date'))}
         RETURNING u.line, u.usage_date)
       INSERT INTO royalty_distribution.usage_rejections (report_id, line, reason)
       SELECT $1, line, 'the work was opted out of extended collective licensing on ' || usage_date
       FROM opted`,
      [reportId],
    );
  }
}
