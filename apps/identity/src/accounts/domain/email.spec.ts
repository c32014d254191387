import { describe, expect, it } from '@jest/globals';
import { isEmail, normalizeEmail } from './email.js';

describe(normalizeEmail.name, () => {
  it('should trim and lower-case, so two spellings are one account', () => {
    expect(normalizeEmail('  Hanako@Example.JP ')).toBe('hanako@example.jp');
  });
});

describe(isEmail.name, () => {
  it.each(['a@example.jp', 'first.last+tag@mail.example.co.jp'])('should accept %s', (value) => {
    expect(isEmail(value)).toBe(true);
  });

  it.each(['', 'no-at-sign', 'a@b', 'a b@example.jp', '@example.jp', `${'a'.repeat(250)}@e.jp`])(
    'should refuse %j',
    (value) => {
      expect(isEmail(value)).toBe(false);
    },
  );
});
