import type { Page } from 'playwright-core';

/** The visible names on the identity app's pages a person reads (apps/identity pages/texts.ts). */
export interface IdentityPageNames {
  email: string;
  password: string;
  signInButton: string;
  toSignUp: string;
  signUpButton: string;
  verifyButton: string;
}

/**
 * From the identity app's sign-in page (where the portal's "Sign in" leads): "Create an account",
 * the address and a password, then the account is made and a mail is on its way.
 */
export async function signUpOnIdentityPages(
  page: Page,
  names: IdentityPageNames,
  person: { email: string; password: string },
): Promise<void> {
  await page.getByRole('link', { name: names.toSignUp, exact: true }).click();
  await page.getByLabel(names.email, { exact: true }).fill(person.email);
  await page.getByLabel(names.password, { exact: true }).fill(person.password);
  await page.getByRole('button', { name: names.signUpButton, exact: true }).click();
}

/** Opens the mailed confirmation link and confirms the address. */
export async function confirmMailedLink(
  page: Page,
  names: IdentityPageNames,
  link: string,
): Promise<void> {
  await page.goto(link);
  await page.getByRole('button', { name: names.verifyButton, exact: true }).click();
}

/** On the identity app's sign-in page: the address, the password, "Sign in". */
export async function signInOnIdentityPages(
  page: Page,
  names: IdentityPageNames,
  person: { email: string; password: string },
): Promise<void> {
  await page.getByLabel(names.email, { exact: true }).fill(person.email);
  await page.getByLabel(names.password, { exact: true }).fill(person.password);
  await page.getByRole('button', { name: names.signInButton, exact: true }).click();
}
