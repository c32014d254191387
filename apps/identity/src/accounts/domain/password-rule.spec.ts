import { describe, expect, it } from '@jest/globals';
import { passwordProblem } from './password-rule.js';

describe(passwordProblem.name, () => {
  const email = 'Hanako.Yamada@example.jp';

  it.each([
    ['short11char', 'password-too-short'],
    ['x'.repeat(257), 'password-too-long'],
    ['Password1234', 'password-common'],
    ['QWERTYUIOP123', 'password-common'],
    ['P@ssw0rd2024!', 'password-common'],
    ['iloveyou1234', 'password-common'],
    ['x'.repeat(256), 'password-common'],
    ['hanakoyamada1985', 'password-common'],
    ['hanako.yamada@example.jp', 'password-is-email'],
    ['HANAKO.YAMADA', 'password-is-email'],
    ['my hanako.yamada@example.jp!', 'password-is-email'],
  ])('should refuse %s (%s)', (password, problem) => {
    expect(passwordProblem(password, email)).toBe(problem);
  });

  it.each([
    'river-lantern-okra-42',
    'correct horse battery staple',
    '春の小川はさらさら行くよ',
    'xK9#mQ2$vL7!',
    `${'river-lantern-okra-'.repeat(13)}42`.slice(0, 256),
  ])('should accept %s', (password) => {
    expect(passwordProblem(password, email)).toBeUndefined();
  });

  it('should count characters as a person sees them, not UTF-16 units', () => {
    // Eleven emoji are 22 UTF-16 units but eleven characters.
    expect(passwordProblem('😀'.repeat(11), email)).toBe('password-too-short');
    expect(passwordProblem('😀😁😂🤣😃😄😅😆😉😊😋😎', email)).toBeUndefined();
  });
});
