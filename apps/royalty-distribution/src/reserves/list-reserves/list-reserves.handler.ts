import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { foundBySearch, titleKeysOf } from '#libs/matching';
import { RegistryViewReader } from '#libs/registry-view';
import { reserveScope } from '../../shared/domain/tenancy.js';
import {
  RESERVE_DOCUMENTS,
  reserveVisibleSql,
  type ReserveDocumentRow,
} from '../infrastructure/reserve-sql.js';

export interface ReservesFilter {
  batchId?: string | null;
  status?: string | null;
  reason?: string | null;
  query?: string | null;
}

export interface ReservePage {
  reserves: ReserveDocumentRow[];
  hasNextPage: boolean;
  totalCount: number;
}

/**
 * The reserve report: public reserves to anyone, held money to whoever may see it
 * (`mayReadReserve`, in SQL), searchable by title with the one matcher; in id order.
 */
@Injectable()
export class ListReserves {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: RegistryViewReader,
  ) {}

  async list(
    caller: Caller | null,
    filter: ReservesFilter,
    first: number,
    after: string | null,
  ): Promise<ReservePage> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [
      reserveVisibleSql(reserveScope(caller), param, new Date().toISOString().slice(0, 10)),
    ];
    if (filter.batchId) where.push(`r.batch_id = ${param(filter.batchId)}::uuid`);
    if (filter.status) where.push(`r.status = ${param(filter.status)}`);
    if (filter.reason) where.push(`r.reason = ${param(filter.reason)}`);
    const query = filter.query?.trim();
    if (query) where.push(`r.work_key = ANY (${param(await this.workKeysTitled(query))}::text[])`);
    const [{ n }] = await this.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM royalty_distribution.reserves r WHERE ${where.join(' AND ')}`,
      params,
    );
    if (after) where.push(`r.id > ${param(after)}::uuid`);
    const rows = await this.dataSource.query<ReserveDocumentRow[]>(
      `${RESERVE_DOCUMENTS} WHERE ${where.join(' AND ')} ORDER BY r.id LIMIT ${param(first + 1)}`,
      params,
    );
    return { reserves: rows.slice(0, first), hasNextPage: rows.length > first, totalCount: n };
  }

  /** Reserves by id as documents (the caller's right to see them was checked). */
  async byIds(ids: readonly string[]): Promise<Map<string, ReserveDocumentRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<ReserveDocumentRow[]>(
      `${RESERVE_DOCUMENTS} WHERE r.id = ANY ($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * The work keys a title search finds: the works a work search by the title lists, and the
   * references of unidentified works whose usage lines named a title with the same keys
   * (compact form or reading: kana, romaji, width and spacing alike).
   */
  private async workKeysTitled(query: string): Promise<string[]> {
    const [match] = await this.registry.matchTitles([{ title: query }]);
    // The works a work search by this title lists (one rule: foundBySearch).
    const works = match!.scored.filter(foundBySearch).map((work) => work.workId);
    const [keys] = await titleKeysOf([query]);
    const forms = [keys!, ...(keys!.core ? [keys!.core] : [])];
    const unidentified = await this.dataSource.query<{ reference: string }[]>(
      `SELECT DISTINCT u.unidentified_reference AS reference
       FROM royalty_distribution.usage_lines u
       WHERE u.work_id IS NULL AND u.unidentified_reference IS NOT NULL
         AND (u.title_compact = ANY ($1::text[]) OR u.title_reading = ANY ($2::text[]))`,
      [
        forms.map((form) => form.compact).filter(Boolean),
        forms.map((form) => form.reading).filter(Boolean),
      ],
    );
    return [...works, ...unidentified.map((row) => row.reference)];
  }
}
