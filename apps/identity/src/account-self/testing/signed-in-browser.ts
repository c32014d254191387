import { expect } from '@jest/globals';
import * as client from 'openid-client';
import { Browser, formsOf } from '../../pages/testing/browser.js';

/** Follows the redirects of a browser from `response` until a page (200) or `stopAt`. */
export async function follow(
  browser: Browser,
  origin: string,
  response: Response,
  stopAt?: string,
): Promise<{ response: Response; url: URL }> {
  let current = response;
  let url = new URL(origin);
  for (let step = 0; step < 10; step += 1) {
    if (![302, 303].includes(current.status)) return { response: current, url };
    url = new URL(current.headers.get('location') ?? '', origin);
    if (stopAt && url.href.startsWith(stopAt)) return { response: current, url };
    current = await browser.get(url);
  }
  throw new Error('too many redirects');
}

/** Opens `/account` in a new browser and signs in there with the password: the account page. */
export async function signInToAccountPage(
  origin: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{ browser: Browser; html: string }> {
  const browser = new Browser(headers);
  const first = await browser.get(new URL('/account?lang=en', origin));
  expect(first.status).toBe(303);
  const signInPage = await follow(browser, origin, first);
  expect(signInPage.url.pathname).toMatch(/^\/interaction\//);
  const form = formsOf(await signInPage.response.text()).find((f) => f.action.endsWith('/sign-in'));
  const posted = await browser.post(new URL(form!.action, origin), {
    ...form!.fields,
    email,
    password,
  });
  const page = await follow(browser, origin, posted);
  expect(page.url.pathname).toBe('/account');
  expect(page.response.status).toBe(200);
  return { browser, html: await page.response.text() };
}

/** A portal's code + PKCE flow through the pages, signing in with the password: its tokens. */
export async function portalTokens(
  portal: client.Configuration,
  origin: string,
  redirectUri: string,
  resource: string,
  email: string,
  password: string,
) {
  const browser = new Browser();
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const start = await browser.get(
    client.buildAuthorizationUrl(portal, {
      redirect_uri: redirectUri,
      scope: 'openid email offline_access api',
      resource,
      prompt: 'consent',
      state,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    }),
  );
  const signIn = await follow(browser, origin, start);
  const form = formsOf(await signIn.response.text()).find((f) => f.action.endsWith('/sign-in'));
  let response = await browser.post(new URL(form!.action, origin), {
    ...form!.fields,
    email,
    password,
  });
  for (let step = 0; step < 4; step += 1) {
    const next = await follow(browser, origin, response, redirectUri);
    if (next.url.href.startsWith(redirectUri)) {
      return client.authorizationCodeGrant(portal, next.url, {
        pkceCodeVerifier: verifier,
        expectedState: state,
      });
    }
    const consent = formsOf(await next.response.text()).find((f) => f.action.endsWith('/consent'));
    response = await browser.post(new URL(consent!.action, origin), consent!.fields);
  }
  throw new Error('the sign-in did not come back to the portal');
}
