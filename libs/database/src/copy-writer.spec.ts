import { describe, expect, it } from '@jest/globals';
import { copyTextLine } from './copy-writer.js';

describe(copyTextLine.name, () => {
  it('should separate values by tabs and end the line', () => {
    expect(copyTextLine(['a', 1, true])).toBe('a\t1\ttrue\n');
  });

  it('should write null as \\N', () => {
    expect(copyTextLine([null, 'x'])).toBe('\\N\tx\n');
  });

  it('should escape backslashes, tabs and line breaks inside values', () => {
    expect(copyTextLine(['C:\\dir', 'a\tb', 'one\ntwo\r'])).toBe(
      'C:\\\\dir\ta\\tb\tone\\ntwo\\r\n',
    );
  });

  it('should keep Japanese text as it is', () => {
    expect(copyTextLine(['紅蓮華', 'ワンピース'])).toBe('紅蓮華\tワンピース\n');
  });
});
