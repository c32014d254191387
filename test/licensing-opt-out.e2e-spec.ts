import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import {
  caughtUp,
  eventually,
  startServiceProcesses,
  type ServiceProcess,
} from './support/service-processes.js';

/**
 * Registry, opt-out and authorization as separate processes on one PostgreSQL, talking only
 * through the event log: a holder opts out, and within seconds a new request for its work is
 * denied and the license granted before is revoked.
 */
describe('an opt-out reaching licensing across processes', () => {
  let database: TestDatabase;
  let registry: ServiceProcess;
  let optOut: ServiceProcess;
  let authorization: ServiceProcess;
  const secret = randomBytes(32).toString('hex');
  const tokens = new Tokens(secret);
  const token = (role: Role, partyId: string = randomUUID()) =>
    tokens.issue({ role, partyId }, 600);

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, AUTH_JWT_SECRET: secret };
    [registry, optOut, authorization] = await startServiceProcesses(
      ['rights-registry', 'opt-out', 'authorization'],
      env,
    );
  });

  afterAll(async () => {
    await Promise.all([registry?.stop(), optOut?.stop(), authorization?.stop()]);
    await database?.drop();
  });

  it('should deny the next request and revoke the earlier license within seconds', async () => {
    const operator = await token(Role.OPERATOR);
    const register = async (input: Record<string, unknown>) =>
      (
        await registry.graphql<{ registerParty: { id: string } }>(
          'mutation ($input: RegisterPartyInput!) { registerParty(input: $input) { id } }',
          { input },
          operator,
        )
      ).data!.registerParty.id;
    const society = await register({ kind: 'SOCIETY', name: '日本音楽協会' });
    const holder = await register({ kind: 'RIGHT_HOLDER', name: 'Indie Composer' });
    const platform = await token(
      Role.PLATFORM,
      await register({ kind: 'PLATFORM', name: 'Sakura Video' }),
    );
    const asHolder = await token(Role.RIGHT_HOLDER, holder);
    const work = (
      await registry.graphql<{ registerWork: { id: string } }>(
        `mutation ($holder: ID!) { registerWork(input: { title: "Night Drive", category: MUSIC,
           shares: [{ holderId: $holder, rightType: MAKING_AVAILABLE, shareBps: 10000 }] }) { id } }`,
        { holder },
        asHolder,
      )
    ).data!.registerWork.id;
    await caughtUp(authorization);
    const scheme = await authorization.graphql(
      `mutation ($society: ID!) { createEclScheme(input: { societyId: $society, category: MUSIC,
         useTypes: [STREAM], territories: ["JP"], rightType: MAKING_AVAILABLE,
         unitRateMinor: "2", currency: "JPY", coversUnidentified: true }) { id } }`,
      { society },
      operator,
    );
    expect(scheme.errors).toBeUndefined();

    const request = (from: string) =>
      authorization.graphql<{
        requestUse: { items: { decision: string; license: { id: string } | null }[] };
      }>(
        `mutation ($input: RequestUseInput!) { requestUse(input: $input) {
           items { decision license { id } } } }`,
        {
          input: {
            idempotencyKey: randomUUID(),
            items: [
              {
                workId: work,
                useType: 'STREAM',
                territory: 'JP',
                from,
                to: '2027-06-01',
                expectedQuantity: 500,
              },
            ],
          },
        },
        platform,
      );
    const first = (await request('2026-11-01')).data!.requestUse.items[0]!;
    expect(first.decision).toBe('GRANTED_ECL');

    await caughtUp(optOut);
    const opted = await optOut.graphql(
      `mutation ($holder: ID!) { registerOptOut(input: { holderId: $holder, scope: ALL_WORKS }) { id } }`,
      { holder },
      asHolder,
    );
    expect(opted.errors).toBeUndefined();

    await eventually(
      async () =>
        (await request('2026-12-01')).data!.requestUse.items[0]!.decision === 'DENIED_OPTED_OUT',
    );
    const license = await authorization.graphql<{
      license: { status: string; revokedReason: string };
    }>(
      'query ($id: ID!) { license(id: $id) { status revokedReason } }',
      { id: first.license!.id },
      platform,
    );
    expect(license.data!.license.status).toBe('REVOKED');
    expect(license.data!.license.revokedReason).toContain(holder);
  });
});
