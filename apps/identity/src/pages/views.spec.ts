import { describe, expect, it } from '@jest/globals';
import { consentPage, resetPage, signInPage, signUpPage } from './views.js';

const form = {
  here: '/interaction/uid-1',
  action: '/interaction/uid-1/sign-in',
  csrf: 'form-token',
  signUpHref: '/interaction/uid-1/sign-up',
  forgotHref: '/interaction/uid-1/forgot',
  signInHref: '/interaction/uid-1',
};

/** Each input's id, and the ids the labels point at. */
function labelled(html: string) {
  const inputs = [...html.matchAll(/<input\s[^>]*>/g)]
    .map(([input]) => input)
    .filter((input) => !input.includes('type="hidden"'));
  const ids = inputs.map((input) => /id="([^"]+)"/.exec(input)?.[1]);
  const labels = [...html.matchAll(/<label for="([^"]+)"/g)].map(([, id]) => id);
  return { ids, labels };
}

describe(signInPage.name, () => {
  it('should be a page in the asked language, for phones, with a switch to the other language', () => {
    const html = signInPage({ ...form, lang: 'en' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    expect(html).toMatch(/<h1>Sign in<\/h1>/);
    expect(html).toMatch(/href="\/interaction\/uid-1\?lang=ja" lang="ja" hreflang="ja"\s*>日本語</);
    expect(html).not.toMatch(/<script|style="/);
  });

  it('should label every field', () => {
    const { ids, labels } = labelled(signInPage({ ...form, lang: 'ja' }));
    expect(ids).toEqual(['email', 'password']);
    expect(labels).toEqual(ids);
  });

  it('should tie an error to its field and list it at the top, in the reader language', () => {
    const html = signInPage({ ...form, lang: 'ja', problem: 'email-invalid', email: 'x' });
    expect(html).toContain('role="alert"');
    expect(html).toContain(
      '<a href="#email">メールアドレスを「name@example.jp」の形で入力してください。</a>',
    );
    expect(html).toMatch(/id="email-error"/);
    expect(html).toMatch(/id="email"[^>]*aria-describedby="email-error"[^>]*aria-invalid="true"/s);
    expect(html).not.toMatch(/id="password"[^>]*aria-invalid/s);
  });

  it('should escape what a person typed', () => {
    const html = signInPage({ ...form, lang: 'en', email: '"><script>alert(1)</script>' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});

describe(signUpPage.name, () => {
  it('should describe the password rule beside the field', () => {
    const html = signUpPage({ ...form, lang: 'en', problem: 'password-too-short' });
    expect(html).toMatch(/id="password"[^>]*aria-describedby="password-hint password-error"/s);
    expect(html).toContain('autocomplete="new-password"');
    expect(html).toContain('Your password needs at least 12 characters.');
  });
});

describe(resetPage.name, () => {
  it('should carry the mailed token and the form token in hidden fields', () => {
    const html = resetPage({ ...form, lang: 'en', token: 'mailed"token' });
    expect(html).toMatch(/name="token"\s+value="mailed&quot;token"/);
    expect(html).toMatch(/name="csrf"\s+value="form-token"/);
  });
});

describe(consentPage.name, () => {
  it('should name the client and each permission in words, with allow and deny', () => {
    const html = consentPage({
      ...form,
      lang: 'en',
      client: 'portal',
      scopes: ['openid', 'api'],
      denyAction: '/interaction/uid-1/deny',
    });
    expect(html).toContain('&quot;portal&quot; asks');
    expect(html).toContain('<li>Use the clearinghouse API as you</li>');
    expect(html).toContain('action="/interaction/uid-1/deny"');
  });
});
