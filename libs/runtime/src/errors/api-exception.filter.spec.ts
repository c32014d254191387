import { describe, expect, it } from '@jest/globals';
import { HttpException } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { AppError } from '../application/app-error.js';
import { ApiExceptionFilter } from './api-exception.filter.js';

/** PostgreSQL's error as TypeORM throws it: its text names the SQL and the value. */
const queryFailed = (code: string) =>
  Object.assign(new Error('invalid input syntax for type uuid: "x"'), {
    query: 'SELECT * FROM "rights_registry"."parties" WHERE id = $1',
    driverError: Object.assign(new Error('invalid input syntax for type uuid: "x"'), { code }),
  });

function setup() {
  const logged: { level: string; fields: Record<string, unknown> }[] = [];
  const logger = {
    error: (fields: Record<string, unknown>) => logged.push({ level: 'error', fields }),
    warn: (fields: Record<string, unknown>) => logged.push({ level: 'warn', fields }),
  } as unknown as Logger;
  const request = { correlationId: 'corr-7' };
  const graphql = () => {
    const host = new ExecutionContextHost([{}, {}, { req: request }, {}]);
    host.setType('graphql');
    return host;
  };
  const sent: { status?: number; body?: unknown } = {};
  const reply = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    send(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const http = () => {
    const host = new ExecutionContextHost([request, reply]);
    host.setType('http');
    return host;
  };
  return { sut: new ApiExceptionFilter(logger), logged, graphql, http, sent };
}

describe(ApiExceptionFilter.name, () => {
  it('should answer a data exception in GraphQL as BAD_USER_INPUT without its text, and log it whole', () => {
    const { sut, logged, graphql } = setup();
    const error = queryFailed('22P02');
    const answer = sut.catch(error, graphql()) as GraphQLError;
    expect(answer).toBeInstanceOf(GraphQLError);
    expect(answer.message).toBe('a value in the request is not valid');
    expect(answer.extensions).toMatchObject({ code: 'BAD_USER_INPUT', correlationId: 'corr-7' });
    expect(JSON.stringify(answer)).not.toMatch(/SELECT|uuid|parties/);
    expect(logged).toEqual([
      { level: 'warn', fields: { err: error, correlationId: 'corr-7', code: 'BAD_USER_INPUT' } },
    ]);
  });

  it('should answer any other failure with the correlation id and log it as an error', () => {
    const { sut, logged, graphql } = setup();
    const answer = sut.catch(new TypeError('x is undefined'), graphql()) as GraphQLError;
    expect(answer.message).toBe('the request could not be completed (correlation id corr-7)');
    expect(answer.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(logged.map((entry) => entry.level)).toEqual(['error']);
  });

  it('should pass the API’s own errors as they are, unlogged', () => {
    const { sut, logged, graphql } = setup();
    const refusal = new GraphQLError('no party x', { extensions: { code: 'NOT_FOUND' } });
    expect(sut.catch(refusal, graphql())).toBe(refusal);
    const http = new HttpException('gone', 404);
    expect(sut.catch(http, graphql())).toBe(http);
    expect(logged).toEqual([]);
  });

  it('should map the one application error to its GraphQL code and HTTP status, unlogged', () => {
    const { sut, logged, graphql, http, sent } = setup();
    const refusal = AppError.badInput('the URL must use https', { field: 'url' });
    const answer = sut.catch(refusal, graphql()) as GraphQLError;
    expect(answer.message).toBe('the URL must use https');
    expect(answer.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    sut.catch(AppError.notFound('no endpoint e-1'), http());
    expect(sent).toEqual({
      status: 404,
      body: { statusCode: 404, code: 'NOT_FOUND', message: 'no endpoint e-1' },
    });
    expect(logged).toEqual([]);
  });

  it('should answer an HTTP route as JSON { statusCode, message } with the status of its code', () => {
    const { sut, http, sent } = setup();
    sut.catch(queryFailed('23505'), http());
    expect(sent).toEqual({
      status: 409,
      body: { statusCode: 409, message: 'the request conflicts with data that already exists' },
    });
    sut.catch(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), http());
    expect(sent.status).toBe(503);
  });
});
