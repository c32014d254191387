import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Command, InvalidArgumentError, Option } from 'commander';
import { resolveTokens } from '#libs/auth';
import { BaseConfig, ConfigValidationError, loadConfig } from '#libs/config';
import { Role } from '#libs/contracts';
import { USAGE_CSV_COLUMNS } from '../../apps/royalty-distribution/src/usage/domain/usage-csv.js';
import { importUsage } from './usage-import.js';
import { importWorks } from './works-import.js';

const program = new Command('cli').description('Clearinghouse command line').showHelpAfterError();

program
  .command('token')
  .description('print a bearer token (and nothing else) for a role and party')
  .addOption(
    new Option('--role <role>', 'the caller role')
      .choices(Object.values(Role))
      .makeOptionMandatory(),
  )
  .option(
    '--party <id>',
    'the party the token speaks for (an operator needs none)',
    (value: string) => {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
        throw new InvalidArgumentError('a party id is a UUID');
      }
      return value;
    },
  )
  .option(
    '--ttl <seconds>',
    'lifetime in seconds (default AUTH_TOKEN_TTL_SECONDS)',
    (value: string) => {
      const seconds = Number(value);
      if (!Number.isInteger(seconds) || seconds < 60)
        throw new InvalidArgumentError('at least 60 seconds');
      return seconds;
    },
  )
  .action(async (options: { role: Role; party?: string; ttl?: number }) => {
    if (!options.party && options.role !== Role.OPERATOR) {
      program.error(`error: --party <id> is required for role ${options.role}`, { exitCode: 2 });
    }
    const config = loadConfig(BaseConfig);
    const tokens = await resolveTokens(config);
    const token = await tokens.issue(
      { role: options.role, partyId: options.party ?? randomUUID() },
      options.ttl ?? config.AUTH_TOKEN_TTL_SECONDS,
    );
    process.stdout.write(`${token}\n`);
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
  .action(async (file: string, options: { as?: string }) => {
    process.exitCode = await importWorks(file, options);
  });

const uuid = (value: string) => {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
    throw new InvalidArgumentError('a UUID');
  return value;
};
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
  .requiredOption('--platform <id>', 'the platform reporting', uuid)
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

try {
  await program.parseAsync();
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigValidationError ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
