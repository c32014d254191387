import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { CsvFileError } from '#libs/csv';
import { Role } from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import {
  registrationRefusal,
  validateWork,
  type ValidWork,
} from '../../domain/work-registration.js';
import { WorkError } from '../../domain/work.errors.js';
import { likelyDuplicateReason, repeatedRowReason } from '../../domain/likely-duplicates.js';
import type { CsvRow } from '../../infrastructure/csv-rows.js';
import { WorkMatchKeys } from '../../infrastructure/work-match-keys.js';
import { WorkStaging, type StagedWork } from '../../infrastructure/work-staging.js';
import { workRegistered } from '../work-registered.js';
import { registrationFromCsv, unknownColumns, type FieldError } from './work-csv.js';

export interface RowError extends FieldError {
  line: number;
}

export interface ImportProgress {
  phase: 'checking' | 'registering';
  rows: number;
  bytes: number;
}

export interface ImportOptions {
  /** Registers rows that likely repeat a registered work or an earlier row all the same. */
  confirmDuplicates?: boolean;
  /** A file read past this many bytes is refused whole (HTTP uploads; the CLI reads any size). */
  maxBytes?: number;
}

export type ImportResult = { imported: number; errors: [] } | { imported: 0; errors: RowError[] };

/** Works whose match keys are written in one statement. */
const MATCH_KEYS_BATCH = 1000;

/** Rows reported at the most; a file with more errors says how many there were. */
export const MAX_REPORTED_ERRORS = 1000;

/**
 * Imports a works CSV in one pass and one transaction. Each row is checked as it streams by
 * (fields, identifiers with check digits, shares, the caller's right to register it) and staged
 * with COPY; then set-based queries check the staged rows against the registry and each other
 * (holders, identifiers taken or repeated, likely duplicates unless confirmed: the same title,
 * category and holders as a registered work or an earlier row), and one statement per table
 * registers them all.
 * Any error: nothing is committed and every error comes back with its line, field and reason.
 */
@Injectable()
export class ImportWorksHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly matchKeys: WorkMatchKeys,
  ) {}

  async execute(
    rows: () => AsyncIterable<CsvRow>,
    caller: Caller,
    onProgress: (progress: ImportProgress) => void = () => undefined,
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    const errors: RowError[] = [];
    const correlationId = `import-${randomUUID()}`;
    const now = new Date();
    let count = 0;
    let bytes = 0;
    try {
      await this.dataSource.transaction(async (manager) => {
        const staging = await WorkStaging.open(manager);
        for await (const row of untilUnreadable(rows(), errors)) {
          count += 1;
          bytes = row.bytes;
          if (count === 1) {
            for (const column of unknownColumns(Object.keys(row.values))) {
              errors.push({ line: 1, field: column, reason: 'unknown column' });
            }
          }
          const checked = this.check(row, caller);
          if (options.maxBytes !== undefined && row.bytes > options.maxBytes) {
            errors.push({
              line: row.line,
              field: 'file',
              reason: `the file is larger than ${options.maxBytes} bytes: split it and send the parts one by one`,
            });
            break;
          }
          if ('problems' in checked) {
            // Enough to act on; the rest of a bad file is read but not listed.
            if (errors.length < MAX_REPORTED_ERRORS) {
              errors.push(...checked.problems.map((problem) => ({ line: row.line, ...problem })));
            }
          } else if (errors.length === 0) {
            const staged = this.staged(row.line, checked.work, caller, correlationId, now, {
              // One function builds every payload from validated works: check the first.
              validatePayload: count === 1,
            });
            await staging.write(staged);
          }
          if (count % 1000 === 0) onProgress({ phase: 'checking', rows: count, bytes: row.bytes });
        }
        if (count === 0 && errors.length === 0)
          errors.push({ line: 1, field: 'file', reason: 'no works in the file' });
        await staging.close();
        if (errors.length) throw new RollBack();
        onProgress({ phase: 'registering', rows: count, bytes });
        const societyId = caller.role === Role.SOCIETY_ADMIN ? caller.partyId : undefined;
        errors.push(...(await staging.problems(MAX_REPORTED_ERRORS, societyId)));
        if (!options.confirmDuplicates) {
          for (const duplicate of await staging.likelyDuplicates(MAX_REPORTED_ERRORS)) {
            errors.push({
              line: duplicate.line,
              field: 'title',
              reason:
                'workId' in duplicate
                  ? likelyDuplicateReason({ id: duplicate.workId, title: duplicate.title })
                  : repeatedRowReason(duplicate.firstLine),
            });
          }
          errors.sort((a, b) => a.line - b.line);
        }
        if (errors.length) throw new RollBack();
        await staging.register(caller.partyId, now);
        for await (const works of staging.matchTexts(MATCH_KEYS_BATCH))
          await this.matchKeys.write(manager, works);
        await this.outbox.addSelected(manager, WorkStaging.EVENTS);
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
      return { imported: 0, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
    }
    return { imported: count, errors: [] };
  }

  private check(row: CsvRow, caller: Caller): { work: ValidWork } | { problems: FieldError[] } {
    const { input, errors } = registrationFromCsv(row.values);
    if (!input) return { problems: errors };
    try {
      const work = validateWork(input);
      // Society membership is checked set-based once the file is staged.
      const refusal = registrationRefusal(caller, work.shares, () => true);
      return refusal ? { problems: [{ field: 'shares', reason: refusal }] } : { work };
    } catch (error) {
      if (!(error instanceof WorkError)) throw error;
      return {
        problems: error.problems.map((problem) => ({ field: fieldOf(problem), reason: problem })),
      };
    }
  }

  private staged(
    line: number,
    work: ValidWork,
    caller: Caller,
    correlationId: string,
    now: Date,
    options: { validatePayload: boolean },
  ): StagedWork {
    // Time-ordered ids: a million rows append to the indexes instead of touching every page.
    const workId = uuidv7();
    const event = this.outbox.prepare(
      workRegistered(workId, work, caller.partyId, now, correlationId),
      options,
    );
    return { line, workId, versionId: uuidv7(), work, event };
  }
}

class RollBack extends Error {}

/**
 * The rows of a file up to where it cannot be read any more; then the file is refused whole,
 * with the line at fault (the loop ends normally, so staging closes and nothing hangs).
 */
async function* untilUnreadable(
  rows: AsyncIterable<CsvRow>,
  errors: RowError[],
): AsyncGenerator<CsvRow> {
  try {
    yield* rows;
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    errors.push({ line: error.line, field: 'file', reason: error.reason });
  }
}

/** The CSV column a registration problem is about. */
function fieldOf(problem: string): string {
  const scheme = /^(ISWC|ISRC|ISAN|ISBN|PROPRIETARY)\b/.exec(problem);
  if (scheme) return scheme[1]!.toLowerCase();
  if (/share|holder|PERFORMANCE|REPRODUCTION|MAKING_AVAILABLE/.test(problem)) return 'shares';
  if (problem.startsWith('title')) return 'title';
  return 'row';
}
