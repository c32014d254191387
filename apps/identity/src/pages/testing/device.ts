import { Browser, formsOf } from './browser.js';

/** What a person does at the device pages, and the page they end on. */
export interface DeviceSignIn {
  /** The code as typed (any case, with or without the hyphen). */
  userCode: string;
  email: string;
  password: string;
  lang?: 'ja' | 'en';
  /** Press "Cancel" on the confirmation page instead of going on. */
  abort?: boolean;
}

/**
 * A person in a browser at the verification URI: types the code, confirms it, signs in and
 * allows access (each form as the pages give it); answers the last page's status and HTML.
 * With `lang`, the browser asks for that language (Accept-Language), as a reader's does.
 */
export async function enterDeviceCode(
  verificationUri: string,
  person: DeviceSignIn,
  browser = new Browser(person.lang ? { 'accept-language': person.lang } : {}),
): Promise<{ status: number; html: string }> {
  const at = (location: string) => new URL(location, verificationUri);
  const entry = at(verificationUri);
  if (person.lang) entry.searchParams.set('lang', person.lang);
  let response = await browser.get(entry);
  let codeEntered = false;
  for (let step = 0; step < 12; step += 1) {
    if ([302, 303].includes(response.status)) {
      response = await browser.get(at(response.headers.get('location') ?? ''));
      continue;
    }
    const html = await response.text();
    const forms = formsOf(html);
    const form =
      forms.find((f) => (person.abort ? 'abort' : 'confirm') in f.fields) ??
      (codeEntered ? undefined : forms.find((f) => 'user_code' in f.fields)) ??
      forms.find((f) => f.action.endsWith('/sign-in')) ??
      forms.find((f) => f.action.endsWith('/consent'));
    if (response.status !== 200 || !form) return { status: response.status, html };
    const typed: Record<string, string> = {};
    if ('user_code' in form.fields) {
      // Typed into the empty field; a code filled in already (the complete URI) is kept.
      if (!form.fields.user_code) typed.user_code = person.userCode;
      codeEntered = true;
    }
    if (form.action.endsWith('/sign-in')) {
      typed.email = person.email;
      typed.password = person.password;
    }
    response = await browser.post(at(form.action), { ...form.fields, ...typed });
  }
  throw new Error('the device sign-in did not end');
}
