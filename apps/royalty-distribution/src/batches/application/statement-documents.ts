import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { isUuid, type UseType } from '#libs/contracts';
import { RegistryViewReader } from '#libs/registry-view';
import { BatchEntity } from '../infrastructure/batch.entities.js';
import {
  PARTY_NAMES,
  STATEMENT_USE_TYPES,
  statementRowsSql,
  type StatementRow,
} from '../infrastructure/statement-sql.js';
import { BatchQueries, type StatementLineRow } from './batch.queries.js';

/** A statement as a document: its batch, who it is for, and its totals. */
export interface StatementSummary {
  batch: BatchEntity;
  holderId: string;
  holderName: string | null;
  societyName: string | null;
  payable: bigint;
  held: bigint;
  reserved: bigint;
  /** Held money whose claim was approved (the holder's NON_MEMBER reserve, CLAIMED). */
  claimed: bigint;
  useTypes: UseType[];
}

/** A statement line with the work's title (the registry's, or the usage line's). */
export interface TitledStatementLine extends StatementLineRow {
  title: string | null;
}

const key = (batchId: string, holderId: string) => `${batchId}/${holderId}`;

/** Statements read as documents: names, periods, use types and titles, not only ids. */
@Injectable()
export class StatementDocuments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: RegistryViewReader,
    private readonly queries: BatchQueries,
  ) {}

  /** The summaries of statements the caller may read (already checked), in the order given. */
  async summaries(
    keys: readonly { batchId: string; holderId: string }[],
    rows?: readonly StatementRow[],
  ): Promise<StatementSummary[]> {
    if (keys.length === 0) return [];
    const batchIds = [...new Set(keys.map((k) => k.batchId))];
    const holderIds = keys.map((k) => k.holderId);
    const totals =
      rows ??
      (await this.dataSource.query<StatementRow[]>(
        statementRowsSql(
          `(c.batch_id, c.holder_key) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
        ),
        [keys.map((k) => k.batchId), holderIds],
      ));
    const [batches, uses] = await Promise.all([
      this.dataSource.manager.findBy(BatchEntity, { id: In(batchIds) }),
      this.dataSource.query<{ batch_id: string; holder_id: string; use_types: UseType[] }[]>(
        STATEMENT_USE_TYPES,
        [keys.map((k) => k.batchId), holderIds],
      ),
    ]);
    const batchOf = new Map(batches.map((batch) => [batch.id, batch]));
    const names = await this.dataSource.query<{ id: string; name: string }[]>(PARTY_NAMES, [
      [...new Set([...holderIds, ...batches.map((batch) => batch.societyId)])],
    ]);
    const nameOf = new Map(names.map((row) => [row.id, row.name]));
    const totalsOf = new Map(totals.map((row) => [key(row.batch_id, row.holder_id), row]));
    const usesOf = new Map(uses.map((row) => [key(row.batch_id, row.holder_id), row.use_types]));
    return keys.flatMap(({ batchId, holderId }) => {
      const batch = batchOf.get(batchId);
      if (!batch) return [];
      const row = totalsOf.get(key(batchId, holderId));
      return [
        {
          batch,
          holderId,
          holderName: nameOf.get(holderId) ?? null,
          societyName: nameOf.get(batch.societyId) ?? null,
          payable: BigInt(row?.payable ?? 0),
          held: BigInt(row?.held ?? 0),
          reserved: BigInt(row?.reserved ?? 0),
          claimed: BigInt(row?.claimed ?? 0),
          useTypes: usesOf.get(key(batchId, holderId)) ?? [],
        },
      ];
    });
  }

  /** A holder's lines in a batch with the works' titles. */
  async lines(batchId: string, holderId: string): Promise<TitledStatementLine[]> {
    const lines = await this.queries.statementLines(batchId, holderId);
    const works = await this.registry.works(lines.map((line) => line.workKey).filter(isUuid));
    return lines.map((line) => ({ ...line, title: works.get(line.workKey)?.title ?? null }));
  }
}
