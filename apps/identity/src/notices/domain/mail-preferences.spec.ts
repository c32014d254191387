import { describe, expect, it } from '@jest/globals';
import { mailPreferencesOf, storedFrom } from './mail-preferences.js';

describe(mailPreferencesOf.name, () => {
  it('should default to the account language and every kind on', () => {
    expect(mailPreferencesOf(null, 'en')).toEqual({
      language: 'en',
      kinds: {
        OPT_OUT_CONFIRMED: true,
        STATEMENT_AVAILABLE: true,
        CLAIM_SETTLED: true,
        DISPUTE_OPENED: true,
        WEBHOOK_ENDPOINT_DISABLED: true,
      },
    });
    expect(mailPreferencesOf(null, 'fr').language).toBe('ja');
  });

  it('should keep the language and the kinds turned off that the person chose', () => {
    const chosen = mailPreferencesOf(
      { language: 'ja', mutedKinds: ['CLAIM_SETTLED', 'NO_SUCH_KIND'] },
      'en',
    );
    expect(chosen.language).toBe('ja');
    expect(chosen.kinds.CLAIM_SETTLED).toBe(false);
    expect(chosen.kinds.DISPUTE_OPENED).toBe(true);
    expect(storedFrom(chosen)).toEqual({ language: 'ja', mutedKinds: ['CLAIM_SETTLED'] });
  });
});
