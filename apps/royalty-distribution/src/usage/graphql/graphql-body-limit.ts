import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { RoyaltyDistributionConfig } from '#libs/config';
import { graphqlBodyTooLarge } from '../domain/usage-intake.js';

/**
 * A GraphQL request over the body limit (a usage report too large for `submitUsageReport`) is
 * answered as GraphQL, BAD_USER_INPUT with a sentence pointing to the CSV route, instead of the
 * HTTP server's bare 413.
 */
@Injectable()
export class GraphqlBodyLimit implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly config: RoyaltyDistributionConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    const answer = JSON.stringify({
      errors: [
        {
          message: graphqlBodyTooLarge(this.config.BODY_LIMIT_BYTES),
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    fastify.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode !== 413 || request.url.split('?')[0] !== '/graphql') return payload;
      void reply
        .code(400)
        .removeHeader('content-length')
        .header('content-type', 'application/json; charset=utf-8');
      return answer;
    });
  }
}
