import { PassThrough, type Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { Role, type UseType, isUuid } from '#libs/contracts';
import { RegistryViewReader } from '#libs/registry-view';
import {
  DistributionError,
  DistributionErrorCode,
} from '../../shared/domain/distribution.errors.js';
import { mayReadStatement, mayRunBatch } from '../../shared/domain/tenancy.js';
import { spreadsheetTextSql } from '../domain/spreadsheet-text.js';
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

export interface HolderStatement {
  batch: BatchEntity;
  holderId: string;
  lines: StatementLineRow[];
}

@Injectable()
export class BatchQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: RegistryViewReader,
  ) {}

  /** A batch by id; null for an id that is not a UUID. */
  async byId(id: string): Promise<BatchEntity | null> {
    return isUuid(id) ? this.dataSource.manager.findOneBy(BatchEntity, { id }) : null;
  }

  /** A batch the caller runs; NOT_FOUND when there is none or the caller may not see it. */
  async visibleBatch(caller: Caller, id: string): Promise<BatchEntity> {
    const batch = await this.byId(id);
    if (!batch || !mayRunBatch(caller, batch.societyId))
      throw new DistributionError(DistributionErrorCode.NOT_FOUND, `no batch ${id}`);
    return batch;
  }

  /**
   * A holder's statement of a batch. NOT_FOUND alike for a batch that does not exist, for a
   * statement the caller may not read (by role, tenant and batch status: `mayReadStatement`), and for a holder the
   * registry does not know and that has no lines: the answer never tells what exists.
   */
  async statement(caller: Caller, batchId: string, holderId: string): Promise<HolderStatement> {
    const notFound = () =>
      new DistributionError(
        DistributionErrorCode.NOT_FOUND,
        `no statement for ${isUuid(holderId) ? holderId : 'that holder'} in batch ${isUuid(batchId) ? batchId : 'that id'}`,
      );
    const batch = isUuid(holderId) ? await this.byId(batchId) : null;
    if (!batch) throw notFound();
    const holderSocietyIds =
      caller.role === Role.SOCIETY_ADMIN
        ? await this.registry.societiesOf(holderId, new Date())
        : [];
    if (
      !mayReadStatement(caller, {
        batchSocietyId: batch.societyId,
        batchStatus: batch.status,
        holderId,
        holderSocietyIds,
      })
    )
      throw notFound();
    const lines = await this.statementLines(batch.id, holderId);
    if (lines.length === 0 && !(await this.registry.partyKind(holderId))) throw notFound();
    return { batch, holderId, lines };
  }

  /**
   * Every allocation of a batch as CSV, streamed from PostgreSQL (`COPY ... TO STDOUT`) so a
   * batch of any size passes through without being held; the connection is released at the end.
   */
  async allocationsCsv(batch: BatchEntity): Promise<Readable> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    const body = new PassThrough();
    const copy = client.query(
      copyTo(
        `COPY (SELECT ${spreadsheetTextSql('work_key')} AS work_key,
                      ${spreadsheetTextSql('holder_key')} AS holder_key,
                      points, amount, '${batch.currency}' AS currency, status, reason
               FROM ${S}.batch_cells WHERE batch_id = '${batch.id}'
               ORDER BY batch_cells.work_key COLLATE "C", batch_cells.holder_key COLLATE "C")
         TO STDOUT WITH (FORMAT csv, HEADER)`,
      ),
    );
    const release = () => void runner.release();
    copy.on('end', release).on('error', (error) => {
      release();
      body.destroy(error);
    });
    return copy.pipe(body);
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
