import { PassThrough, type Readable } from 'node:stream';
import {
  Controller,
  Get,
  HttpException,
  HttpStatus,
  Injectable,
  type OnModuleInit,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator, httpCaller } from '#libs/auth';
import { RoyaltyDistributionConfig } from '#libs/config';
import { Role } from '#libs/contracts';
import { UsageIngest } from '../application/usage-ingest.js';
import { reportStatus } from '../domain/usage-intake.js';
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

/** Seconds a client is asked to wait when the service is taking in all the uploads it may. */
const UPLOAD_RETRY_AFTER_SECONDS = 5;

/** The client sent too little of its upload in one window of the idle timeout. */
class UploadIdleError extends Error {
  constructor(readonly received: number) {
    super('the upload stalled');
  }
}

/**
 * The body as the ingest reads it, aborted with UploadIdleError when fewer than `minBytes`
 * arrive in any window of `windowMs` (none at all, or a trickle that would hold a database
 * connection for hours). The request itself is left open, so the client can still be answered.
 */
function stallGuarded(body: Readable, windowMs: number, minBytes: number): Readable {
  let received = 0;
  const guarded = new PassThrough();
  const timer = setInterval(() => {
    if (received >= minBytes) {
      received = 0;
      return;
    }
    body.unpipe(guarded);
    guarded.destroy(new UploadIdleError(received));
  }, windowMs);
  const count = (chunk: Buffer) => (received += chunk.length);
  body.on('data', count);
  body.once('error', (error) => guarded.destroy(error));
  guarded.once('close', () => {
    clearInterval(timer);
    body.off('data', count);
  });
  body.once('end', () => clearInterval(timer));
  return body.pipe(guarded);
}

/**
 * `POST /v1/usage-reports?periodStart=YYYY-MM-DD&periodEnd=YYYY-MM-DD` with a `text/csv` body
 * (the usage CSV), `Idempotency-Key` and a platform's bearer token. Streams; answers with the
 * report (201; the same key and content again: the same report), 400 with the reason and nothing
 * stored, or 409 when the key was used for other content. At most UPLOADS_AT_ONCE uploads are
 * taken in at once over all clients (each holds a database connection): more get 503 with
 * Retry-After. An upload that sends fewer than UPLOAD_MIN_BYTES in any UPLOAD_IDLE_TIMEOUT_MS is
 * aborted: 408, nothing stored.
 *
 * `GET /v1/usage-reports/{id}/errors.csv`: every rejected line of a report (line, reason), for
 * the platform that sent it and the operator; 404 for anyone else.
 */
@Controller('v1/usage-reports')
export class UsageReportsController {
  private uploading = 0;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly ingest: UsageIngest,
    private readonly queries: UsageQueries,
    private readonly config: RoyaltyDistributionConfig,
  ) {}

  @Post()
  async submit(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
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
    if (this.uploading >= this.config.UPLOADS_AT_ONCE) {
      void reply.header('retry-after', String(UPLOAD_RETRY_AFTER_SECONDS));
      throw fail(
        HttpStatus.SERVICE_UNAVAILABLE,
        `the service is taking in ${this.config.UPLOADS_AT_ONCE} usage reports already; retry in ${UPLOAD_RETRY_AFTER_SECONDS} s`,
      );
    }
    this.uploading += 1;
    const { UPLOAD_IDLE_TIMEOUT_MS: windowMs, UPLOAD_MIN_BYTES: minBytes } = this.config;
    let reportId: string;
    try {
      ({ reportId } = await mapDistributionErrorsToHttp(() =>
        this.ingest.ingest(
          {
            platformId: caller.partyId,
            periodStart: periodStart ?? '',
            periodEnd: periodEnd ?? '',
            idempotencyKey: key,
            source: 'csv',
          },
          () => stallGuarded(request.body as Readable, windowMs, minBytes),
        ),
      ));
    } catch (error) {
      if (!(error instanceof UploadIdleError)) throw error;
      void reply.header('connection', 'close');
      const seconds = windowMs / 1000;
      throw fail(
        HttpStatus.REQUEST_TIMEOUT,
        error.received === 0
          ? `no data arrived for ${seconds} s: the upload was aborted and nothing was stored`
          : `only ${error.received} bytes arrived in ${seconds} s (at least ${minBytes} are needed): the upload was aborted and nothing was stored`,
      );
    } finally {
      this.uploading -= 1;
    }
    const report = (await this.queries.report(reportId))!;
    return {
      id: report.id,
      status: reportStatus(report),
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

  @Get(':id/errors.csv')
  async errors(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const caller = await httpCaller(this.authenticator, request.headers.authorization);
    const report = await mapDistributionErrorsToHttp(() => this.queries.visibleReport(caller, id));
    const body = await this.queries.rejectionsCsv(report);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="usage-report-${report.id}-errors.csv"`)
      .send(body);
  }
}
