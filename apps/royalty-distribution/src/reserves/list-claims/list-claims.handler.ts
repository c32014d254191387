import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { listScope, listedHolder } from '../../shared/domain/tenancy.js';
import { claimVisibleSql } from '../infrastructure/reserve-sql.js';
import type { ClaimEntity, ClaimStatus } from '../infrastructure/reserve.entities.js';

export interface ClaimsFilter {
  holderId?: string | null;
  status?: ClaimStatus | null;
}

export interface ClaimPage {
  claims: ClaimEntity[];
  hasNextPage: boolean;
  totalCount: number;
}

const EMPTY: ClaimPage = { claims: [], hasNextPage: false, totalCount: 0 };

/**
 * Claims, newest first: a right holder its own, an admin its members' and those on its
 * batches' reserves, the operator every one (`mayReadClaim`, in SQL); anyone else none.
 */
@Injectable()
export class ListClaims {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    caller: Caller,
    filter: ClaimsFilter,
    first: number,
    after: string | null,
  ): Promise<ClaimPage> {
    const scope = listScope(caller);
    const { holderId, nothing } = listedHolder(caller, filter.holderId);
    if (nothing || (!scope.everything && !scope.ofSociety && !scope.ofHolder)) return EMPTY;
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [claimVisibleSql(scope, param, new Date().toISOString().slice(0, 10))];
    if (holderId) where.push(`cl.holder_id = ${param(holderId)}::uuid`);
    if (filter.status) where.push(`cl.status = ${param(filter.status)}`);
    const from = `FROM royalty_distribution.claims cl
      JOIN royalty_distribution.reserves r ON r.id = cl.reserve_id
      JOIN royalty_distribution.distribution_batches b ON b.id = r.batch_id`;
    const [{ n: totalCount }] = await this.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n ${from} WHERE ${where.join(' AND ')}`,
      params,
    );
    if (after) where.push(`cl.id < ${param(after)}::uuid`);
    const rows = await this.dataSource.query<ClaimEntity[]>(
      `SELECT cl.id, cl.reserve_id AS "reserveId", cl.holder_id AS "holderId", cl.evidence,
              cl.status, cl.claimed_by AS "claimedBy", cl.settled_by AS "settledBy",
              cl.settled_at AS "settledAt", cl.created_at AS "createdAt"
       ${from} WHERE ${where.join(' AND ')} ORDER BY cl.id DESC LIMIT ${param(first + 1)}`,
      params,
    );
    return { claims: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }
}
