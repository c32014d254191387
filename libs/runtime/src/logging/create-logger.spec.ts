import { describe, expect, it } from '@jest/globals';
import { clipped } from './create-logger.js';

describe(clipped.name, () => {
  it('should cut long texts, however deep in an error they sit, and keep the rest', () => {
    const long = 'x'.repeat(1_000_000);
    const value = clipped({
      message: `invalid input syntax for type uuid: "${long}"`,
      code: '22P02',
      driverError: { message: long, length: 1_000_132 },
      parameters: [long, 7],
    }) as Record<string, unknown>;
    expect(JSON.stringify(value).length).toBeLessThan(10_000);
    expect(value.code).toBe('22P02');
    expect(value.message).toMatch(
      /^invalid input syntax for type uuid: "x+… \(1000038 characters\)$/,
    );
    expect((value.driverError as { length: number }).length).toBe(1_000_132);
    expect((value.parameters as unknown[])[1]).toBe(7);
  });
});
