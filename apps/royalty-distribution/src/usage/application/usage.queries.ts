import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UsageRejectionEntity, UsageReportEntity } from '../infrastructure/usage.entities.js';

/** Rejected lines shown with a report, at the most. */
export const MAX_REPORTED_REJECTIONS = 1000;

@Injectable()
export class UsageQueries {
  constructor(private readonly dataSource: DataSource) {}

  report(id: string): Promise<UsageReportEntity | null> {
    return this.dataSource.manager.findOneBy(UsageReportEntity, { id });
  }

  rejections(reportId: string, limit = MAX_REPORTED_REJECTIONS): Promise<UsageRejectionEntity[]> {
    return this.dataSource.manager.find(UsageRejectionEntity, {
      where: { reportId },
      order: { line: 'ASC' },
      take: limit,
    });
  }
}
