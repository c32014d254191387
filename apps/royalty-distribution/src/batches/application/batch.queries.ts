import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UseType } from '#libs/contracts';
import { BatchEntity } from '../infrastructure/batch.entities.js';
import { STATEMENT_LINES } from '../infrastructure/calculation-sql.js';

const S = 'royalty_distribution';

export interface StatementLineRow {
  workKey: string;
  useType: UseType;
  amount: bigint;
  status: string;
}

export interface WorkTotal {
  workKey: string;
  amount: bigint;
}

@Injectable()
export class BatchQueries {
  constructor(private readonly dataSource: DataSource) {}

  byId(id: string): Promise<BatchEntity | null> {
    return this.dataSource.manager.findOneBy(BatchEntity, { id });
  }

  /** Batches in creation order after `after`; `first + 1` of them. */
  page(societyId: string | null, first: number, after?: string): Promise<BatchEntity[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(BatchEntity, 'batch')
      .orderBy('batch.id', 'ASC')
      .take(first + 1);
    if (societyId) query.andWhere('batch.societyId = :societyId', { societyId });
    if (after) query.andWhere('batch.id > :after', { after });
    return query.getMany();
  }

  /** A holder's lines in a batch: per work and use type, with what became of the money. */
  async statementLines(batchId: string, holderId: string): Promise<StatementLineRow[]> {
    const rows = await this.dataSource.query<
      { work_key: string; use_type: UseType; amount: string; status: string }[]
    >(STATEMENT_LINES, [batchId, holderId]);
    return rows
      .map((row) => ({
        workKey: row.work_key,
        useType: row.use_type,
        amount: BigInt(row.amount),
        status: row.status,
      }))
      .filter((line) => line.amount > 0n);
  }

  /** Works that earned the most in a batch (all holders, reserved money included). */
  async topWorks(batchId: string, limit: number): Promise<WorkTotal[]> {
    const rows = await this.dataSource.query<{ work_key: string; amount: string }[]>(
      `SELECT work_key, sum(amount)::text AS amount FROM ${S}.batch_cells
       WHERE batch_id = $1 AND work_key <> 'NO_USAGE'
       GROUP BY work_key ORDER BY sum(amount) DESC, work_key LIMIT $2`,
      [batchId, limit],
    );
    return rows.map((row) => ({ workKey: row.work_key, amount: BigInt(row.amount) }));
  }
}
