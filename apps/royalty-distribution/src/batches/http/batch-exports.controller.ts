import { Controller, Get, HttpException, HttpStatus, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Tokens, httpCaller } from '#libs/auth';
import { isUuid } from '#libs/contracts';
import { mayReadStatement, mayRun } from '../application/batch.handlers.js';
import { BatchQueries } from '../application/batch.queries.js';
import { BatchStatus } from '../infrastructure/batch.entities.js';

const fail = (status: HttpStatus, message: string) =>
  new HttpException({ statusCode: status, message }, status);

/**
 * CSV exports of a calculated batch: every allocation (the operator, the society's admin),
 * streamed from PostgreSQL; and one holder's statement (also the holder itself).
 */
@Controller('v1/distribution-batches')
export class BatchExportsController {
  constructor(
    private readonly tokens: Tokens,
    private readonly batches: BatchQueries,
  ) {}

  @Get(':id/allocations.csv')
  async allocations(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const caller = await httpCaller(this.tokens, request.headers.authorization);
    const batch = isUuid(id) ? await this.batches.byId(id) : null;
    if (!batch || !mayRun(caller, batch.societyId))
      throw fail(HttpStatus.NOT_FOUND, `no batch ${id}`);
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
    const caller = await httpCaller(this.tokens, request.headers.authorization);
    const batch = isUuid(id) ? await this.batches.byId(id) : null;
    if (
      !batch ||
      !isUuid(holderId) ||
      !mayReadStatement(caller, batch.societyId, holderId) ||
      batch.status === BatchStatus.DRAFT
    )
      throw fail(HttpStatus.NOT_FOUND, `no statement for ${holderId} in batch ${id}`);
    const lines = await this.batches.statementLines(batch.id, holderId);
    const csv = [
      'work_key,use_type,amount,currency,status',
      ...lines.map((l) => [l.workKey, l.useType, l.amount, batch.currency, l.status].join(',')),
    ].join('\n');
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="statement-${batch.id}-${holderId}.csv"`)
      .send(`${csv}\n`);
  }
}
