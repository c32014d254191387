import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { royaltyDistributionDatabase } from '../apps/royalty-distribution/src/royalty-distribution.database.js';
import { seedDistributionCatalogue, seedUsageLines } from './support/distribution-seed.js';

/** `npm run cli -- distribution ...` and `reserves release`, as a script would run them. */
describe('cli distribution', () => {
  let database: TestDatabase;
  const society = randomUUID();

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['dist/tools/cli/main.js', ...args], {
      // Production, and no shared secret: the CLI runs the service's code on its database.
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: database.url,
        LOG_LEVEL: 'silent',
        NODE_ENV: 'production',
      },
      encoding: 'utf8',
      timeout: 120_000,
    });

  const batchOptions = (periodStart: string, periodEnd: string) => [
    '--society',
    society,
    '--category',
    'MUSIC',
    '--period-start',
    periodStart,
    '--period-end',
    periodEnd,
  ];

  beforeAll(async () => {
    database = await createTestDatabase([royaltyDistributionDatabase]);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const scheme = randomUUID();
      await seedDistributionCatalogue(client, { society, scheme, works: 50, holders: 20 });
      await seedUsageLines(client, { society, scheme, lines: 2000 });
    } finally {
      await client.end();
    }
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('should create, calculate, approve and export a batch, exact to the unit', () => {
    const created = cli(
      'distribution',
      'create',
      ...batchOptions('2026-11-01', '2026-12-01'),
      '--pool',
      '1000000',
      '--admin-fee-bps',
      '1000',
    );
    expect(created.status).toBe(0);
    const id = created.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const calculated = cli('distribution', 'calculate', id);
    expect(calculated.status).toBe(0);
    expect(calculated.stdout).toContain(`batch ${id} CALCULATED`);
    expect(calculated.stdout).toContain('pool 1000000 JPY, admin fee 100000 JPY');
    expect(calculated.stdout).toMatch(/checksum [0-9a-f]{64}/);

    const exported = cli('distribution', 'export', id);
    expect(exported.status).toBe(0);
    const [header, ...rows] = exported.stdout.trim().split('\n');
    expect(header).toBe('work_key,holder_key,points,amount,currency,status,reason');
    const total = rows.reduce((sum, row) => sum + BigInt(row.split(',')[3]!), 0n);
    expect(total).toBe(900_000n);

    const approvedRun = cli('distribution', 'approve', id);
    expect(approvedRun.stderr).toBe('');
    expect(approvedRun.stdout).toBe(`batch ${id} APPROVED\n`);
    const again = cli('distribution', 'calculate', id);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('approved batches are immutable');
    const released = cli('reserves', 'release', '--as-of', '2000-01-01');
    expect(released.stderr).toBe('');
    expect(released.stdout).toBe('released 0 reserve(s) whose claim period ended by 2000-01-01\n');
  });

  it('should run a batch in one command: created, calculated and approved', () => {
    const run = cli(
      'distribution',
      'run',
      // December: November's batch is approved, and batches of a society never overlap.
      ...batchOptions('2026-12-01', '2027-01-01'),
      '--pool',
      '500000',
      '--approve',
    );
    expect(run.status).toBe(0);
    const [id, ...report] = run.stdout.trim().split('\n');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(report[0]).toBe(`batch ${id} CALCULATED`);
    expect(report).toContain('pool 500000 JPY, admin fee 0 JPY');
    expect(report.at(-1)).toBe(`batch ${id} APPROVED`);
    const refused = cli('distribution', 'run', ...batchOptions('2026-12-01', '2026-11-01'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('periodEnd must be after periodStart');
  });

  it('should cancel a batch not approved, freeing its period for another, and refuse to cancel an approved one', () => {
    const options = [...batchOptions('2027-02-01', '2027-03-01'), '--pool', '1000'];
    const first = cli('distribution', 'create', ...options).stdout.trim();
    const overlapping = cli('distribution', 'create', ...options);
    expect(overlapping.status).toBe(1);
    expect(overlapping.stderr).toContain(first);

    expect(cli('distribution', 'cancel', first).stdout).toBe(`batch ${first} CANCELLED\n`);
    const second = cli('distribution', 'run', ...options, '--approve');
    expect(second.status).toBe(0);
    const secondId = second.stdout.trim().split('\n')[0]!;
    expect(secondId).not.toBe(first);

    const refused = cli('distribution', 'cancel', secondId);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      'the batch is APPROVED and cannot be cancelled: only a DRAFT or CALCULATED batch can\n',
    );
  });

  it('should exit 1 with a reason for a batch that does not exist', () => {
    const missing = cli('distribution', 'approve', randomUUID());
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^no batch /);
  });
});
