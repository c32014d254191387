import { Controller, Get, HttpException, HttpStatus, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator, httpCaller } from '#libs/auth';
import { BatchQueries } from '../application/batch.queries.js';
import { StatementDocuments } from '../application/statement-documents.js';
import { statementCsv } from '../domain/statement-csv.js';
import { BatchStatus } from '../infrastructure/batch.entities.js';
import { mapDistributionErrorsToHttp } from '../../shared/graphql/distribution-errors.js';

const fail = (status: HttpStatus, message: string) =>
  new HttpException({ statusCode: status, message }, status);

/**
 * CSV exports of a calculated batch: every allocation (the operator, the society's admin),
 * streamed from PostgreSQL; and one holder's statement as a document (whoever may read it:
 * `mayReadStatement`).
 */
@Controller('v1/distribution-batches')
export class BatchExportsController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly batches: BatchQueries,
    private readonly documents: StatementDocuments,
  ) {}

  @Get(':id/allocations.csv')
  async allocations(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const caller = await httpCaller(this.authenticator, request.headers.authorization);
    const batch = await mapDistributionErrorsToHttp(() => this.batches.visibleBatch(caller, id));
    if (batch.status === BatchStatus.DRAFT)
      throw fail(HttpStatus.CONFLICT, 'the batch is not calculated');
    const body = await this.batches.allocationsCsv(batch);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="batch-${batch.id}-allocations.csv"`)
      .send(body);
  }

  @Get(':id/statements/:holderId.csv')
  async statement(
    @Param('id') id: string,
    @Param('holderId') holderId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const caller = await httpCaller(this.authenticator, request.headers.authorization);
    const { batch } = await mapDistributionErrorsToHttp(() =>
      this.batches.statement(caller, id, holderId),
    );
    const [summary] = await this.documents.summaries([{ batchId: batch.id, holderId }]);
    const csv = statementCsv(summary!, await this.documents.lines(batch.id, holderId));
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="statement-${batch.id}-${holderId}.csv"`)
      .send(csv);
  }
}
