import { describe, expect, it } from '@jest/globals';
import { passkeyName, secondFactorAfter } from './passkey-rules.js';

describe(passkeyName.name, () => {
  it('should trim and collapse spaces', () => {
    expect(passkeyName('  My   phone ')).toBe('My phone');
  });

  it('should refuse an empty name and one longer than 60 characters', () => {
    expect(passkeyName('   ')).toBeUndefined();
    expect(passkeyName('あ'.repeat(61))).toBeUndefined();
    expect(passkeyName('あ'.repeat(60))).toBe('あ'.repeat(60));
  });
});

describe(secondFactorAfter.name, () => {
  it('should stay on only while a passkey is left', () => {
    expect(secondFactorAfter(true, 1)).toBe(true);
    expect(secondFactorAfter(true, 0)).toBe(false);
    expect(secondFactorAfter(false, 2)).toBe(false);
  });
});
