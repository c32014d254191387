import 'reflect-metadata';
import { Command, InvalidArgumentError, Option } from 'commander';
import { acceptsSharedSecretTokens, resolveTokens } from '#libs/auth';
import { ConfigValidationError, GatewayConfig, loadConfig } from '#libs/config';
import { Role, WorkCategory, isUuid } from '#libs/contracts';
import { USAGE_CSV_COLUMNS } from '../../apps/royalty-distribution/src/usage/domain/usage-csv.js';
import {
  approveBatch,
  cancelBatch,
  calculateBatch,
  createBatch,
  exportBatch,
  releaseReserves,
  runBatch,
  type CreateOptions,
} from './distribution.js';
import { demoClientToken, operatorToken, TokenRefusal } from './operator-token.js';
import { login, logout, personToken } from './person-session.js';
import { seedDemoCommand } from './seed-demo.js';
import { demoClientFor } from '../../apps/standalone/src/demo/demo-clients.js';
import { importUsage } from './usage-import.js';
import { importWorks } from './works-import.js';

/** An option parser for UUIDs, refusing anything else with `message`. */
const uuid =
  (message = 'a UUID') =>
  (value: string) => {
    if (!isUuid(value)) throw new InvalidArgumentError(message);
    return value;
  };

/** A line for the person at the terminal (stderr: stdout stays for what scripts read). */
const say = (line: string) => process.stderr.write(`${line}\n`);

/** Runs `work`; a refusal is printed as its sentence on stderr with exit code 1. */
async function refusalsPrinted<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof TokenRefusal)) throw error;
    say(error.message);
    process.exitCode = 1;
    return undefined;
  }
}

const program = new Command('cli').description('Clearinghouse command line').showHelpAfterError();

program
  .command('token')
  .description(
    'print a bearer token (and nothing else) of the identity provider: the operator’s (the default), a demo party’s, or with --person the signed-in person’s; for other parties a shared-secret token (development and test)',
  )
  .addOption(
    new Option('--role <role>', 'the caller role (default OPERATOR)').choices(Object.values(Role)),
  )
  .option(
    '--party <id>',
    'the party the token speaks for (not the operator’s)',
    uuid('a party id is a UUID'),
  )
  .option('--person', 'the access token of the person signed in with login (refreshed)')
  .option(
    '--ttl <seconds>',
    'lifetime of a shared-secret token in seconds (default AUTH_TOKEN_TTL_SECONDS)',
    (value: string) => {
      const seconds = Number(value);
      if (!Number.isInteger(seconds) || seconds < 60)
        throw new InvalidArgumentError('at least 60 seconds');
      return seconds;
    },
  )
  .action(async (options: { role?: Role; party?: string; ttl?: number; person?: boolean }) => {
    const config = loadConfig(GatewayConfig);
    const role = options.role ?? Role.OPERATOR;
    if (options.person && (options.role || options.party || options.ttl)) {
      program.error(
        'error: a person’s token acts as the person signed in: leave out --role, --party and --ttl with --person',
        { exitCode: 2 },
      );
    }
    if (role === Role.OPERATOR && !options.person && (options.party || options.ttl)) {
      program.error(
        'error: the operator’s token comes from the identity provider, which names no party and sets its lifetime: leave out --party and --ttl',
        { exitCode: 2 },
      );
    }
    if (role !== Role.OPERATOR && !options.party) {
      program.error(`error: --party <id> is required for role ${role}`, { exitCode: 2 });
      return;
    }
    const token = await refusalsPrinted(async () => {
      if (options.person) return personToken(config);
      if (role === Role.OPERATOR) return operatorToken(config);
      const demo = await demoClientFor(config.DATA_DIR, role, options.party!);
      if (demo) {
        if (options.ttl) {
          program.error(
            'error: this party’s token comes from the identity provider, which sets its lifetime: leave out --ttl',
            { exitCode: 2 },
          );
        }
        return demoClientToken(config, demo);
      }
      if (!acceptsSharedSecretTokens(config)) {
        throw new TokenRefusal(
          `a ${role} token from the CLI is a shared-secret token, which production does not accept: a person signs in with npm run cli -- login and prints theirs with token --person, a platform's machine uses its own client (POST /v1/clients); shared-secret tokens only with NODE_ENV=development (or test)`,
        );
      }
      const tokens = await resolveTokens(config);
      return tokens.issue(
        { role, partyId: options.party! },
        options.ttl ?? config.AUTH_TOKEN_TTL_SECONDS,
      );
    });
    if (token) process.stdout.write(`${token}\n`);
  });

program
  .command('login')
  .description(
    'sign in as a person in a browser (device code): prints where to go and the code to enter, then keeps the sign-in for token --person',
  )
  .action(async () => {
    const config = loadConfig(GatewayConfig);
    await refusalsPrinted(() => login(config, say));
  });

program
  .command('logout')
  .description('revoke the person’s sign-in at the identity provider and forget it here')
  .action(async () => {
    const config = loadConfig(GatewayConfig);
    await refusalsPrinted(() => logout(config, say));
  });

const works = program.command('works').description('works of the rights registry');
works
  .command('import')
  .description('register every work of a CSV file, or none when any row has an error')
  .argument(
    '<file>',
    'CSV with a header: title,category,creators,alternative_titles,iswc,isrc,isan,isbn,proprietary,shares',
  )
  .option('--as <partyId>', 'operator party recorded as registrant')
  .option(
    '--confirm-duplicates',
    'register rows with the same title, category and holders as a registered work or an earlier row',
  )
  .action(async (file: string, options: { as?: string; confirmDuplicates?: boolean }) => {
    process.exitCode = await importWorks(file, options);
  });

const day = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('a date YYYY-MM-DD');
  return value;
};

const usage = program.command('usage').description('usage reports of platforms');
usage
  .command('import')
  .description(
    'submit a usage CSV for a platform (exit 0: all accepted, 3: some lines rejected, 1: refused)',
  )
  .argument('<file>', `CSV with the header ${USAGE_CSV_COLUMNS.join(',')}`)
  .requiredOption('--platform <id>', 'the platform reporting', uuid())
  .requiredOption('--period-start <date>', 'first day of the period', day)
  .requiredOption('--period-end <date>', 'day after the last (the period is [start, end))', day)
  .option('--key <key>', 'idempotency key: the same key never counts a report twice')
  .action(
    async (
      file: string,
      options: { platform: string; periodStart: string; periodEnd: string; key?: string },
    ) => {
      process.exitCode = await importUsage(file, options);
    },
  );

program
  .command('seed-demo')
  .description('seed the demo into a running system, once per DATA_DIR; prints demo tokens')
  .option('--gateway <url>', 'the gateway (default http://127.0.0.1:GATEWAY_PORT)')
  .action(async (options: { gateway?: string }) => {
    process.exitCode = await seedDemoCommand(options);
  });

const distribution = program
  .command('distribution')
  .description('royalty distribution batches (run as the operator)');
/** The options that define a batch, shared by `create` and `run`. */
const batchOptions = (command: Command) =>
  command
    .requiredOption('--society <id>', 'the collecting society', uuid())
    .addOption(
      new Option('--category <category>', 'work category')
        .choices(Object.values(WorkCategory))
        .makeOptionMandatory(),
    )
    .requiredOption('--period-start <date>', 'first day of the period', day)
    .requiredOption('--period-end <date>', 'day after the last', day)
    .option('--currency <code>', 'ISO 4217 currency', 'JPY')
    .option('--admin-fee-bps <bps>', 'administration fee in basis points', (v) => Number(v), 0)
    .option('--pool <minor>', 'pool in minor units (default: the ECL license fees of the period)');
batchOptions(distribution.command('create').description('create a batch; prints its id')).action(
  async (options: CreateOptions) => {
    process.exitCode = await createBatch(options);
  },
);
batchOptions(
  distribution
    .command('run')
    .description('create a batch and calculate it, with progress; prints its id and totals'),
)
  .option('--approve', 'approve the batch once calculated')
  .action(async (options: CreateOptions & { approve?: boolean }) => {
    process.exitCode = await runBatch(options);
  });
distribution
  .command('calculate')
  .description('calculate (or recalculate) a batch, with progress; prints totals and checksum')
  .argument('<batchId>', 'the batch', uuid())
  .action(async (id: string) => {
    process.exitCode = await calculateBatch(id);
  });
distribution
  .command('approve')
  .description('approve a calculated batch')
  .argument('<batchId>', 'the batch', uuid())
  .action(async (id: string) => {
    process.exitCode = await approveBatch(id);
  });
distribution
  .command('cancel')
  .description('cancel a batch that is not approved, so that another may cover its period')
  .argument('<batchId>', 'the batch', uuid())
  .action(async (id: string) => {
    process.exitCode = await cancelBatch(id);
  });
distribution
  .command('export')
  .description('every allocation of a calculated batch as CSV')
  .argument('<batchId>', 'the batch', uuid())
  .option('--out <file>', 'write to a file instead of stdout')
  .action(async (id: string, options: { out?: string }) => {
    process.exitCode = await exportBatch(id, options.out);
  });
program
  .command('reserves')
  .description('reserved royalties')
  .command('release')
  .description('release reserves whose claim period has ended')
  .option('--as-of <date>', 'the day to release up to (default today)', day)
  .action(async (options: { asOf?: string }) => {
    process.exitCode = await releaseReserves(options.asOf);
  });

try {
  await program.parseAsync();
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigValidationError ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
