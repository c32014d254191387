import type { FastifyInstance } from 'fastify';

/** A size in bytes as people read it: `1 MiB`, `512 KiB`, else bytes. */
export function sizeInWords(bytes: number): string {
  if (bytes % 1_048_576 === 0) return `${bytes / 1_048_576} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** The refusal of a GraphQL request larger than the body limit. */
export function graphqlBodyTooLarge(bodyLimitBytes: number): string {
  return `the request is larger than ${sizeInWords(bodyLimitBytes)}, the most a GraphQL request may be; send larger reports as CSV to POST /v1/usage-reports`;
}

/**
 * A GraphQL request over the body limit (a usage report too large for `submitUsageReport`) is
 * answered as GraphQL, BAD_USER_INPUT with a sentence pointing to the CSV route, instead of the
 * HTTP server's bare 413: at the gateway and at every service alike.
 */
export function answerOversizedGraphql(fastify: FastifyInstance, bodyLimitBytes: number): void {
  const answer = JSON.stringify({
    errors: [
      { message: graphqlBodyTooLarge(bodyLimitBytes), extensions: { code: 'BAD_USER_INPUT' } },
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
