import 'reflect-metadata';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { DatabaseConfig, loadConfig } from '#libs/config';
import {
  createDataSource,
  openDatabaseServer,
  renderMigration,
  renderMigrationIndex,
  runServiceMigrations,
} from '#libs/database';
import type { ServiceDefinition } from '#libs/runtime';
import { systemServices } from '../../apps/standalone/src/services.js';
import { openScratchDatabase } from '../shared/scratch-database.js';
import { pendingChanges } from './pending-changes.js';

/** Every service's definition (this tool builds no GraphQL schema, so loading them all is fine). */
const services: ServiceDefinition[] = await Promise.all(
  systemServices.map((service) => service.load()),
);

function serviceNamed(name: string): ServiceDefinition {
  const service = services.find((candidate) => candidate.name === name);
  if (!service) {
    throw new InvalidArgumentError(
      `unknown service; one of: ${services.map((s) => s.name).join(', ')}`,
    );
  }
  return service;
}

const program = new Command('migration').description('Per-service PostgreSQL schema migrations');

program
  .command('run')
  .description('apply pending migrations (all services, or the ones named)')
  .argument('[services...]', 'service names')
  .action(async (names: string[]) => {
    const selected = names.length ? names.map(serviceNamed) : services;
    const server = await openDatabaseServer(loadConfig(DatabaseConfig));
    try {
      for (const service of selected) {
        const dataSource = await createDataSource(service.database, {
          url: server.url,
          poolSize: 2,
        }).initialize();
        try {
          const applied = await runServiceMigrations(dataSource, service.database.schema);
          process.stdout.write(
            `${service.name}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`,
          );
        } finally {
          await dataSource.destroy();
        }
      }
    } finally {
      await server.stop();
    }
  });

program
  .command('generate')
  .description("write a migration bringing a service's schema in line with its entities")
  .argument('<service>', 'service name, e.g. rights-registry', serviceNamed)
  .argument('<name>', 'migration name in PascalCase, e.g. CreateWorks', (value: string) => {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(value))
      throw new InvalidArgumentError('use PascalCase letters and digits');
    return value;
  })
  .action(async (service: ServiceDefinition, name: string) => {
    const scratch = await openScratchDatabase('migration_scratch');
    try {
      const diff = await pendingChanges(service, scratch.url);
      if (diff.up.length === 0) {
        process.stdout.write(`${service.name}: no changes, entities and migrations agree\n`);
        return;
      }
      const timestamp = Date.now();
      const folder = path.join('apps', service.name, 'src', 'migrations');
      const file = path.join(folder, `${timestamp}-${name}.ts`);
      await writeFile(file, renderMigration(`${name}${timestamp}`, diff));
      await writeFile(path.join(folder, 'index.ts'), renderMigrationIndex(await readdir(folder)));
      process.stdout.write(`wrote ${file} (${diff.up.length} statements)\n`);
    } finally {
      await scratch.dispose();
    }
  });

program
  .command('check')
  .description('exit 1 when a service has entity changes without a migration')
  .action(async () => {
    const scratch = await openScratchDatabase('migration_scratch');
    try {
      let drift = 0;
      for (const service of services) {
        const diff = await pendingChanges(service, scratch.url);
        if (diff.up.length) {
          drift += 1;
          process.stderr.write(
            `${service.name}: missing migration; run \`npm run migration:generate -- ${service.name} <Name>\`\n`,
          );
        }
      }
      process.exitCode = drift ? 1 : 0;
    } finally {
      await scratch.dispose();
    }
  });

await program.parseAsync();
