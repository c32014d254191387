import { expect } from '@jest/globals';
import * as client from 'openid-client';
import { Browser, formsOf, type PageForm } from '../../pages/testing/browser.js';

export const RESOURCE = 'urn:clearinghouse:api';
export const REDIRECT_URI = 'http://127.0.0.1:9/callback';

/** Posts a page's form (its hidden fields, plus what the person types). */
export function submit(
  browser: Browser,
  origin: string,
  form: PageForm | undefined,
  typed: Record<string, string> = {},
): Promise<Response> {
  if (!form) throw new Error('the page has no such form');
  return browser.post(new URL(form.action, origin), { ...form.fields, ...typed });
}

/**
 * Signs a person in through the pages with authorization code + PKCE (openid-client), in
 * English, consenting when asked; when the "act as" page comes, `choose` picks the form to
 * submit. Answers the tokens and the act-as page seen, if any.
 */
export async function signInThroughPages(
  portal: client.Configuration,
  origin: string,
  credentials: { email: string; password: string },
  choose?: (forms: PageForm[], html: string) => PageForm | undefined,
) {
  const browser = new Browser({ 'accept-language': 'en' });
  const at = (location: string) => new URL(location, origin);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  let response = await browser.get(
    client.buildAuthorizationUrl(portal, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid offline_access api',
      resource: RESOURCE,
      prompt: 'consent',
      state,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    }),
  );
  const signInPage = await browser.get(at(response.headers.get('location') ?? ''));
  response = await submit(browser, origin, formsOf(await signInPage.text())[0], credentials);
  let actAsPage: string | undefined;
  if (response.status === 200) {
    actAsPage = await response.text();
    response = await submit(browser, origin, choose?.(formsOf(actAsPage), actAsPage));
  }
  for (let step = 0; step < 6; step += 1) {
    expect([302, 303]).toContain(response.status);
    const location = at(response.headers.get('location') ?? '');
    if (location.href.startsWith(REDIRECT_URI)) {
      const tokens = await client.authorizationCodeGrant(portal, location, {
        pkceCodeVerifier: verifier,
        expectedState: state,
      });
      return { tokens, actAsPage };
    }
    const next = await browser.get(location);
    response =
      next.status === 200
        ? await submit(
            browser,
            origin,
            formsOf(await next.text()).find((f) => f.action.endsWith('/consent')),
          )
        : next;
  }
  throw new Error('the sign-in did not come back to the client');
}

/** Calls one of the identity app's JSON routes; answers the status and the parsed body. */
export async function callApi(
  origin: string,
  method: string,
  route: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL(route, origin), {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}
