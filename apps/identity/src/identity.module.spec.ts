import { describe, expect, it, jest } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { withoutParameters } from './identity.module.js';

function setup() {
  const sink = { info: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() };
  return { sink, sut: withoutParameters(sink) };
}

describe(withoutParameters.name, () => {
  it('should log queries without their parameters', () => {
    const { sink, sut } = setup();
    sut.debug({ query: 'INSERT ...', parameters: ['refresh-token-value'] }, 'query');
    expect(sink.debug).toHaveBeenCalledWith({ query: 'INSERT ...' }, 'query');
  });

  it('should drop the parameters a failed query error carries', () => {
    const { sink, sut } = setup();
    const failure = new QueryFailedError('INSERT ...', ['sealed-key'], new Error('duplicate key'));
    sut.error({ err: failure, query: 'INSERT ...', parameters: ['sealed-key'] }, 'query failed');
    const [logged] = sink.error.mock.calls[0] as [{ err: Error }];
    expect(JSON.stringify({ ...logged.err, message: logged.err.message })).not.toContain(
      'sealed-key',
    );
    expect(logged).not.toHaveProperty('parameters');
    expect(logged.err.message).toContain('duplicate key');
  });
});
