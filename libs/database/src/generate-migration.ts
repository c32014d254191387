import type { DataSource } from 'typeorm';

export interface SchemaDiff {
  up: SqlStatement[];
  down: SqlStatement[];
}

export interface SqlStatement {
  query: string;
  parameters?: unknown[];
}

/**
 * The SQL that would bring the database behind `dataSource` in line with its entities.
 * Empty when entities and migrations agree.
 */
export async function diffSchema(dataSource: DataSource): Promise<SchemaDiff> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map(({ query, parameters }) => ({ query, parameters })),
    down: sql.downQueries.map(({ query, parameters }) => ({ query, parameters })).reverse(),
  };
}

/** TypeScript source of a migration class applying `diff`. */
export function renderMigration(className: string, diff: SchemaDiff): string {
  const statement = ({ query, parameters }: SqlStatement) =>
    `    await queryRunner.query(\`${query.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\`${
      parameters?.length ? `, ${JSON.stringify(parameters)}` : ''
    });`;
  return [
    `import type { MigrationInterface, QueryRunner } from 'typeorm';`,
    ``,
    `export class ${className} implements MigrationInterface {`,
    `  name = '${className}';`,
    ``,
    `  async up(queryRunner: QueryRunner): Promise<void> {`,
    ...diff.up.map(statement),
    `  }`,
    ``,
    `  async down(queryRunner: QueryRunner): Promise<void> {`,
    ...diff.down.map(statement),
    `  }`,
    `}`,
    ``,
  ].join('\n');
}

/** Source of a migrations folder's index.ts listing its migration files oldest first. */
export function renderMigrationIndex(files: string[]): string {
  const entries = files
    .filter((file) => /^\d+-[A-Za-z0-9]+\.ts$/.test(file))
    .sort((a, b) => Number(a.split('-')[0]) - Number(b.split('-')[0]))
    .map((file) => {
      const [timestamp, rest] = file.replace(/\.ts$/, '').split('-') as [string, string];
      return { file: file.replace(/\.ts$/, '.js'), className: `${rest}${timestamp}` };
    });
  return [
    `// Written by \`npm run migration:generate\`: every migration of this folder, oldest first.`,
    `import type { MigrationInterface } from 'typeorm';`,
    ...entries.map(({ file, className }) => `import { ${className} } from './${file}';`),
    ``,
    `export const migrations: (new () => MigrationInterface)[] = [${entries.map((e) => e.className).join(', ')}];`,
    ``,
  ].join('\n');
}
