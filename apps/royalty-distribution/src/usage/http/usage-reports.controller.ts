import type { Readable } from 'node:stream';
import {
  Controller,
  HttpException,
  HttpStatus,
  Injectable,
  type OnModuleInit,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Authenticator, httpCaller } from '#libs/auth';
import { Role } from '#libs/contracts';
import { UsageIngest } from '../application/usage-ingest.js';
import { UsageQueries } from '../application/usage.queries.js';
import { mapDistributionErrorsToHttp } from '../../shared/graphql/distribution-errors.js';

/** Lets `text/csv` bodies through unread: the controller streams them into PostgreSQL. */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    if (!fastify.hasContentTypeParser('text/csv')) {
      fastify.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
    }
  }
}

const fail = (status: HttpStatus, message: string) =>
  new HttpException({ statusCode: status, message }, status);

/**
 * `POST /v1/usage-reports?periodStart=YYYY-MM-DD&periodEnd=YYYY-MM-DD` with a `text/csv` body
 * (the usage CSV), `Idempotency-Key` and a platform's bearer token. Streams; answers with the
 * report (201), or 400 with the reason and nothing stored.
 */
@Controller('v1/usage-reports')
export class UsageReportsController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly ingest: UsageIngest,
    private readonly queries: UsageQueries,
  ) {}

  @Post()
  async submit(
    @Req() request: FastifyRequest,
    @Query('periodStart') periodStart?: string,
    @Query('periodEnd') periodEnd?: string,
  ) {
    const caller = await httpCaller(this.authenticator, request.headers.authorization);
    if (caller.role !== Role.PLATFORM)
      throw fail(HttpStatus.FORBIDDEN, 'only platforms report usage');
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key.length === 0 || key.length > 200)
      throw fail(
        HttpStatus.BAD_REQUEST,
        'the Idempotency-Key header is required (1 to 200 characters)',
      );
    if (!String(request.headers['content-type'] ?? '').startsWith('text/csv'))
      throw fail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'send the report as text/csv');
    const { reportId } = await mapDistributionErrorsToHttp(() =>
      this.ingest.ingest(
        {
          platformId: caller.partyId,
          periodStart: periodStart ?? '',
          periodEnd: periodEnd ?? '',
          idempotencyKey: key,
          source: 'csv',
        },
        () => request.body as Readable,
      ),
    );
    const report = (await this.queries.report(reportId))!;
    return {
      id: report.id,
      status: 'ACCEPTED',
      periodStart: report.periodStart,
      periodEnd: report.periodEnd,
      linesAccepted: report.linesAccepted,
      linesRejected: report.linesRejected,
      linesUnidentified: report.linesUnidentified,
      errors: (await this.queries.rejections(reportId)).map(({ line, reason }) => ({
        line,
        reason,
      })),
    };
  }
}
