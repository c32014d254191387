import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { openScratchDatabase } from '../shared/scratch-database.js';
import { generateSchemas, type GeneratedFile } from './generated-schemas.js';

async function withSchemas(work: (files: GeneratedFile[]) => Promise<number>): Promise<number> {
  const database = await openScratchDatabase('schema_scratch');
  try {
    return await work(await generateSchemas(database.url));
  } finally {
    await database.dispose();
  }
}

const program = new Command('schema').description(
  'Subgraph schema.gql files and the composed supergraph, generated from the code',
);

program
  .command('generate')
  .description('write every generated schema file')
  .action(async () => {
    process.exitCode = await withSchemas(async (files) => {
      for (const file of files) {
        await writeFile(file.path, file.content);
        process.stdout.write(`wrote ${file.path}\n`);
      }
      return 0;
    });
  });

program
  .command('check')
  .description('exit 1 when a committed schema file differs from the code')
  .action(async () => {
    process.exitCode = await withSchemas(async (files) => {
      const stale = [];
      for (const file of files) {
        const committed = await readFile(file.path, 'utf8').catch(() => '');
        if (committed !== file.content) stale.push(file.path);
      }
      for (const path of stale) process.stderr.write(`out of date: ${path}\n`);
      if (stale.length)
        process.stderr.write('run `npm run schema:generate` and commit the result\n');
      return stale.length ? 1 : 0;
    });
  });

await program.parseAsync();
