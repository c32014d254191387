import { describe, expect, it } from '@jest/globals';
import { sameSitePath } from './return-path';

describe('where a sign-in returns to', () => {
  it('should keep a path of this site with its query and fragment', () => {
    expect(sameSitePath('/me/money/abc?print=1#lines')).toBe('/me/money/abc?print=1#lines');
    expect(sameSitePath('/')).toBe('/');
  });

  it('should refuse any address that leaves the site', () => {
    for (const path of [
      'https://evil.example/',
      '//evil.example/me',
      '/\\evil.example',
      '/\\/evil.example',
      '/%0a/evil',
      '/\t/evil.example',
      'me',
      '',
    ]) {
      expect({ path, result: sameSitePath(path) }).toEqual({
        path,
        result: path === '/%0a/evil' ? '/%0a/evil' : undefined,
      });
    }
  });
});
