import { describe, expect, it } from '@jest/globals';
import { CodedError } from './coded-error.js';

class SampleError extends CodedError<'BAD' | 'WORSE'> {}

describe(CodedError.name, () => {
  it('should carry its code, its problems (the message by default) and its subclass name', () => {
    const sut = new SampleError('BAD', 'title: must not be empty');
    expect(sut).toBeInstanceOf(SampleError);
    expect(sut).toBeInstanceOf(Error);
    expect(sut.name).toBe('SampleError');
    expect(sut.code).toBe('BAD');
    expect(sut.problems).toEqual(['title: must not be empty']);
    expect(new SampleError('WORSE', 'two problems', ['a', 'b']).problems).toEqual(['a', 'b']);
  });
});
