import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  Column,
  Entity,
  PrimaryGeneratedColumn,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { createDataSource } from './create-data-source.js';
import { diffSchema, renderMigration, type SchemaDiff } from './generate-migration.js';
import { appliedMigrations, runServiceMigrations } from './run-migrations.js';
import type { ServiceDatabase } from './service-database.js';

@Entity({ name: 'sample_items' })
class SampleItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;
}

/** A migration built from a diff, the way `migration:generate` writes one. */
function migrationFrom(className: string, diff: SchemaDiff): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = className;
    async up(queryRunner: QueryRunner): Promise<void> {
      for (const { query, parameters } of diff.up) await queryRunner.query(query, parameters);
    }
    async down(queryRunner: QueryRunner): Promise<void> {
      for (const { query, parameters } of diff.down) await queryRunner.query(query, parameters);
    }
  };
}

describe(runServiceMigrations.name, () => {
  let database: TestDatabase;
  const unmigrated: ServiceDatabase = {
    service: 'sample',
    schema: 'sample_service',
    entities: [SampleItem],
    migrations: [],
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  const open = (service: ServiceDatabase) =>
    createDataSource(service, { url: database.url, poolSize: 3 }).initialize();

  it('should generate, apply and then find nothing left to generate, all inside the service schema', async () => {
    const first = await open(unmigrated);
    await runServiceMigrations(first, unmigrated.schema);
    const diff = await diffSchema(first);
    await first.destroy();

    expect(diff.up.map((s) => s.query).join('\n')).toContain(
      'CREATE TABLE "sample_service"."sample_items"',
    );
    const source = renderMigration('CreateSampleItems1700000000000', diff);
    expect(source).toContain(
      'export class CreateSampleItems1700000000000 implements MigrationInterface',
    );
    expect(source).toContain('DROP TABLE "sample_service"."sample_items"');

    const migrated: ServiceDatabase = {
      ...unmigrated,
      migrations: [migrationFrom('CreateSampleItems1700000000000', diff)],
    };
    // Three replicas starting at once apply the migration exactly once.
    const replicas = await Promise.all([open(migrated), open(migrated), open(migrated)]);
    const applied = await Promise.all(
      replicas.map((ds) => runServiceMigrations(ds, migrated.schema)),
    );
    expect(applied.flat()).toEqual(['CreateSampleItems1700000000000']);

    const [sut] = replicas;
    expect(await appliedMigrations(sut, migrated.schema)).toEqual([
      'CreateSampleItems1700000000000',
    ]);
    expect((await diffSchema(sut)).up).toEqual([]);
    const tables = await sut.query<{ table_schema: string; table_name: string }[]>(
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
    );
    expect(tables).toEqual([
      { table_schema: 'sample_service', table_name: 'migrations' },
      { table_schema: 'sample_service', table_name: 'sample_items' },
    ]);
    await Promise.all(replicas.map((ds) => ds.destroy()));
  });
});

describe('embedded PostgreSQL cluster', () => {
  it('should use a UTF-8 ctype so that pg_trgm finds trigrams in Japanese titles', async () => {
    const database = await createTestDatabase();
    const sut = await createDataSource(
      { service: 'probe', schema: 'probe', entities: [], migrations: [] },
      { url: database.url, poolSize: 1 },
    ).initialize();
    try {
      await sut.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      const [database_] = await sut.query<{ encoding: string }[]>(
        'SELECT pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()',
      );
      expect(database_?.encoding).toBe('UTF8');
      const [match] = await sut.query<{ similarity: number }[]>(
        `SELECT similarity('鬼滅の刃', '鬼滅の刃 無限列車編') AS similarity`,
      );
      expect(match?.similarity).toBeGreaterThan(0.3);
    } finally {
      await sut.destroy();
      await database.drop();
    }
  });
});
