import { describe, expect, it } from '@jest/globals';
import { chooseLanguage } from './language.js';

describe(chooseLanguage.name, () => {
  it.each([
    ['en', 'ja', 'en'],
    ['ja', 'en-US', 'ja'],
    ['fr', 'en-GB,en;q=0.8', 'en'],
    [undefined, 'fr-FR, en;q=0.5, ja;q=0.9', 'ja'],
    [undefined, 'de, fr;q=0.5', 'ja'],
    [undefined, undefined, 'ja'],
    [undefined, 'en;q=0, ja;q=0.1', 'ja'],
  ])('should answer %j with Accept-Language %j in %s', (asked, header, expected) => {
    expect(chooseLanguage(asked, header)).toBe(expected);
  });
});
