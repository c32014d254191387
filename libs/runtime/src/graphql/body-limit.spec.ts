import { describe, expect, it } from '@jest/globals';
import { graphqlBodyTooLarge, sizeInWords } from './body-limit.js';

describe(graphqlBodyTooLarge.name, () => {
  it('should say the limit as people read it and where large reports go', () => {
    expect(graphqlBodyTooLarge(1_048_576)).toBe(
      'the request is larger than 1 MiB, the most a GraphQL request may be; send larger reports as CSV to POST /v1/usage-reports',
    );
    expect(sizeInWords(2048)).toBe('2 KiB');
    expect(sizeInWords(1500)).toBe('1500 bytes');
  });
});
