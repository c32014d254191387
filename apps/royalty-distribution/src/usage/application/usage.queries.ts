import { isUuid } from '#libs/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import {
  DistributionError,
  DistributionErrorCode,
} from '../../shared/domain/distribution.errors.js';
import { mayReadUsageReport } from '../../shared/domain/tenancy.js';
import { UsageRejectionEntity, UsageReportEntity } from '../infrastructure/usage.entities.js';

/** Rejected lines shown with a report, at the most. */
export const MAX_REPORTED_REJECTIONS = 1000;

@Injectable()
export class UsageQueries {
  constructor(private readonly dataSource: DataSource) {}

  report(id: string): Promise<UsageReportEntity | null> {
    return this.dataSource.manager.findOneBy(UsageReportEntity, { id });
  }

  /** A report the caller may read; NOT_FOUND when there is none or it is another platform's. */
  async visibleReport(caller: Caller, id: string): Promise<UsageReportEntity> {
    const report = isUuid(id) ? await this.report(id) : null;
    if (!report || !mayReadUsageReport(caller, report.platformId))
      throw new DistributionError(DistributionErrorCode.NOT_FOUND, `no usage report ${id}`);
    return report;
  }

  rejections(reportId: string, limit = MAX_REPORTED_REJECTIONS): Promise<UsageRejectionEntity[]> {
    return this.dataSource.manager.find(UsageRejectionEntity, {
      where: { reportId },
      order: { line: 'ASC' },
      take: limit,
    });
  }
}
