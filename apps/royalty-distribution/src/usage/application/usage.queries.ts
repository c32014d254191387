import { PassThrough, type Readable } from 'node:stream';
import { isUuid } from '#libs/contracts';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import {
  DistributionError,
  DistributionErrorCode,
} from '../../shared/domain/distribution.errors.js';
import { mayReadUsageReport } from '../../shared/domain/tenancy.js';
import { spreadsheetTextSql } from '../../batches/domain/spreadsheet-text.js';
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

  /**
   * Every rejected line of a report (one the caller may read: `visibleReport`) as CSV with a
   * header (line, reason), in line order, streamed from PostgreSQL.
   */
  async rejectionsCsv(report: UsageReportEntity): Promise<Readable> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    const body = new PassThrough();
    // The id is a uuid read from the database (COPY takes no parameters).
    const copy = client.query(
      copyTo(
        `COPY (SELECT line, ${spreadsheetTextSql('reason')} AS reason
               FROM royalty_distribution.usage_rejections
               WHERE report_id = '${report.id}' ORDER BY line)
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
}
