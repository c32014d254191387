import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import {
  eventually,
  startServiceProcesses,
  type ServiceProcess,
} from './support/service-processes.js';

/**
 * The registry and the opt-out service as separate processes on one PostgreSQL, talking only
 * through the event log: an ALL_WORKS opt-out covers a work registered after it.
 */
describe('opt-out across processes', () => {
  let database: TestDatabase;
  let registry: ServiceProcess;
  let optOut: ServiceProcess;
  const secret = randomBytes(32).toString('hex');
  const tokens = new Tokens(secret);

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, AUTH_JWT_SECRET: secret };
    [registry, optOut] = await startServiceProcesses(['rights-registry', 'opt-out'], env);
  });

  afterAll(async () => {
    await Promise.all([registry?.stop(), optOut?.stop()]);
    await database?.drop();
  });

  it('should report a new work of a holder with an ALL_WORKS opt-out as opted out', async () => {
    const operator = await tokens.issue({ role: Role.OPERATOR, partyId: randomUUID() }, 600);
    const registered = await registry.graphql<{ registerParty: { id: string } }>(
      'mutation { registerParty(input: { kind: RIGHT_HOLDER, name: "独立系 作家" }) { id } }',
      {},
      operator,
    );
    const holder = registered.data!.registerParty.id;
    const asHolder = await tokens.issue({ role: Role.RIGHT_HOLDER, partyId: holder }, 600);

    // The opt-out service learns of the holder from party.registered.
    const input = { holderId: holder, scope: 'ALL_WORKS', idempotencyKey: randomUUID() };
    let optOutId = '';
    await eventually(async () => {
      const result = await optOut.graphql<{ registerOptOut: { id: string } }>(
        'mutation ($input: RegisterOptOutInput!) { registerOptOut(input: $input) { id } }',
        { input },
        asHolder,
      );
      // Until then its token names a party the service does not know yet.
      const code = result.errors?.[0]?.extensions?.code;
      if (code === 'NOT_FOUND' || code === 'UNAUTHENTICATED') return false;
      expect(result.errors).toBeUndefined();
      optOutId = result.data!.registerOptOut.id;
      return true;
    });

    const work = await registry.graphql<{ registerWork: { id: string } }>(
      `mutation ($holder: ID!) { registerWork(input: {
         title: "後から登録した曲", category: MUSIC,
         shares: [{ holderId: $holder, rightType: PERFORMANCE, shareBps: 10000 }] }) { id } }`,
      { holder },
      asHolder,
    );
    expect(work.errors).toBeUndefined();
    const workId = work.data!.registerWork.id;

    let status: { optedOut: boolean; optOuts: { id: string }[] } | null = null;
    await eventually(async () => {
      const result = await optOut.graphql<{ optOutStatus: typeof status }>(
        'query ($workId: ID!) { optOutStatus(workId: $workId, useType: STREAM) { optedOut optOuts { id } } }',
        { workId },
      );
      status = result.data?.optOutStatus ?? null;
      return status !== null;
    });
    expect(status).toEqual({ optedOut: true, optOuts: [{ id: optOutId }] });

    const register = await optOut.graphql<{
      optOutRegister: { edges: { node: { work: { id: string }; title: string } }[] };
    }>('{ optOutRegister(category: MUSIC) { edges { node { work { id } title } } } }');
    expect(register.data!.optOutRegister.edges.map((edge) => edge.node)).toContainEqual({
      work: { id: workId },
      title: '後から登録した曲',
    });
  });
});
