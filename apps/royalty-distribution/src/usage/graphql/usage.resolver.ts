import { Readable } from 'node:stream';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, Roles, type Caller } from '#libs/auth';
import { Role } from '#libs/contracts';
import { UsageIngest } from '../application/usage-ingest.js';
import { UsageQueries } from '../application/usage.queries.js';
import { usageCsv } from '../domain/usage-csv.js';
import { MAX_GRAPHQL_LINES, reportStatus } from '../domain/usage-intake.js';
import { mapDistributionErrors } from '../../shared/graphql/distribution-errors.js';
import { SubmitUsageReportInput, UsageReport } from './usage.types.js';

@Resolver(() => UsageReport)
export class UsageResolver {
  constructor(
    private readonly ingest: UsageIngest,
    private readonly queries: UsageQueries,
  ) {}

  @Mutation(() => UsageReport, {
    description: `Reports usage of licensed works (up to ${MAX_GRAPHQL_LINES.toLocaleString('en')} lines; larger: POST /v1/usage-reports, CSV). Each line is checked by itself: bad lines are rejected with their place (from 1) and reason, good ones accepted; a report with no good line is REJECTED.`,
  })
  @Roles(Role.PLATFORM)
  async submitUsageReport(
    @Args('input') input: SubmitUsageReportInput,
    @CurrentCaller() caller: Caller,
  ): Promise<UsageReport> {
    const { reportId } = await mapDistributionErrors(() =>
      this.ingest.ingest(
        {
          platformId: caller.partyId,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          idempotencyKey: input.idempotencyKey,
          source: 'graphql',
        },
        () => Readable.from(usageCsv(input.lines)),
      ),
    );
    return this.view(reportId, caller);
  }

  @Query(() => UsageReport, {
    nullable: true,
    description:
      'A usage report (the platform that sent it, the operator); NOT_FOUND for anyone else.',
  })
  @Roles(Role.PLATFORM, Role.OPERATOR)
  usageReport(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<UsageReport | null> {
    return this.view(id, caller);
  }

  private async view(id: string, caller: Caller): Promise<UsageReport> {
    const report = await mapDistributionErrors(() => this.queries.visibleReport(caller, id));
    return { ...report, status: reportStatus(report), errors: await this.queries.rejections(id) };
  }
}
