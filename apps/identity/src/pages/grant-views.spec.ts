import { describe, expect, it } from '@jest/globals';
import { actAsPage, invitationPage } from './grant-views.js';

const grants = [
  { id: 'grant-1', role: 'RIGHT_HOLDER', partyName: '<b>Aoi</b> & Co' },
  { id: 'grant-2', role: 'OPERATOR' },
];

describe(actAsPage.name, () => {
  it('should offer one form per grant, each with the interaction-bound token and the grant id', () => {
    const html = actAsPage({
      lang: 'en',
      here: '/interaction/uid-1/act-as',
      action: '/interaction/uid-1/act-as',
      csrf: 'form-token',
      grants,
    });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Choose who you act as</h1>');
    expect(html.match(/<form /g)).toHaveLength(2);
    expect(html.match(/name="csrf"\s+value="form-token"/g)).toHaveLength(2);
    expect(html).toContain('name="grant" value="grant-1"');
    // Party names are text, never markup.
    expect(html).toContain('Continue as right holder of &lt;b&gt;Aoi&lt;/b&gt; &amp; Co');
    expect(html).toContain('Continue as operator');
    expect(html).toMatch(/href="\/interaction\/uid-1\/act-as\?lang=ja"/);
  });

  it('should be Japanese when asked, and say why a choice was refused', () => {
    const html = actAsPage({
      lang: 'ja',
      here: '/interaction/uid-1/act-as',
      action: '/interaction/uid-1/act-as',
      csrf: 'form-token',
      grants,
      problem: 'grant-not-held',
    });
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('利用する立場を選ぶ');
    expect(html).toContain('&lt;b&gt;Aoi&lt;/b&gt; &amp; Co の権利者として続ける');
    expect(html).toMatch(/role="alert"[\s\S]*その立場はこのアカウントにありません/);
  });
});

describe(invitationPage.name, () => {
  it('should say who invites to what, for which address, with a labelled password field', () => {
    const html = invitationPage({
      lang: 'en',
      here: '/account/invitation?token=t',
      action: '/account/invitation',
      csrf: 'form-token',
      token: 't',
      invitation: {
        inviterRole: 'SOCIETY_ADMIN',
        inviterPartyName: 'Music Society',
        role: 'RIGHT_HOLDER',
        partyName: 'Member',
        email: 'person@example.jp',
      },
      problem: 'password-too-short',
    });
    expect(html).toContain('Music Society invites you to act as right holder of Member.');
    expect(html).toContain('<strong>person@example.jp</strong>');
    expect(html).toContain('<label for="password">');
    expect(html).toContain('id="password"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('name="token" value="t"');
  });
});
