import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { isUuid, type UseType } from '#libs/contracts';
import {
  AuthorizationError,
  AuthorizationErrorCode,
} from '../../shared/domain/authorization.errors.js';
import type { RevokedPosition } from '../domain/revoked-since.js';
import { mayReadLicense, mayReadUseRequest } from '../../shared/domain/tenancy.js';
import {
  LicenseEntity,
  type LicenseStatus,
  UseRequestEntity,
  UseRequestItemEntity,
} from '../infrastructure/licensing.entities.js';

export interface LicenseFilter {
  /** Licenses of this platform only (platforms always see only their own). */
  platformId?: string | null;
  /** Licenses under schemes of this society. */
  societyId?: string | null;
  status?: LicenseStatus | null;
  workId?: string | null;
  useType?: UseType | null;
  /** Licenses whose period contains this day. */
  validOn?: string | null;
  /** Licenses revoked at or after this instant, listed by (revokedAt, id). */
  revokedSince?: Date | null;
}

export interface UseRequestView extends UseRequestEntity {
  items: UseRequestItemEntity[];
}

@Injectable()
export class LicensingQueries {
  constructor(private readonly dataSource: DataSource) {}

  async useRequest(id: string): Promise<UseRequestView | null> {
    const request = await this.dataSource.manager.findOneBy(UseRequestEntity, { id });
    if (!request) return null;
    const items = await this.dataSource.manager.find(UseRequestItemEntity, {
      where: { useRequestId: id },
      order: { index: 'ASC' },
    });
    return { ...request, items };
  }

  license(id: string): Promise<LicenseEntity | null> {
    return this.dataSource.manager.findOneBy(LicenseEntity, { id });
  }

  /** A use request the caller may read; NOT_FOUND when there is none or it is another's. */
  async visibleUseRequest(caller: Caller, id: string): Promise<UseRequestView> {
    const request = isUuid(id) ? await this.useRequest(id) : null;
    if (!request || !mayReadUseRequest(caller, request))
      throw new AuthorizationError(AuthorizationErrorCode.NOT_FOUND, `no use request ${id}`);
    return request;
  }

  /** A license the caller may read; NOT_FOUND when there is none or it is another's. */
  async visibleLicense(caller: Caller, id: string): Promise<LicenseEntity> {
    const license = isUuid(id) ? await this.license(id) : null;
    if (!license || !mayReadLicense(caller, license))
      throw new AuthorizationError(AuthorizationErrorCode.NOT_FOUND, `no license ${id}`);
    return license;
  }

  async licensesByIds(ids: readonly string[]): Promise<Map<string, LicenseEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.manager
      .createQueryBuilder(LicenseEntity, 'license')
      .where('license.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Licenses in id (time) order after `after`: `first` plus one, to tell whether more follow. */
  page(filter: LicenseFilter, first: number, after?: string): Promise<LicenseEntity[]> {
    const query = this.filtered(filter)
      .orderBy('license.id', 'ASC')
      .take(first + 1);
    if (after) query.andWhere('license.id > :after', { after });
    return query.getMany();
  }

  /**
   * Licenses revoked at or after `since`, in (revokedAt, id) order after `after`: `first` plus
   * one, to tell whether more follow.
   */
  revokedPage(
    filter: LicenseFilter,
    since: Date,
    first: number,
    after?: RevokedPosition,
  ): Promise<LicenseEntity[]> {
    const query = this.filtered(filter)
      .andWhere('license.revokedAt >= :since', { since })
      .orderBy('license.revokedAt', 'ASC')
      .addOrderBy('license.id', 'ASC')
      .take(first + 1);
    if (after) {
      query.andWhere('(license.revokedAt, license.id) > (:afterAt, :afterId)', {
        afterAt: after.revokedAt,
        afterId: after.id,
      });
    }
    return query.getMany();
  }

  private filtered(filter: LicenseFilter) {
    const query = this.dataSource.manager.createQueryBuilder(LicenseEntity, 'license');
    if (filter.platformId) query.andWhere('license.platformId = :platformId', filter);
    if (filter.societyId) query.andWhere('license.societyId = :societyId', filter);
    if (filter.status) query.andWhere('license.status = :status', filter);
    if (filter.workId) query.andWhere('license.workId = :workId', filter);
    if (filter.useType) query.andWhere('license.useType = :useType', filter);
    if (filter.validOn)
      query.andWhere('license.validFrom <= :validOn AND :validOn < license.validTo', filter);
    return query;
  }
}
