import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, type GqlContextType, type GqlExceptionFilter } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { AppError, HTTP_STATUS_OF } from '../application/app-error.js';
import { InjectLogger } from '../logging/logger.token.js';
import { serverErrorAnswer } from './server-errors.js';

/** An error of Fastify or a plugin that says which 4xx to answer, with a message for the client. */
function isClientHttpError(exception: unknown): boolean {
  if (typeof exception !== 'object' || exception === null) return false;
  const { statusCode, message } = exception as { statusCode?: unknown; message?: unknown };
  return (
    typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 500 &&
    typeof message === 'string'
  );
}

/**
 * Every error of a service's GraphQL resolvers and HTTP routes. Errors the API raises on
 * purpose (GraphQL errors with their codes, HTTP exceptions) pass as they are, without being
 * logged as failures: they are the client's. Anything else (a PostgreSQL error, a bug) is
 * logged whole with the correlation id and answered with a coded error that carries none of
 * its text (serverErrorAnswer): in GraphQL with its code, over HTTP as `{ statusCode, message }`.
 */
@Catch()
export class ApiExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  constructor(@InjectLogger() private readonly logger: Logger) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    const graphql = host.getType<GqlContextType>() === 'graphql';
    if (exception instanceof AppError) {
      const status = HTTP_STATUS_OF[exception.code];
      if (graphql) {
        return new GraphQLError(exception.message, {
          extensions: { ...exception.details, code: exception.code, http: { status } },
        });
      }
      const reply = host.switchToHttp().getResponse<FastifyReply>();
      void reply
        .status(status)
        .send({ statusCode: status, code: exception.code, message: exception.message });
      return undefined;
    }
    if (exception instanceof GraphQLError || exception instanceof HttpException) {
      if (graphql) return exception;
      super.catch(exception, host);
      return undefined;
    }
    if (!graphql && isClientHttpError(exception)) {
      // Fastify's and its plugins' own refusals (body too large, rate limit): as they are.
      super.catch(exception, host);
      return undefined;
    }
    const request = graphql
      ? GqlArgumentsHost.create(host).getContext<{ req?: FastifyRequest }>().req
      : host.switchToHttp().getRequest<FastifyRequest>();
    const correlationId = request?.correlationId || 'unknown';
    const answer = serverErrorAnswer(exception, correlationId);
    this.logger[answer.status >= 500 ? 'error' : 'warn'](
      { err: exception, correlationId, code: answer.code },
      `request failed: ${answer.code}`,
    );
    // A client may try again, unchanged, what failed because the service was unavailable.
    const retryable = answer.code === 'SERVICE_UNAVAILABLE' ? { retryable: true } : {};
    if (graphql) {
      return new GraphQLError(answer.message, {
        extensions: {
          code: answer.code,
          ...retryable,
          correlationId,
          http: { status: answer.status },
        },
      });
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply
      .status(answer.status)
      .send({ statusCode: answer.status, message: answer.message, ...retryable });
    return undefined;
  }
}
