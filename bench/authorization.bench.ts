import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Tokens, type Caller } from '#libs/auth';
import { Role, RightType, UseType, WorkCategory } from '#libs/contracts';
import { createTestDatabase, startTestService } from '#libs/testing';
import { RequestUseHandler } from '../apps/authorization/src/licensing/application/request-use.handler.js';
import { authorizationApp } from '../apps/authorization/src/authorization.app.js';
import { SchemeHandlers } from '../apps/authorization/src/schemes/application/scheme.handlers.js';
import {
  caughtUp,
  startServiceProcesses,
  type ServiceProcess,
} from '../test/support/service-processes.js';
import {
  machine,
  percentile,
  recordResults,
  round,
  withBenchDatabase,
  type BenchmarkSuite,
} from './harness.js';

const WORKS = Number(process.env.BENCH_WORKS ?? 200_000);
const HOLDERS = 2000;
const BATCHES = Number(process.env.BENCH_BATCHES ?? 20);
const SINGLES = Number(process.env.BENCH_SINGLES ?? 300);
const PROPAGATIONS = Number(process.env.BENCH_PROPAGATIONS ?? 30);

const item = (workId: string) => ({
  workId,
  useType: UseType.STREAM,
  territory: 'JP',
  from: '2026-12-01',
  to: '2027-01-01',
  expectedQuantity: 100,
});

/**
 * Licensing decisions: 1,000-item requests and single-item requests through the service's own
 * use case (works, opt-outs, schemes read from its views; request, items, licenses and events
 * written in one transaction), against primary-key point selects on the same database in the
 * same run; and the time from an opt-out's registration in the opt-out service to the first
 * denial by the authorization service, each its own process, over the PostgreSQL event log.
 */
export const authorizationBenchmark: BenchmarkSuite = {
  name: 'authorization',
  description: 'requestUse decisions vs point selects; opt-out to denial lag across processes',
  run: () =>
    withBenchDatabase([], async () => {
      const sut = await startTestService(authorizationApp, { DB_POOL_SIZE: '4' });
      const dataSource = sut.app.get(DataSource);
      try {
        const society = randomUUID();
        const holders = Array.from({ length: HOLDERS }, () => randomUUID());
        await dataSource.query(
          `INSERT INTO "authorization"."rv_parties" (id, kind, name) VALUES ($1, 'SOCIETY', 'Bench Society')`,
          [society],
        );
        await dataSource.query(
          `INSERT INTO "authorization"."rv_works" (id, title, normalized_title, category)
           SELECT gen_random_uuid(), 'Work ' || n, 'work ' || n, 'MUSIC' FROM generate_series(1, $1) n`,
          [WORKS],
        );
        await dataSource.query(
          `INSERT INTO "authorization"."rv_share_versions" (work_id, effective_from)
           SELECT id, '2020-01-01' FROM "authorization"."rv_works"`,
        );
        await dataSource.query(
          `INSERT INTO "authorization"."rv_shares" (work_id, effective_from, holder_id, right_type, share_bps)
           SELECT w.id, '2020-01-01', ($1::uuid[])[1 + (row_number() OVER () % $2)], $3, 10000
           FROM "authorization"."rv_works" w`,
          [holders, HOLDERS, RightType.MAKING_AVAILABLE],
        );
        // One holder in a hundred has opted out of everything.
        await dataSource.query(
          `INSERT INTO "authorization"."ov_opt_outs" (id, holder_id, scope, work_id, use_types, effective_from)
           SELECT gen_random_uuid(), h, 'ALL_WORKS', NULL, '{}', '2020-01-01'
           FROM unnest($1::uuid[]) h`,
          [holders.filter((_, i) => i % 100 === 0)],
        );
        await dataSource.query('ANALYZE');
        const operator: Caller = { role: Role.OPERATOR, partyId: randomUUID() };
        await sut.app.get(SchemeHandlers).create(
          operator,
          {
            societyId: society,
            category: WorkCategory.MUSIC,
            rightType: RightType.MAKING_AVAILABLE,
            useTypes: [UseType.STREAM],
            territories: ['JP'],
            unitRateMinor: '2',
            currency: 'JPY',
            coversUnidentified: true,
          },
          'bench',
        );
        const ids = (
          await dataSource.query<{ id: string }[]>(
            `SELECT id FROM "authorization"."rv_works" ORDER BY random() LIMIT $1`,
            [BATCHES * 1000 + SINGLES],
          )
        ).map((row) => row.id);

        // Baseline: primary-key point selects, one round trip each.
        const pointTimes: number[] = [];
        const pointStarted = performance.now();
        for (const id of ids.slice(0, BATCHES * 1000)) {
          const started = performance.now();
          await dataSource.query(`SELECT id, title FROM "authorization"."rv_works" WHERE id = $1`, [
            id,
          ]);
          pointTimes.push(performance.now() - started);
        }
        const pointsPerSecond = pointTimes.length / ((performance.now() - pointStarted) / 1000);

        const handler = sut.app.get(RequestUseHandler);
        const platform: Caller = { role: Role.PLATFORM, partyId: randomUUID() };
        const batchStarted = performance.now();
        for (let batch = 0; batch < BATCHES; batch += 1) {
          const items = ids.slice(batch * 1000, (batch + 1) * 1000).map(item);
          await handler.execute(platform, { idempotencyKey: randomUUID(), items }, 'bench');
        }
        const decisionsPerSecond = (BATCHES * 1000) / ((performance.now() - batchStarted) / 1000);
        const singleTimes: number[] = [];
        for (const id of ids.slice(BATCHES * 1000)) {
          const started = performance.now();
          await handler.execute(
            platform,
            { idempotencyKey: randomUUID(), items: [item(id)] },
            'bench',
          );
          singleTimes.push(performance.now() - started);
        }
        const [decisions] = await dataSource.query<{ granted: number; denied: number }[]>(
          `SELECT count(*) FILTER (WHERE decision = 'GRANTED_ECL')::int AS granted,
                  count(*) FILTER (WHERE decision = 'DENIED_OPTED_OUT')::int AS denied
           FROM "authorization"."use_request_items"`,
        );
        await sut.close();

        const lags = await propagation();
        const lagP99 = percentile(lags, 99);
        const markdown = [
          '## authorization',
          '',
          `\`npm run bench -- authorization\`, ${new Date().toISOString().slice(0, 10)}, ${machine()}, ${WORKS.toLocaleString('en-US')} works of ${HOLDERS.toLocaleString('en-US')} holders, 1 % of holders opted out.`,
          '',
          '| measure | result |',
          '| --- | --- |',
          `| baseline: primary-key point select, one round trip each | ${round(pointsPerSecond, 0)} selects/s; p50 ${round(percentile(pointTimes, 50), 2)} ms, p99 ${round(percentile(pointTimes, 99), 2)} ms |`,
          `| requestUse, ${BATCHES} requests of 1,000 items (decided, recorded, licenses and events written) | **${round(decisionsPerSecond, 0)} decisions/s**, ${round(decisionsPerSecond / pointsPerSecond, 2)} x the point-select rate |`,
          `| requestUse, ${SINGLES} single-item requests, p50 / p99 | ${round(percentile(singleTimes, 50), 1)} ms / ${round(percentile(singleTimes, 99), 1)} ms (${round(percentile(singleTimes, 50) / percentile(pointTimes, 50), 0)} x / ${round(percentile(singleTimes, 99) / percentile(pointTimes, 99), 0)} x the point select) |`,
          `| decisions taken | ${decisions!.granted} GRANTED_ECL, ${decisions!.denied} DENIED_OPTED_OUT |`,
          `| opt-out registered (opt-out process) to first DENIED_OPTED_OUT (authorization process), ${lags.length} opt-outs, p50 / p99 (target p99 < 1 s) | ${round(percentile(lags, 50), 0)} ms / **${round(lagP99, 0)} ms** ${lagP99 < 1000 ? 'met' : 'NOT met'} |`,
          '',
          'Requests run through `RequestUseHandler` in-process (no HTTP). The propagation lag runs',
          'the registry, opt-out and authorization services as separate processes on one',
          'PostgreSQL; the client asks the authorization service every 10 ms after the opt-out',
          'mutation returns.',
        ].join('\n');
        await recordResults('authorization', markdown);
        return markdown;
      } finally {
        await sut.close().catch(() => undefined);
      }
    }),
};

/** Opt-out to denial, across processes: milliseconds per opt-out. */
async function propagation(): Promise<number[]> {
  const database = await createTestDatabase();
  const secret = randomUUID();
  const tokens = new Tokens(secret);
  const env = { DATABASE_URL: database.url, AUTH_JWT_SECRET: secret, LOG_LEVEL: 'error' };
  const services: ServiceProcess[] = [];
  try {
    const [registry, optOut, authorization] = await startServiceProcesses(
      ['rights-registry', 'opt-out', 'authorization'],
      env,
    );
    services.push(registry, optOut, authorization);
    const operator = await tokens.issue({ role: Role.OPERATOR, partyId: randomUUID() }, 3600);
    const platform = await tokens.issue({ role: Role.PLATFORM, partyId: randomUUID() }, 3600);
    const society = (
      await registry.graphql<{ registerParty: { id: string } }>(
        'mutation { registerParty(input: { kind: SOCIETY, name: "Bench Society" }) { id } }',
        {},
        operator,
      )
    ).data!.registerParty.id;
    const pairs: { holder: string; work: string }[] = [];
    for (let n = 0; n < PROPAGATIONS; n += 1) {
      const holder = (
        await registry.graphql<{ registerParty: { id: string } }>(
          'mutation ($name: String!) { registerParty(input: { kind: RIGHT_HOLDER, name: $name }) { id } }',
          { name: `Holder ${n}` },
          operator,
        )
      ).data!.registerParty.id;
      const work = (
        await registry.graphql<{ registerWork: { id: string } }>(
          `mutation ($holder: ID!, $title: String!) { registerWork(input: { title: $title, category: MUSIC,
             shares: [{ holderId: $holder, rightType: MAKING_AVAILABLE, shareBps: 10000 }] }) { id } }`,
          { holder, title: `Propagation ${n}` },
          operator,
        )
      ).data!.registerWork.id;
      pairs.push({ holder, work });
    }
    await Promise.all([caughtUp(authorization, 60_000), caughtUp(optOut, 60_000)]);
    await authorization.graphql(
      `mutation ($society: ID!) { createEclScheme(input: { societyId: $society, category: MUSIC,
         useTypes: [STREAM], territories: ["JP"], rightType: MAKING_AVAILABLE,
         unitRateMinor: "2", currency: "JPY", coversUnidentified: true }) { id } }`,
      { society },
      operator,
    );
    const decision = async (work: string) =>
      (
        await authorization.graphql<{ requestUse: { items: { decision: string }[] } }>(
          `mutation ($input: RequestUseInput!) { requestUse(input: $input) { items { decision } } }`,
          { input: { idempotencyKey: randomUUID(), items: [item(work)] } },
          platform,
        )
      ).data!.requestUse.items[0]!.decision;
    const lags: number[] = [];
    for (const { holder, work } of pairs) {
      const asHolder = await tokens.issue({ role: Role.RIGHT_HOLDER, partyId: holder }, 3600);
      if ((await decision(work)) !== 'GRANTED_ECL') throw new Error('expected a grant first');
      await optOut.graphql(
        'mutation ($holder: ID!) { registerOptOut(input: { holderId: $holder, scope: ALL_WORKS }) { id } }',
        { holder },
        asHolder,
      );
      const registered = performance.now();
      while ((await decision(work)) !== 'DENIED_OPTED_OUT') {
        if (performance.now() - registered > 30_000) throw new Error('no denial within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      lags.push(performance.now() - registered);
    }
    return lags;
  } finally {
    await Promise.all(services.map((service) => service.stop()));
    await database.drop();
  }
}
