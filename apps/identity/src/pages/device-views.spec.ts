import { describe, expect, it } from '@jest/globals';
import { deviceSuccessPage, userCodeConfirmPage, userCodeInputPage } from './device-views.js';

const form = { here: '/oidc/device', action: '/oidc/device', xsrf: 'provider-xsrf' };

describe(userCodeInputPage.name, () => {
  it('should be a page of ours in the asked language, with a labelled code field and no script', () => {
    const html = userCodeInputPage({ ...form, lang: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Sign in on a device</h1>');
    expect(html).toMatch(/<label for="user_code">Code<\/label>/);
    expect(html).toMatch(/<input\s[^>]*id="user_code"[^>]*aria-describedby="user_code-hint"/);
    expect(html).toMatch(/name="xsrf"\s+value="provider-xsrf"/);
    expect(html).toMatch(/href="\/oidc\/device\?lang=ja" lang="ja"/);
    expect(html).not.toMatch(/<script|style="|onfocus/);
  });

  it('should tie a wrong code to the field, keep what was typed, escaped', () => {
    const html = userCodeInputPage({
      ...form,
      lang: 'ja',
      userCode: '"><b>',
      problem: 'code-unknown',
    });
    expect(html).toContain('role="alert"');
    expect(html).toContain('<a href="#user_code">このコードは見つかりません');
    expect(html).toMatch(/<input\s[^>]*aria-invalid="true"/);
    expect(html).toContain('value="&quot;&gt;&lt;b&gt;"');
  });
});

describe(userCodeConfirmPage.name, () => {
  it('should name the client and show the code, with a form to go on and one to cancel', () => {
    const html = userCodeConfirmPage({
      ...form,
      lang: 'en',
      client: 'Clearinghouse CLI',
      userCode: 'BCDF-GHJK',
    });
    expect(html).toContain('&quot;Clearinghouse CLI&quot; asks to sign in with your account');
    expect(html).toContain('<strong>BCDF-GHJK</strong>');
    expect(html).toMatch(/name="confirm"\s+value="yes"/);
    expect(html).toMatch(/name="abort"\s+value="yes"/);
  });
});

describe(deviceSuccessPage.name, () => {
  it('should tell the person to go back to the device, in Japanese by default', () => {
    expect(deviceSuccessPage({ lang: 'ja', here: '/oidc/device' })).toContain(
      '<h1>ログインしました</h1>',
    );
  });
});
