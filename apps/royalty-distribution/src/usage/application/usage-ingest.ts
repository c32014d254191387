import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { v7 as uuidv7 } from 'uuid';
import { DataSource, type EntityManager } from 'typeorm';
import { UsageReportProcessed, type WorkCategory } from '#libs/contracts';
import { CsvFileError, readCsv } from '#libs/csv';
import { IdempotencyKeyReusedError, copyTextLine, idempotent } from '#libs/database';
import type { TitleMatchResult } from '#libs/matching';
import { Outbox } from '#libs/messaging';
import { RegistryViewReader } from '#libs/registry-view';
import { LOGGER, logDuration } from '#libs/runtime';
import { periodProblem } from '../../shared/domain/period.js';
import { USAGE_CSV_COLUMNS } from '../domain/usage-csv.js';
import {
  lineNumber,
  rejectedLinesPath,
  reportStatus,
  type UsageSource,
} from '../domain/usage-intake.js';
import {
  DistributionError,
  DistributionErrorCode,
} from '../../shared/domain/distribution.errors.js';
import {
  CHECK_AND_STORE_LINES,
  IDENTIFIED,
  LINE_CREATOR,
  LINE_TITLE,
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
 * and the report row records the counts; `distribution.usage-report.processed` is written with
 * it (once: a repeat stores nothing and writes no event). A CSV that cannot be read (not UTF-8,
 * separated by semicolons or tabs, header, quoting, a line with more or fewer fields) is
 * refused whole with its physical line number. GraphQL reports arrive here as the same CSV: one intake rule for
 * every path (domain/usage-intake.ts).
 */
@Injectable()
export class UsageIngest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: RegistryViewReader,
    private readonly outbox: Outbox,
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
    await manager.query(`
      CREATE TEMPORARY TABLE usage_import (
        line integer NOT NULL,
        ${USAGE_CSV_COLUMNS.map((column) => `"${column}" text`).join(', ')}
      ) ON COMMIT DROP`);
    const contentHash = await this.step('copy', () =>
      this.copy(manager, request.source, csv, onProgress),
    );
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
    const processedAt = new Date();
    const report = {
      id: reportId,
      platformId: request.platformId,
      periodStart: request.periodStart,
      periodEnd: request.periodEnd,
      source: request.source,
      linesAccepted: counts!.accepted,
      linesRejected: counts!.rejected,
      linesUnidentified: counts!.unidentified,
      createdAt: processedAt,
    };
    await manager.insert(UsageReportEntity, report);
    await this.outbox.add(manager, [
      {
        definition: UsageReportProcessed,
        aggregateId: reportId,
        correlationId: `usage-report-${reportId}`,
        payload: {
          reportId,
          platformId: report.platformId,
          status: reportStatus(report),
          periodStart: report.periodStart,
          periodEnd: report.periodEnd,
          linesAccepted: report.linesAccepted,
          linesRejected: report.linesRejected,
          processedAt: processedAt.toISOString(),
          rejectedLinesPath: rejectedLinesPath(reportId),
        },
      },
    ]);
    return reportId;
  }

  /** COPYs the CSV into `usage_import`; returns the SHA-256 of its bytes. */
  private async copy(
    manager: EntityManager,
    source: UsageSource,
    csv: Readable,
    onProgress: (bytes: number) => void,
  ): Promise<string> {
    const client = (await manager.queryRunner!.connect()) as PoolClient;
    const hash = createHash('sha256');
    try {
      await pipeline(
        Readable.from(copyLines(hashed(csv, hash), source, onProgress)),
        client.query(
          copyFrom(
            `COPY usage_import (line, ${USAGE_CSV_COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN`,
          ),
        ),
      );
      return hash.digest('hex');
    } catch (error) {
      if (error instanceof CsvFileError)
        throw new DistributionError(DistributionErrorCode.INVALID, error.message);
      const pgError = error as { message?: string; where?: string; code?: string };
      if (pgError.code && pgError.code.startsWith('22')) {
        throw new DistributionError(
          DistributionErrorCode.INVALID,
          `${pgError.message}${pgError.where ? ` (${pgError.where.replace(/^COPY usage_import, /, '')})` : ''}`,
        );
      }
      throw error;
    }
  }

  /**
   * Titles of lines still without a work go to the one matcher, each distinct title (with
   * the creator and category the lines carry) once: a certain match gives the lines its work;
   * candidates only or nothing leave them unidentified, with their title's keys for matching
   * later. Matched lines of opted-out works are then rejected like any other.
   */
  private async matchTitles(manager: EntityManager, reportId: string): Promise<void> {
    const queries = await manager.query<
      { title: string; creator: string | null; category: WorkCategory }[]
    >(
      `SELECT DISTINCT ${LINE_TITLE} AS title, ${LINE_CREATOR} AS creator, u.category
       FROM royalty_distribution.usage_lines u
       WHERE u.report_id = $1 AND u.work_id IS NULL AND ${LINE_TITLE} IS NOT NULL`,
      [reportId],
    );
    if (queries.length === 0) return;
    const results: TitleMatchResult[] = [];
    for (let start = 0; start < queries.length; start += MATCH_CHUNK)
      results.push(
        ...(await this.step('matcher', () =>
          this.registry.matchTitles(queries.slice(start, start + MATCH_CHUNK), manager),
        )),
      );
    const matches = results.map(({ decision }) =>
      decision.outcome === 'MATCHED' ? decision.match : undefined,
    );
    await this.step('title update', () =>
      manager.query(
        `UPDATE royalty_distribution.usage_lines u
       SET work_id = m.work_id, match_method = m.method, match_score = m.score,
           unidentified_reference = CASE WHEN m.work_id IS NULL THEN u.unidentified_reference END,
           title_compact = CASE WHEN m.work_id IS NULL THEN nullif(m.compact, '') END,
           title_reading = CASE WHEN m.work_id IS NULL THEN nullif(m.reading, '') END
       FROM unnest($2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::real[],
                   $8::text[], $9::text[])
         AS m(title, creator, category, work_id, method, score, compact, reading)
       WHERE u.report_id = $1 AND u.work_id IS NULL AND ${LINE_TITLE} = m.title
         AND ${LINE_CREATOR} IS NOT DISTINCT FROM m.creator AND u.category = m.category`,
        [
          reportId,
          queries.map((query) => query.title),
          queries.map((query) => query.creator),
          queries.map((query) => query.category),
          matches.map((match) => match?.workId ?? null),
          matches.map((match) => match?.method ?? null),
          matches.map((match) => match?.score ?? null),
          // The keys of the title without its decorations (桜の雨 of 桜の雨 (Live)): the work
          // registered later is the bare title, and re-matching finds lines by equal keys.
          results.map(({ keys }) => (keys.core ?? keys).compact),
          results.map(({ keys }) => (keys.core ?? keys).reading),
        ],
      ),
    );
    await manager.query(
      `WITH opted AS (
         DELETE FROM royalty_distribution.usage_lines u
         WHERE u.report_id = $1 AND u.match_method <> $2 AND u.work_id IN (${OPTED_OUT_CANDIDATES})
           AND ${optedOutSql('u.work_id', 'u.use_type', dayStart('u.usage_date'))}
         RETURNING u.line, u.usage_date)
       INSERT INTO royalty_distribution.usage_rejections (report_id, line, reason)
       SELECT $1, line, 'the work was opted out of extended collective licensing on ' || usage_date
       FROM opted`,
      [reportId, IDENTIFIED.method],
    );
  }
}

/** Distinct titles sent to the matcher at once (a report may name many). */
const MATCH_CHUNK = 2000;

/** What is sent to the server at once, at most about. */
const COPY_CHUNK = 64 * 1024;

/**
 * The report's lines in PostgreSQL's COPY text format, each with its number (lineNumber: the
 * physical line of a CSV file, the place of a GraphQL line) and empty cells as null, in chunks. A file that cannot be read or
 * whose header is not the usage header throws `CsvFileError`.
 */
async function* copyLines(
  csv: AsyncIterable<Buffer | string>,
  source: UsageSource,
  onProgress: (bytes: number) => void,
): AsyncGenerator<string> {
  let header = true;
  let record = 0;
  let chunk = '';
  for await (const { line, fields } of readCsv(csv, onProgress)) {
    if (header) {
      header = false;
      const found = fields.map((field) => field.trim());
      if (found.join(',') !== USAGE_CSV_COLUMNS.join(','))
        throw new CsvFileError(
          line,
          `the header is ${found.join(',')}; expected the header ${USAGE_CSV_COLUMNS.join(',')}`,
        );
      continue;
    }
    record += 1;
    const number = lineNumber(source, { physical: line, record });
    chunk += copyTextLine([number, ...fields.map((field) => (field === '' ? null : field))]);
    if (chunk.length >= COPY_CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** The chunks of `source`, each added to `hash` as it passes. */
async function* hashed(
  source: AsyncIterable<Buffer | string>,
  hash: Hash,
): AsyncGenerator<Buffer | string> {
  for await (const chunk of source) {
    hash.update(chunk);
    yield chunk;
  }
}
