import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { AccountStore } from '../accounts/infrastructure/account.store.js';
import { hashPassword } from '../accounts/infrastructure/password-hashing.js';
import { GrantStore } from '../grants/infrastructure/grant.store.js';
import { startIdentityForTest, type RunningIdentity } from '../identity.testing.js';
import { ensureDemoAccounts, type DemoPerson } from './demo-accounts.js';

describe('demo accounts', () => {
  let database: TestDatabase;
  let dataDir: string;
  let running: RunningIdentity;
  let accounts: AccountStore;
  let grants: GrantStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-demo-'));
    running = await startIdentityForTest(database.url, dataDir);
    accounts = new AccountStore(running.dataSource);
    grants = new GrantStore(running.dataSource);
  });

  afterAll(async () => {
    await running?.app.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const operator = (): DemoPerson => ({
    email: `${randomUUID()}@demo.example`,
    language: 'en',
    role: Role.OPERATOR,
  });

  it('should make each account with its grant once, and not give back a grant taken away since', async () => {
    const person = operator();
    const [made] = await ensureDemoAccounts(running.dataSource, [person]);
    expect(made?.password).toEqual(expect.any(String));
    const account = await accounts.findByEmail(person.email);
    const [grant] = await grants.active(account!.id);
    expect(grant?.role).toBe(Role.OPERATOR);

    await grants.revoke(grant!);
    const [again] = await ensureDemoAccounts(running.dataSource, [person]);
    expect(again?.password).toBeUndefined();
    expect(await grants.active(account!.id)).toEqual([]);
  });

  it('should give no grant to an account someone else made with a demo address', async () => {
    const person = operator();
    const someone = await accounts.create({
      email: person.email,
      passwordHash: await hashPassword('someone-elses-password-1'),
      language: 'en',
    });
    const [seen] = await ensureDemoAccounts(running.dataSource, [person]);
    expect(seen?.password).toBeUndefined();
    expect(await grants.history(someone!.id)).toEqual([]);
  });
});
