import { randomUUID } from 'node:crypto';
import type pg from 'pg';

const S = 'royalty_distribution';

/**
 * A synthetic catalogue in the royalty-distribution views: a society, `works` music works each
 * held 60 % / 30 % by two of `holders` holders (half of them members), and a STREAM (weight 2) /
 * SNS_POST (weight 1) scheme on the PERFORMANCE right. For tests and benchmarks at scale.
 */
export async function seedDistributionCatalogue(
  client: pg.Client,
  options: { society: string; scheme: string; works: number; holders: number },
): Promise<void> {
  const { society, scheme, works, holders } = options;
  const half = Math.floor(holders / 2);
  await client.query(`INSERT INTO ${S}.rv_parties (id, kind, name) VALUES ($1, 'SOCIETY', 'S')`, [
    society,
  ]);
  await client.query(
    `INSERT INTO ${S}.rv_works (id, title, normalized_title, category)
     SELECT gen_random_uuid(), 'w' || n, 'w' || n, 'MUSIC' FROM generate_series(1, $1) n`,
    [works],
  );
  await client.query(
    `INSERT INTO ${S}.rv_share_versions (work_id, effective_from)
     SELECT id, '2020-01-01' FROM ${S}.rv_works`,
  );
  await client.query(
    `INSERT INTO ${S}.rv_shares (work_id, effective_from, holder_id, right_type, share_bps)
     SELECT id, '2020-01-01', h.holder, 'PERFORMANCE', h.bps
     FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM ${S}.rv_works) w
     CROSS JOIN LATERAL (VALUES (md5('h' || (w.n % $1))::uuid, 6000),
                                (md5('h' || (w.n % $1 + $1))::uuid, 3000)) AS h(holder, bps)`,
    [half],
  );
  await client.query(
    `INSERT INTO ${S}.rv_memberships (party_id, society_id, member_from)
     SELECT md5('h' || n)::uuid, $1, '2020-01-01' FROM generate_series(0, $2 - 1, 2) n`,
    [society, holders],
  );
  await client.query(
    `INSERT INTO ${S}.schemes (id, revision, society_id, category, right_type, currency, weights)
     VALUES ($1, 1, $2, 'MUSIC', 'PERFORMANCE', 'JPY',
             '[{"useType":"STREAM","weight":2},{"useType":"SNS_POST","weight":1}]')`,
    [scheme, society],
  );
}

/**
 * One November 2026 report of `lines` accepted usage lines over the catalogue's works (one in
 * fifty unidentified), stored as ingest would have stored them.
 */
export async function seedUsageLines(
  client: pg.Client,
  options: { society: string; scheme: string; lines: number },
): Promise<string> {
  const report = randomUUID();
  await client.query(
    `INSERT INTO ${S}.usage_reports (id, platform_id, period_start, period_end, source,
       lines_accepted, lines_rejected, lines_unidentified)
     VALUES ($1, $2, '2026-11-01', '2026-12-01', 'csv', $3, 0, 0)`,
    [report, randomUUID(), options.lines],
  );
  await client.query(
    `INSERT INTO ${S}.usage_lines (report_id, line, license_id, society_id, scheme_id, category,
       work_id, unidentified_reference, use_type, territory, quantity, usage_date)
     SELECT $1, n + 1, $2, $3, $4, 'MUSIC',
            CASE WHEN n % 50 = 0 THEN NULL ELSE w.ids[1 + (n::bigint * 7919) % cardinality(w.ids)] END,
            CASE WHEN n % 50 = 0 THEN 'title:unknown ' || (n % 97) END,
            CASE WHEN n % 3 = 0 THEN 'SNS_POST' ELSE 'STREAM' END, 'JP',
            1 + (n::bigint * 31) % 97, DATE '2026-11-01' + (n % 30)
     FROM generate_series(1, $5) n, (SELECT array_agg(id ORDER BY id) AS ids FROM ${S}.rv_works) w`,
    [report, randomUUID(), options.society, options.scheme, options.lines],
  );
  await client.query(`ANALYZE`);
  return report;
}
