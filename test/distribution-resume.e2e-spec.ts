import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { seedDistributionCatalogue, seedUsageLines } from './support/distribution-seed.js';
import {
  eventually,
  startServiceProcess,
  type ServiceProcess,
} from './support/service-processes.js';

const WORKS = 3000;
const LINES = 400_000;

interface BatchState {
  status: string;
  checksum: string | null;
  calculation: { state: string; phase: string | null };
  pool: { amountMinor: string };
  adminFee: { amountMinor: string };
  allocatedTotal: { amountMinor: string } | null;
  reservedTotal: { amountMinor: string } | null;
}

/**
 * A distribution service process killed (SIGKILL) in the middle of a calculation: a new
 * process resumes it and reaches the same checksum as an uninterrupted calculation of the
 * same usage.
 */
describe('a batch calculation killed midway', () => {
  let database: TestDatabase;
  let service: ServiceProcess | undefined;
  const secret = randomBytes(32).toString('hex');
  const tokens = new Tokens(secret);
  const society = randomUUID();
  let admin: string;

  const start = async () =>
    (service = await startServiceProcess('royalty-distribution', {
      DATABASE_URL: database.url,
      AUTH_JWT_SECRET: secret,
    }));
  const batch = async (id: string) =>
    (
      await service!.graphql<{ distributionBatch: BatchState }>(
        `query ($id: ID!) { distributionBatch(id: $id) { status checksum calculation { state phase }
           pool { amountMinor } adminFee { amountMinor } allocatedTotal { amountMinor }
           reservedTotal { amountMinor } } }`,
        { id },
        admin,
      )
    ).data!.distributionBatch;
  const createBatch = async () =>
    (
      await service!.graphql<{ createDistributionBatch: { id: string } }>(
        `mutation { createDistributionBatch(input: { periodStart: "2026-11-01",
           periodEnd: "2026-12-01", category: MUSIC, poolAmountMinor: "98765432101",
           currency: "JPY", adminFeeBps: 1234 }) { id } }`,
        {},
        admin,
      )
    ).data!.createDistributionBatch.id;
  const calculate = (id: string) =>
    service!.graphql(
      `mutation ($id: ID!) { calculateDistributionBatch(id: $id) { status } }`,
      { id },
      admin,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = await tokens.issue({ role: Role.SOCIETY_ADMIN, partyId: society }, 3600);
    await start();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await seed(client);
    } finally {
      await client.end();
    }
  });

  afterAll(async () => {
    await service?.stop();
    await database?.drop();
  });

  async function seed(client: pg.Client): Promise<void> {
    const scheme = randomUUID();
    await seedDistributionCatalogue(client, { society, scheme, works: WORKS, holders: 1000 });
    await seedUsageLines(client, { society, scheme, lines: LINES });
  }

  it('should resume after SIGKILL and reach the checksum of an uninterrupted run', async () => {
    const reference = await createBatch();
    await calculate(reference);
    let expected: BatchState | undefined;
    await eventually(async () => {
      expected = await batch(reference);
      return expected.status === 'CALCULATED';
    }, 120_000);
    // Batches of one period never overlap: the reference makes way for the same batch again.
    const cancelled = await service!.graphql(
      'mutation ($id: ID!) { cancelDistributionBatch(id: $id) { status } }',
      { id: reference },
      admin,
    );
    expect(cancelled.data).toEqual({ cancelDistributionBatch: { status: 'CANCELLED' } });

    const interrupted = await createBatch();
    await calculate(interrupted);
    await eventually(async () => (await batch(interrupted)).calculation.phase !== 'queued', 30_000);
    const before = await batch(interrupted);
    await service!.kill();
    expect(before.calculation.state).toBe('RUNNING');

    await start();
    let resumed: BatchState | undefined;
    await eventually(async () => {
      resumed = await batch(interrupted);
      return resumed.status === 'CALCULATED';
    }, 120_000);
    expect(resumed!.checksum).toBe(expected!.checksum);
    expect(resumed!.allocatedTotal).toEqual(expected!.allocatedTotal);
    const total =
      BigInt(resumed!.allocatedTotal!.amountMinor) +
      BigInt(resumed!.reservedTotal!.amountMinor) +
      BigInt(resumed!.adminFee.amountMinor);
    expect(total).toBe(98_765_432_101n);
  });
});
