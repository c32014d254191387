import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { Caller, RequestWithCaller } from '#libs/auth';

/** Who asks, and how to follow the request through logs and retries: every use case gets one. */
export interface RequestContext {
  /** The verified caller; null when anonymous. */
  caller: Caller | null;
  /** Follows the request through logs and events. */
  correlationId: string;
  /** The client's key for a write it may retry; the same key gives the same answer. */
  idempotencyKey?: string;
}

/** A use case: one input, one request context, one answer. */
export interface UseCaseHandler<I, O> {
  execute(input: I, context: RequestContext): Promise<O>;
}

type ContextRequest = RequestWithCaller & Partial<Pick<FastifyRequest, 'correlationId'>>;

/** The request context of a GraphQL operation or an HTTP route. */
export function requestContextOf(request: ContextRequest, idempotencyKey?: string): RequestContext {
  return {
    caller: request.caller ?? null,
    correlationId: request.correlationId || 'unknown',
    ...(idempotencyKey ? { idempotencyKey } : {}),
  };
}

/**
 * The request context of the current GraphQL operation or HTTP route, as a parameter:
 * `@Context() context: RequestContext` in a resolver or controller (GraphQL's own `@Context`
 * aside: import this one as `RequestCtx`).
 */
export const RequestCtx = createParamDecorator(
  (_data: unknown, execution: ExecutionContext): RequestContext => {
    const request =
      execution.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(execution).getContext<{ req: ContextRequest }>().req
        : execution.switchToHttp().getRequest<ContextRequest>();
    const header = request.headers['idempotency-key'];
    return requestContextOf(request, Array.isArray(header) ? header[0] : header);
  },
);
