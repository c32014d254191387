import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import type { WorkCategory } from '#libs/contracts';
import { listScope, listedHolder } from '../../shared/domain/tenancy.js';
import { StatementDocuments, type StatementSummary } from '../application/statement-documents.js';
import {
  statementRowsSql,
  statementVisibleSql,
  type StatementRow,
} from '../infrastructure/statement-sql.js';

export interface StatementsFilter {
  holderId?: string | null;
  batchId?: string | null;
  category?: WorkCategory | null;
  periodFrom?: string | null;
  periodTo?: string | null;
}

/** A statement's place in the list: newest batch first, then holder id. */
export interface StatementKey {
  batchId: string;
  holderId: string;
}

export interface CurrencyTotals {
  currency: string;
  payable: bigint;
  held: bigint;
  reserved: bigint;
  claimed: bigint;
}

export interface StatementPage {
  statements: StatementSummary[];
  hasNextPage: boolean;
  totalCount: number;
  /** One per currency, over every statement the filter keeps (not only the page). */
  totals: CurrencyTotals[];
}

const EMPTY: StatementPage = { statements: [], hasNextPage: false, totalCount: 0, totals: [] };

/**
 * Statements across batches: a right holder its own, an admin those of its society's batches
 * and of its members, the operator every one; each only in the batch statuses the caller reads
 * (`mayReadStatement`, in SQL). Newest batch first.
 */
@Injectable()
export class ListStatements {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: StatementDocuments,
  ) {}

  async list(
    caller: Caller,
    filter: StatementsFilter,
    first: number,
    after: StatementKey | null,
  ): Promise<StatementPage> {
    const scope = listScope(caller);
    const { holderId, nothing } = listedHolder(caller, filter.holderId);
    if (nothing || (!scope.everything && !scope.ofSociety && !scope.ofHolder)) return EMPTY;
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [
      statementVisibleSql(scope, param, new Date().toISOString().slice(0, 10)),
      ...(holderId ? [`c.holder_key = ${param(holderId)}`] : []),
      ...(filter.batchId ? [`c.batch_id = ${param(filter.batchId)}::uuid`] : []),
      ...(filter.category ? [`b.category = ${param(filter.category)}`] : []),
      ...(filter.periodFrom ? [`b.period_start >= ${param(filter.periodFrom)}::date`] : []),
      ...(filter.periodTo ? [`b.period_end <= ${param(filter.periodTo)}::date`] : []),
    ].join(' AND ');
    const statements = `WITH st AS (${statementRowsSql(where)})`;
    const totals = await this.dataSource.query<
      (Omit<StatementRow, 'batch_id' | 'holder_id'> & { n: number })[]
    >(
      `${statements}
       SELECT currency, count(*)::int AS n, sum(payable::numeric)::text AS payable,
              sum(held::numeric)::text AS held, sum(reserved::numeric)::text AS reserved,
              sum(claimed::numeric)::text AS claimed
       FROM st GROUP BY currency ORDER BY currency`,
      params,
    );
    const keyset = after
      ? `WHERE st.batch_id < ${param(after.batchId)}::uuid
           OR (st.batch_id = ${param(after.batchId)}::uuid
               AND st.holder_id COLLATE "C" > ${param(after.holderId)})`
      : '';
    const rows = await this.dataSource.query<StatementRow[]>(
      `${statements}
       SELECT * FROM st ${keyset}
       ORDER BY st.batch_id DESC, st.holder_id COLLATE "C" LIMIT ${param(first + 1)}`,
      params,
    );
    const page = rows.slice(0, first);
    return {
      statements: await this.documents.summaries(
        page.map((row) => ({ batchId: row.batch_id, holderId: row.holder_id })),
        page,
      ),
      hasNextPage: rows.length > first,
      totalCount: totals.reduce((sum, row) => sum + row.n, 0),
      totals: totals.map((row) => ({
        currency: row.currency,
        payable: BigInt(row.payable),
        held: BigInt(row.held),
        reserved: BigInt(row.reserved),
        claimed: BigInt(row.claimed),
      })),
    };
  }
}
