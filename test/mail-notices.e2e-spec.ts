import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { OPERATOR_CLIENT_ID, resolveOperatorClientSecret } from '#libs/auth';
import { Role, UseType } from '#libs/contracts';
import {
  createTestDatabase,
  startTestService,
  type TestDatabase,
  type TestService,
} from '#libs/testing';
import { AccountStore } from '../apps/identity/src/accounts/infrastructure/account.store.js';
import { hashPassword } from '../apps/identity/src/accounts/infrastructure/password-hashing.js';
import { GrantStore } from '../apps/identity/src/grants/infrastructure/grant.store.js';
import {
  startIdentityForTest,
  type RunningIdentity,
} from '../apps/identity/src/identity.testing.js';
import { startSmtp } from '../apps/identity/src/mail/testing/smtp.js';
import { notificationsApp } from '../apps/notifications/src/notifications.app.js';
import { UpstreamEvents } from './support/upstream-events.js';

/**
 * A holder's opt-out, read from the event log by the notifications app, reaches the holder's
 * person as a mail sent by the real identity app: the notice, the operator's token by client
 * credentials and `POST /internal/notices` as both sides wrote them.
 */
describe('mail notices from the event log to a person', () => {
  let identityDatabase: TestDatabase;
  let dataDir: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let identity: RunningIdentity;
  let notifications: TestService;
  let upstream: UpstreamEvents;

  beforeAll(async () => {
    identityDatabase = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'mail-notices-'));
    smtp = await startSmtp();
    const operator = {
      client_id: OPERATOR_CLIENT_ID,
      client_secret: await resolveOperatorClientSecret({ DATA_DIR: dataDir }),
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      role: Role.OPERATOR,
    };
    identity = await startIdentityForTest(identityDatabase.url, dataDir, {
      IDENTITY_CLIENTS: JSON.stringify([operator]),
      MAIL_SMTP_URL: smtp.url,
    });
    notifications = await startTestService(notificationsApp, {
      DATA_DIR: dataDir,
      IDENTITY_ISSUER: identity.issuer,
      IDENTITY_URL: new URL(identity.issuer).origin,
    });
    upstream = new UpstreamEvents(notifications.app);
  });

  afterAll(async () => {
    await notifications?.close();
    await identity?.app.close();
    await smtp?.close();
    await identityDatabase?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("should mail the holder's person the opt-out confirmed, with the work's title and the page", async () => {
    const holder = await upstream.holder();
    const work = await upstream.work([holder], { title: 'Harbour Lights' });
    const email = `${randomUUID()}@example.jp`;
    const accounts = new AccountStore(identity.dataSource);
    const account = await accounts.create({
      email,
      passwordHash: await hashPassword('a-password-nobody-types'),
      language: 'en',
    });
    await accounts.markVerified(account!.id);
    await new GrantStore(identity.dataSource).give({
      accountId: account!.id,
      role: Role.RIGHT_HOLDER,
      party: { id: holder, name: 'Holder', kind: 'RIGHT_HOLDER' },
      grantedBy: 'self-service',
    });
    await upstream.settled();

    await upstream.optOut(holder, { workId: work, useTypes: [UseType.STREAM] });
    await upstream.settled();

    const deadline = Date.now() + 60_000;
    while (!smtp.mails.some((mail) => mail.to === email)) {
      if (Date.now() > deadline) throw new Error('no mail reached the holder');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [mail] = smtp.mails.filter((m) => m.to === email);
    expect(mail!.text).toContain('Harbour Lights');
    expect(mail!.link).toBe(`${new URL(identity.issuer).origin}/me/opt-outs`);
    const [notice] = await notifications.app
      .get(DataSource)
      .query<{ status: string }[]>(
        `SELECT "status" FROM "notifications"."mail_notices" WHERE "party_id" = $1`,
        [holder],
      );
    expect(notice).toEqual({ status: 'SENT' });
  });
});
