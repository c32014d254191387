import type { Readable } from 'node:stream';
import {
  Controller,
  HttpCode,
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
import {
  ImportWorksHandler,
  type ImportResult,
} from '../application/import/import-works.handler.js';
import { csvRows } from '../infrastructure/csv-rows.js';

/** Lets `text/csv` bodies through unread: the import streams them row by row. */
@Injectable()
export class WorksCsvBodyParser implements OnModuleInit {
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

/** The largest works file one upload may be (about 100,000 works); larger ones are sent in parts. */
export const WORKS_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** Who may import works over HTTP: whoever registers works (platforms do not). */
const IMPORTERS = new Set<Role>([Role.RIGHT_HOLDER, Role.SOCIETY_ADMIN, Role.OPERATOR]);

/**
 * `POST /v1/works/import` with a `text/csv` body (the works CSV of `npm run cli -- works import`,
 * ADR 0020 and 0023) and a bearer token. The body is streamed row by row and imported in one
 * transaction: 200 with `{ imported, errors: [] }`, or `{ imported: 0, errors: [{ line, field,
 * reason }] }` and nothing stored. Each row must be one the caller may register (a right holder:
 * works in which it holds a share; a society's admin: works of its members). A retried upload
 * is refused line by line as likely duplicates of the works it registered, so it never registers
 * them twice; `?confirmDuplicates=true` registers likely duplicates all the same.
 */
@Controller('v1/works')
export class WorksImportController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly imports: ImportWorksHandler,
  ) {}

  @Post('import')
  @HttpCode(HttpStatus.OK)
  async import(
    @Req() request: FastifyRequest,
    @Query('confirmDuplicates') confirmDuplicates?: string,
  ): Promise<ImportResult> {
    const caller = await httpCaller(this.authenticator, request.headers.authorization);
    if (!IMPORTERS.has(caller.role))
      throw fail(HttpStatus.FORBIDDEN, 'platforms do not register works');
    if (!String(request.headers['content-type'] ?? '').startsWith('text/csv'))
      throw fail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'send the works as text/csv');
    if (confirmDuplicates !== undefined && !['true', 'false'].includes(confirmDuplicates))
      throw fail(HttpStatus.BAD_REQUEST, 'confirmDuplicates must be true or false');
    return this.imports.execute(() => csvRows(request.body as Readable), caller, undefined, {
      confirmDuplicates: confirmDuplicates === 'true',
      maxBytes: WORKS_UPLOAD_MAX_BYTES,
    });
  }
}
