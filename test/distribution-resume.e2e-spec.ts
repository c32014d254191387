import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
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
    const s = 'royalty_distribution';
    await client.query(`INSERT INTO ${s}.rv_parties (id, kind, name) VALUES ($1, 'SOCIETY', 'S')`, [
      society,
    ]);
    await client.query(
      `INSERT INTO ${s}.rv_works (id, title, normalized_title, category)
       SELECT gen_random_uuid(), 'w' || n, 'w' || n, 'MUSIC' FROM generate_series(1, $1) n`,
      [WORKS],
    );
    await client.query(
      `INSERT INTO ${s}.rv_share_versions (work_id, effective_from)
       SELECT id, '2020-01-01' FROM ${s}.rv_works`,
    );
    // Two holders per work (60 % and 30 %), one in two a member.
    await client.query(
      `INSERT INTO ${s}.rv_shares (work_id, effective_from, holder_id, right_type, share_bps)
       SELECT id, '2020-01-01', h.holder, 'PERFORMANCE', h.bps
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM ${s}.rv_works) w
       CROSS JOIN LATERAL (VALUES
         (md5('holder' || (w.n % 500))::uuid, 6000),
         (md5('holder' || (w.n % 500 + 500))::uuid, 3000)) AS h(holder, bps)`,
    );
    await client.query(
      `INSERT INTO ${s}.rv_memberships (party_id, society_id, member_from)
       SELECT md5('holder' || n)::uuid, $1, '2020-01-01' FROM generate_series(0, 999, 2) n`,
      [society],
    );
    const scheme = randomUUID();
    await client.query(
      `INSERT INTO ${s}.schemes (id, revision, society_id, category, right_type, currency, weights)
       VALUES ($1, 1, $2, 'MUSIC', 'PERFORMANCE', 'JPY',
               '[{"useType":"STREAM","weight":2},{"useType":"SNS_POST","weight":1}]')`,
      [scheme, society],
    );
    const report = randomUUID();
    await client.query(
      `INSERT INTO ${s}.usage_reports (id, platform_id, period_start, period_end, source,
         lines_accepted, lines_rejected, lines_unidentified)
       VALUES ($1, $2, '2026-11-01', '2026-12-01', 'csv', $3, 0, 0)`,
      [report, randomUUID(), LINES],
    );
    await client.query(
      `INSERT INTO ${s}.usage_lines (report_id, line, license_id, society_id, scheme_id, category,
         work_id, unidentified_reference, use_type, territory, quantity, usage_date)
       SELECT $1, n + 1, $2, $3, $4, 'MUSIC',
              CASE WHEN n % 50 = 0 THEN NULL ELSE w.ids[1 + (n::bigint * 7919) % $6] END,
              CASE WHEN n % 50 = 0 THEN 'title:unknown ' || (n % 13) END,
              CASE WHEN n % 3 = 0 THEN 'SNS_POST' ELSE 'STREAM' END, 'JP',
              1 + (n::bigint * 31) % 97, DATE '2026-11-01' + (n % 30)
       FROM generate_series(1, $5) n,
            (SELECT array_agg(id ORDER BY id) AS ids FROM ${s}.rv_works) w`,
      [report, randomUUID(), society, scheme, LINES, WORKS],
    );
    await client.query('ANALYZE');
  }

  it('should resume after SIGKILL and reach the checksum of an uninterrupted run', async () => {
    const reference = await createBatch();
    await calculate(reference);
    let expected: BatchState | undefined;
    await eventually(async () => {
      expected = await batch(reference);
      return expected.status === 'CALCULATED';
    }, 120_000);

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
