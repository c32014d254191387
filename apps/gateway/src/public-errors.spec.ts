import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { isUnavailable, publicError } from './public-errors.js';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:54321'), {
  code: 'ECONNREFUSED',
});

describe(publicError.name, () => {
  it('should answer an unreachable subgraph as retryable SERVICE_UNAVAILABLE, without its address', () => {
    const fetchFailed = Object.assign(new TypeError('fetch failed'), { cause: refused });
    const error = new GraphQLError('request to http://127.0.0.1:4001/graphql failed', {
      originalError: fetchFailed,
    });
    const shown = publicError(
      { message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      error,
      false,
    );
    expect(shown).toEqual({
      message: expect.stringMatching(/unavailable right now.*retry/),
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    });
    expect(JSON.stringify(shown)).not.toMatch(/127\.0\.0\.1|4001|ECONNREFUSED/);
  });

  it('should answer a subgraph whose database is down as SERVICE_UNAVAILABLE', () => {
    const error = new GraphQLError('503: Service Unavailable', {
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        response: {
          url: 'http://127.0.0.1:4001/graphql',
          status: 503,
          body: { errors: [{ message: 'x', extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
        },
      },
    });
    expect(isUnavailable(error)).toBe(true);
    expect(publicError({ message: error.message }, error, true).extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
    });
  });

  it('should answer a subgraph passing on its driver’s connection failure as SERVICE_UNAVAILABLE', () => {
    const formatted = {
      message: 'connect ECONNREFUSED 127.0.0.1:55991',
      path: ['searchWorks'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
    expect(publicError(formatted, new GraphQLError(formatted.message), false)).toEqual({
      path: ['searchWorks'],
      message: expect.stringMatching(/unavailable right now/),
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    });
  });

  it('should hide the message and details of an error without a public code outside development', () => {
    const error = new Error('relation "royalty_distribution.x" does not exist');
    const formatted = {
      message: error.message,
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at /work/app.js:1'] },
    };
    expect(publicError(formatted, error, false)).toEqual({
      message: 'an internal error occurred; it has been logged',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(publicError(formatted, error, true)).toBe(formatted);
  });

  it('should pass a public error on with its message and problems, but no internal extensions', () => {
    const formatted = {
      message: 'title must not be empty',
      path: ['registerWork'],
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: ['title must not be empty'],
        serviceName: 'rights-registry',
      },
    };
    expect(publicError(formatted, new GraphQLError(formatted.message), false)).toEqual({
      message: 'title must not be empty',
      path: ['registerWork'],
      extensions: { code: 'BAD_USER_INPUT', problems: ['title must not be empty'] },
    });
  });

  it('should keep a client’s own refusal as it is, whatever its text quotes', () => {
    const formatted = {
      message: 'Cannot query field "ECONNREFUSED" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(publicError(formatted, new GraphQLError(formatted.message), false)).toEqual(formatted);
  });
});
