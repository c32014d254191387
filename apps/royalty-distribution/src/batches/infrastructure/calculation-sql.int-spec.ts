import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { createDataSource } from '#libs/database';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { royaltyDistributionDatabase } from '../../royalty-distribution.database.js';
import { allocate, type Cell } from '../domain/allocation.js';
import { spreadsheetText, spreadsheetTextSql } from '../domain/spreadsheet-text.js';
import { SPREADSHEET_SCENARIOS } from '../domain/spreadsheet-text.scenarios.js';
import { usageCells } from '../domain/share-dating.js';
import {
  SHARE_DATING_SCENARIOS,
  scenarioExpected,
  scenarioVersions,
} from '../domain/share-dating.scenarios.js';
import { ALLOCATE, BUILD_CELL_USES } from './calculation-sql.js';

const byKeys = (
  a: { workKey: string; holderKey: string },
  b: { workKey: string; holderKey: string },
) =>
  a.workKey === b.workKey ? (a.holderKey < b.holderKey ? -1 : 1) : a.workKey < b.workKey ? -1 : 1;

/** The SQL calculation (used at scale) and the domain functions agree to the unit. */
describe('the calculation in SQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase([royaltyDistributionDatabase]);
    dataSource = await createDataSource(royaltyDistributionDatabase, {
      url: database.url,
      poolSize: 2,
    }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const key = fc.constantFrom(
    'UNCLAIMED',
    'UNIDENTIFIED',
    'a0c1e2d3-0000-4000-8000-000000000001',
    'A0C1E2D3-0000-4000-8000-000000000001',
    'title:夜の月',
    'title:zebra',
    'ISRC:JPK002100001',
  );
  const cells = fc.uniqueArray(
    fc.record({
      workKey: key,
      holderKey: key,
      points: fc.oneof(fc.constant(1000n), fc.bigInt({ min: 1n, max: 10n ** 20n })),
    }),
    { selector: (c) => `${c.workKey}|${c.holderKey}`, minLength: 1, maxLength: 20 },
  );

  it('should give every cell the same amount as the domain allocation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        cells,
        async (distributable, list) => {
          const batchId = randomUUID();
          await dataSource.query(
            `INSERT INTO royalty_distribution.batch_cell_uses (batch_id, work_key, holder_key, use_type, points)
           SELECT $1, w, h, 'STREAM', p FROM unnest($2::text[], $3::text[], $4::numeric[]) AS c(w, h, p)`,
            [
              batchId,
              list.map((c) => c.workKey),
              list.map((c) => c.holderKey),
              list.map((c) => c.points.toString()),
            ],
          );
          await dataSource.query(ALLOCATE, [
            batchId,
            distributable.toString(),
            randomUUID(),
            '2026-11-30',
          ]);
          const rows = await dataSource.query<
            { work_key: string; holder_key: string; amount: string }[]
          >(
            `SELECT work_key, holder_key, amount::text AS amount FROM royalty_distribution.batch_cells
           WHERE batch_id = $1`,
            [batchId],
          );
          const fromSql = rows
            .map((row) => ({
              workKey: row.work_key,
              holderKey: row.holder_key,
              amount: BigInt(row.amount),
            }))
            .sort(byKeys);
          const expected = allocate(distributable, list as Cell[])
            .map(({ workKey, holderKey, amount }) => ({ workKey, holderKey, amount }))
            .sort(byKeys);
          expect(fromSql).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it.each(SHARE_DATING_SCENARIOS.map((s) => [s.name, s] as const))(
    'should date shares as the TypeScript rule does: %s',
    async (_name, scenario) => {
      const [batchId, workId, schemeId] = [randomUUID(), randomUUID(), randomUUID()];
      const versions = scenarioVersions(scenario);
      const cells = await dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO royalty_distribution.schemes (id, revision, society_id, category, right_type, currency, weights)
           VALUES ($1, 1, $2, 'MUSIC', 'MAKING_AVAILABLE', 'JPY', '[{"useType": "STREAM", "weight": 1}]')`,
          [schemeId, randomUUID()],
        );
        for (const version of versions) {
          await manager.query(
            `INSERT INTO royalty_distribution.rv_share_versions (work_id, effective_from) VALUES ($1, $2)`,
            [workId, version.effectiveFrom],
          );
          for (const share of version.shares) {
            await manager.query(
              `INSERT INTO royalty_distribution.rv_shares (work_id, effective_from, holder_id, right_type, share_bps)
               VALUES ($1, $2, $3, $4, $5)`,
              [workId, version.effectiveFrom, share.holderId, share.rightType, share.shareBps],
            );
          }
        }
        await manager.query(
          `CREATE TEMPORARY TABLE batch_daily ON COMMIT DROP AS
           SELECT $1::uuid AS work_id, NULL::text AS unidentified_reference, $2::date AS usage_date,
                  'STREAM'::text AS use_type, $3::uuid AS scheme_id, $4::numeric AS quantity`,
          [workId, scenario.usageDate, schemeId, scenario.points.toString()],
        );
        await manager.query(BUILD_CELL_USES, [batchId]);
        return manager.query<{ holder_key: string; points: string }[]>(
          `SELECT holder_key, points::text AS points FROM royalty_distribution.batch_cell_uses
           WHERE batch_id = $1 AND work_key = $2`,
          [batchId, workId],
        );
      });
      const fromSql = Object.fromEntries(cells.map((c) => [c.holder_key, BigInt(c.points)]));
      const fromRule = usageCells(
        workId,
        versions,
        scenario.usageDate,
        'MAKING_AVAILABLE',
        scenario.points,
      );
      expect(fromSql).toEqual(scenarioExpected(scenario));
      expect(fromSql).toEqual(Object.fromEntries(fromRule.map((c) => [c.holderKey, c.points])));
    },
  );

  it('should make export text safe for spreadsheets as the TypeScript rule does', async () => {
    for (const [value] of SPREADSHEET_SCENARIOS) {
      const [row] = await dataSource.query<{ text: string }[]>(
        `SELECT ${spreadsheetTextSql('$1::text')} AS text`,
        [value],
      );
      expect([value, row!.text]).toEqual([value, spreadsheetText(value)]);
    }
  });
});
