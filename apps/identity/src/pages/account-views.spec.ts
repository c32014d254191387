import { describe, expect, it } from '@jest/globals';
import type { AccountOverview } from '../account-self/application/personal-data/personal-data.js';
import { accountPage, type AccountPageView } from './account-views.js';
import { passkeySignInForm } from './passkey-views.js';

const overview: AccountOverview = {
  account: {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'hanako@example.jp',
    emailVerified: true,
    language: 'ja',
    createdAt: '2026-11-30T03:00:00.000Z',
    passkeySecondFactor: false,
  },
  grants: [],
  passkeys: [
    {
      id: 'cred-1',
      name: '<b>laptop</b>',
      createdAt: '2026-11-30T03:00:00.000Z',
      lastUsedAt: null,
      deviceType: 'multiDevice',
      backedUp: true,
    },
  ],
  recentSignIns: [{ at: '2026-11-30T04:00:00.000Z', event: 'sign-in-passkey', clientId: 'x' }],
  mailPreferences: {
    language: 'en',
    kinds: {
      OPT_OUT_CONFIRMED: true,
      STATEMENT_AVAILABLE: false,
      CLAIM_SETTLED: true,
      DISPUTE_OPENED: true,
      WEBHOOK_ENDPOINT_DISABLED: true,
    },
  },
};

function view(extra: Partial<AccountPageView> = {}): AccountPageView {
  return {
    lang: 'en',
    here: '/account',
    overview,
    csrf: 'tok',
    paths: { base: '/account' },
    passkeysAvailable: true,
    ...extra,
  };
}

describe(accountPage.name, () => {
  it('should label every visible field with a unique id', () => {
    const html = accountPage(view());
    const ids = [...html.matchAll(/<(?:input|select)\s[^>]*>/g)]
      .map(([tag]) => tag)
      .filter((tag) => !tag.includes('type="hidden"'))
      .map((tag) => /id="([^"]+)"/.exec(tag)?.[1]);
    const labels = [...html.matchAll(/<label for="([^"]+)"/g)].map(([, id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(labels).toEqual(ids);
  });

  it('should escape what the person typed and load only its own scripts', () => {
    const html = accountPage(view());
    expect(html).toContain('&lt;b&gt;laptop&lt;/b&gt;');
    expect(html).not.toContain('<b>laptop</b>');
    expect([...html.matchAll(/<script[^>]*>/g)].map(([tag]) => tag)).toEqual([
      '<script src="/pages/webauthn-browser.js" defer>',
      '<script src="/pages/passkeys.js" defer>',
    ]);
    expect(html).not.toMatch(/<script>|style="/);
  });

  it('should tie a problem to its field and list it at the top', () => {
    const html = accountPage(
      view({ problem: { code: 'password-wrong', field: 'current-password' } }),
    );
    expect(html).toContain('<a href="#current-password">Your current password is wrong.</a>');
    expect(html).toContain('aria-describedby="current-password-error"');
  });

  it('should group the notices in fieldsets with legends, ticked as the person chose', () => {
    const html = accountPage(view());
    const form = /<form method="post" action="\/account\/notices">([\s\S]*?)<\/form>/.exec(
      html,
    )?.[1];
    expect(form).toBeDefined();
    expect([...form!.matchAll(/<legend>([^<]*)<\/legend>/g)].map(([, legend]) => legend)).toEqual([
      'Mail me when',
      'Language of notices',
    ]);
    const checked = (id: string) =>
      new RegExp(`<input[^>]*id="${id}"[^>]*checked`).test(form!.replace(/\s+/g, ' '));
    expect(checked('notice-OPT_OUT_CONFIRMED')).toBe(true);
    expect(checked('notice-STATEMENT_AVAILABLE')).toBe(false);
    expect(checked('notice-language-en')).toBe(true);
    expect(checked('notice-language')).toBe(false);
    expect(form).toContain('a dispute is opened on one of your works');
  });

  it('should tie a bad notice language to its group', () => {
    const html = accountPage(
      view({ problem: { code: 'language-invalid', field: 'notice-language' } }),
    );
    expect(html).toContain('<a href="#notice-language">Choose Japanese or English.</a>');
    expect(html).toMatch(
      /id="notice-language"[^>]*aria-describedby="notice-language-error" aria-invalid="true"/,
    );
  });

  it('should be written in Japanese when asked', () => {
    const html = accountPage(view({ lang: 'ja', done: 'password' }));
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<h1>アカウント</h1>');
    expect(html).toContain('role="status"');
    expect(html).toContain('<legend>お知らせを受け取るとき</legend>');
  });
});

describe(passkeySignInForm.name, () => {
  it('should stay hidden until the script finds WebAuthn', () => {
    const form = passkeySignInForm('en', 'tok', {
      action: '/interaction/u/passkey',
      optionsAction: '/interaction/u/passkey/options',
    }).value;
    expect(form).toMatch(/data-passkey="authenticate"/);
    expect(form).toMatch(/\shidden\s*>/);
  });
});
