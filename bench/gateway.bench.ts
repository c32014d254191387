import { randomBytes, randomUUID } from 'node:crypto';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase } from '#libs/testing';
import { startStandalone } from '../apps/standalone/src/start-standalone.js';
import {
  machine,
  percentile,
  recordResults,
  round,
  withBenchDatabase,
  type BenchmarkSuite,
} from './harness.js';
import { ANY_PORTS } from '../test/support/systems.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const QUERY = '{ searchWorks(query: "night drive") { id title category } }';

/** `REQUESTS` POSTs of one query, `CONCURRENCY` at a time: requests per second and latencies. */
async function load(url: string, headers: Record<string, string>) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < REQUESTS) {
      next += 1;
      const begun = performance.now();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: QUERY }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (response.status !== 200 || body.errors)
        throw new Error(`request failed: ${JSON.stringify(body)}`);
      times.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { perSecond: REQUESTS / ((performance.now() - started) / 1000), times };
}

/**
 * The gateway's cost: the same query (searchWorks, served by the rights registry) sent through
 * the gateway and straight to the subgraph, in the same run, with the whole system standalone.
 */
export const gatewayBenchmark: BenchmarkSuite = {
  name: 'gateway',
  description: 'requests per second and p99 through the gateway vs straight to the subgraph',
  run: () =>
    withBenchDatabase([], async () => {
      const database = await createTestDatabase();
      const secret = randomBytes(32).toString('hex');
      const system = await startStandalone({
        AUTH_JWT_SECRET: secret,
        DATABASE_URL: database.url,
        ...ANY_PORTS,
        LOG_LEVEL: 'error',
        RATE_LIMIT_PER_MINUTE: '0',
      });
      try {
        const token = await new Tokens(secret).issue(
          { role: Role.PLATFORM, partyId: randomUUID() },
          3600,
        );
        const headers = { authorization: `Bearer ${token}` };
        const registry = system.services.find((service) => service.name === 'rights-registry')!;
        await load(registry.url, headers); // warm up both paths
        await load(system.gatewayUrl, headers);
        const direct = await load(registry.url, headers);
        const gateway = await load(system.gatewayUrl, headers);
        const ratio = gateway.perSecond / direct.perSecond;
        const markdown = [
          '## gateway',
          '',
          `\`npm run bench -- gateway\`, ${new Date().toISOString().slice(0, 10)}, ${machine()}; ${REQUESTS} requests, ${CONCURRENCY} at a time, standalone (services in worker threads), load generated in the same process.`,
          '',
          '| measure | result |',
          '| --- | --- |',
          `| straight to the rights-registry subgraph | ${round(direct.perSecond, 0)} requests/s; p50 ${round(percentile(direct.times, 50), 1)} ms, p99 ${round(percentile(direct.times, 99), 1)} ms |`,
          `| through the gateway (query planning, one subgraph fetch, token forwarded and verified by the subgraph) | ${round(gateway.perSecond, 0)} requests/s; p50 ${round(percentile(gateway.times, 50), 1)} ms, p99 ${round(percentile(gateway.times, 99), 1)} ms |`,
          `| gateway / direct throughput (target >= 0.5) | **${round(ratio, 2)}** ${ratio >= 0.5 ? 'met' : 'NOT met'} |`,
        ].join('\n');
        await recordResults('gateway', markdown);
        return markdown;
      } finally {
        await system.stop();
        await database.drop();
      }
    }),
};
