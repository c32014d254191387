import { describe, expect, it } from '@jest/globals';
import { serverErrorAnswer } from './server-errors.js';

/** An error shaped like pg's DatabaseError, or TypeORM's QueryFailedError around one. */
const pgError = (code: string, message = 'invalid input syntax for type uuid: "x"') =>
  Object.assign(new Error(message), { code, severity: 'ERROR' });
const queryFailed = (driverError: Error) =>
  Object.assign(new Error(driverError.message), {
    query: 'SELECT * FROM secret_table WHERE id = $1',
    driverError,
  });

describe(serverErrorAnswer.name, () => {
  it.each([
    ['22P02', 'BAD_USER_INPUT', 400],
    ['22021', 'BAD_USER_INPUT', 400],
    ['22008', 'BAD_USER_INPUT', 400],
    ['54000', 'BAD_USER_INPUT', 400],
    ['23505', 'CONFLICT', 409],
    ['08006', 'SERVICE_UNAVAILABLE', 503],
    ['57P01', 'SERVICE_UNAVAILABLE', 503],
    ['ECONNREFUSED', 'SERVICE_UNAVAILABLE', 503],
    ['40P01', 'SERVICE_UNAVAILABLE', 503],
    ['40001', 'SERVICE_UNAVAILABLE', 503],
    ['57014', 'SERVICE_UNAVAILABLE', 503],
    ['42P01', 'INTERNAL_SERVER_ERROR', 500],
    ['23503', 'INTERNAL_SERVER_ERROR', 500],
  ])('should answer SQLSTATE or error code %s with %s (%d)', (code, expected, status) => {
    for (const error of [pgError(code), queryFailed(pgError(code))]) {
      const answer = serverErrorAnswer(error, 'corr-1');
      expect(answer).toMatchObject({ code: expected, status });
      expect(answer.message).not.toMatch(/uuid|secret_table|SELECT/);
    }
  });

  it('should answer a pool that gave no connection as unavailable', () => {
    expect(serverErrorAnswer(new Error('timeout exceeded when trying to connect'), 'c').code).toBe(
      'SERVICE_UNAVAILABLE',
    );
  });

  it('should answer anything else with the correlation id and none of its text', () => {
    const answer = serverErrorAnswer(new TypeError('x.y is not a function'), 'corr-42');
    expect(answer).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      status: 500,
      message: 'the request could not be completed (correlation id corr-42)',
    });
    expect(serverErrorAnswer('thrown string', 'c').code).toBe('INTERNAL_SERVER_ERROR');
  });
});
