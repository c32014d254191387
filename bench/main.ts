import 'reflect-metadata';
import { Command } from 'commander';
import type { BenchmarkSuite } from './harness.js';
import { authorizationBenchmark } from './authorization.bench.js';
import { distributionBenchmark } from './distribution.bench.js';
import { gatewayBenchmark } from './gateway.bench.js';
import { matchingBenchmark } from './matching/matching.bench.js';
import { messagingBenchmark } from './messaging.bench.js';
import { portalBenchmark } from './portal/portal.bench.js';
import { registryBenchmark } from './registry.bench.js';
import { tokenVerificationBenchmark } from './token-verification.bench.js';
import { webhooksBenchmark } from './webhooks.bench.js';

/** Registered suites, in the order `npm run bench` runs them. */
const suites: BenchmarkSuite[] = [
  messagingBenchmark,
  registryBenchmark,
  authorizationBenchmark,
  distributionBenchmark,
  gatewayBenchmark,
  matchingBenchmark,
  tokenVerificationBenchmark,
  portalBenchmark,
  webhooksBenchmark,
];

const program = new Command('bench')
  .description('Run benchmark suites; results go to docs/BENCHMARKS.md')
  .argument('[suites...]', 'suite names (default: all)')
  .action(async (names: string[]) => {
    const unknown = names.filter((name) => !suites.some((suite) => suite.name === name));
    if (unknown.length) {
      process.stderr.write(
        `unknown suite(s): ${unknown.join(', ')}; available: ${suites.map((s) => s.name).join(', ') || 'none'}\n`,
      );
      process.exitCode = 2;
      return;
    }
    const selected = names.length ? suites.filter((suite) => names.includes(suite.name)) : suites;
    if (selected.length === 0) {
      process.stdout.write('No benchmark suites are registered yet.\n');
      return;
    }
    for (const suite of selected) {
      process.stdout.write(`${await suite.run()}\n`);
    }
  });

await program.parseAsync();
