import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { validateWork, type ValidWork } from '../../domain/work-registration.js';
import { WorkError } from '../../domain/work.errors.js';
import type { CsvRow } from '../../infrastructure/csv-rows.js';
import { RegisterWorkHandler } from '../register-work.handler.js';
import { registrationFromCsv, unknownColumns, type FieldError } from './work-csv.js';

export interface RowError extends FieldError {
  line: number;
}

export interface ImportProgress {
  phase: 'checking' | 'registering';
  rows: number;
  bytes: number;
}

export type ImportResult = { imported: number; errors: [] } | { imported: 0; errors: RowError[] };

/** Rows reported at the most; a file with more errors says how many there were. */
export const MAX_REPORTED_ERRORS = 1000;

/**
 * Imports a works CSV: every row is checked first (fields, identifiers with check digits,
 * shares); then all rows are registered in one transaction, where a row that conflicts (an
 * identifier already registered, an unknown holder) is reported too. Any error: nothing is
 * committed and every error comes back with its line, field and reason.
 */
@Injectable()
export class ImportWorksHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registerWork: RegisterWorkHandler,
  ) {}

  async execute(
    rows: () => AsyncIterable<CsvRow>,
    caller: Caller,
    onProgress: (progress: ImportProgress) => void = () => undefined,
  ): Promise<ImportResult> {
    const errors: RowError[] = [];
    let count = 0;
    for await (const row of rows()) {
      count += 1;
      if (count === 1) {
        for (const column of unknownColumns(Object.keys(row.values))) {
          errors.push({ line: 1, field: column, reason: 'unknown column' });
        }
      }
      for (const error of this.check(row)) errors.push({ line: row.line, ...error });
      if (count % 1000 === 0) onProgress({ phase: 'checking', rows: count, bytes: row.bytes });
    }
    if (count === 0) errors.push({ line: 1, field: 'file', reason: 'no works in the file' });
    if (errors.length) return { imported: 0, errors: errors.slice(0, MAX_REPORTED_ERRORS) };

    const correlationId = `import-${randomUUID()}`;
    let imported = 0;
    try {
      await this.dataSource.transaction(async (manager) => {
        for await (const row of rows()) {
          const work = this.valid(row);
          try {
            await this.registerWork.register(manager, caller, work, correlationId, {
              openDisputes: false,
            });
            imported += 1;
          } catch (error) {
            if (!(error instanceof WorkError)) throw error;
            errors.push({ line: row.line, field: fieldOf(error.message), reason: error.message });
            if (errors.length >= MAX_REPORTED_ERRORS) break;
          }
          if (imported % 1000 === 0)
            onProgress({ phase: 'registering', rows: imported, bytes: row.bytes });
        }
        if (errors.length) throw new RollBack();
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
      return { imported: 0, errors };
    }
    return { imported, errors: [] };
  }

  private check(row: CsvRow): FieldError[] {
    const { input, errors } = registrationFromCsv(row.values);
    if (!input) return errors;
    try {
      validateWork(input);
      return [];
    } catch (error) {
      if (!(error instanceof WorkError)) throw error;
      return error.problems.map((problem) => ({ field: fieldOf(problem), reason: problem }));
    }
  }

  private valid(row: CsvRow): ValidWork {
    return validateWork(registrationFromCsv(row.values).input!);
  }
}

class RollBack extends Error {}

/** The CSV column a registration problem is about. */
function fieldOf(problem: string): string {
  const scheme = /^(ISWC|ISRC|ISAN|ISBN|PROPRIETARY)\b/.exec(problem);
  if (scheme) return scheme[1]!.toLowerCase();
  if (/share|holder|PERFORMANCE|REPRODUCTION|MAKING_AVAILABLE/.test(problem)) return 'shares';
  if (problem.startsWith('title')) return 'title';
  return 'row';
}
