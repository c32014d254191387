import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { AccountStore } from '../accounts/infrastructure/account.store.js';
import { hashPassword } from '../accounts/infrastructure/password-hashing.js';
import { follow } from '../account-self/testing/signed-in-browser.js';
import { startIdentityForTest, type RunningIdentity } from '../identity.testing.js';
import { Browser, formsOf } from '../pages/testing/browser.js';
import { GrantStore } from './infrastructure/grant.store.js';

/**
 * A person holding several grants signs in to the app's own account pages: they choose whom
 * they act as, and land on their account without being asked to allow the app's own pages.
 */
describe('choosing the grant to act as on the way to the account page', () => {
  let database: TestDatabase;
  let dataDir: string;
  let running: RunningIdentity;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-act-as-account-'));
    running = await startIdentityForTest(database.url, dataDir);
  });

  afterAll(async () => {
    await running?.app.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('should ask whom the person acts as, then show the account without a consent page', async () => {
    const origin = new URL(running.issuer).origin;
    const password = 'river-lantern-okra-77';
    const email = `${randomUUID()}@example.jp`;
    const accounts = new AccountStore(running.dataSource);
    const account = await accounts.create({
      email,
      passwordHash: await hashPassword(password),
      language: 'en',
    });
    await accounts.markVerified(account!.id);
    const grants = new GrantStore(running.dataSource);
    await grants.give({ accountId: account!.id, role: Role.OPERATOR, grantedBy: 'test' });
    await grants.give({
      accountId: account!.id,
      role: Role.RIGHT_HOLDER,
      party: { id: randomUUID(), name: 'Aoi Sato', kind: 'RIGHT_HOLDER' },
      grantedBy: 'test',
    });

    const browser = new Browser({ 'accept-language': 'en' });
    const signInPage = await follow(browser, origin, await browser.get(`${origin}/account`));
    const signIn = formsOf(await signInPage.response.text()).find((form) =>
      form.action.endsWith('/sign-in'),
    )!;
    const actAs = await follow(
      browser,
      origin,
      await browser.post(new URL(signIn.action, origin), { ...signIn.fields, email, password }),
    );
    const html = await actAs.response.text();
    expect(html).toContain('Choose who you act as');
    const choice = formsOf(html).find((form) => form.action.endsWith('/act-as'))!;
    const chosen = await follow(
      browser,
      origin,
      await browser.post(new URL(choice.action, origin), choice.fields),
    );
    expect(chosen.url.pathname).toBe('/account');
    expect(chosen.response.status).toBe(200);
    expect(await chosen.response.text()).toContain('<h1>Your account</h1>');
  });
});
