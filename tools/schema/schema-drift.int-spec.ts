import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { generateSchemas, type GeneratedFile } from './generated-schemas.js';

describe('committed schema files', () => {
  let database: TestDatabase;
  let generated: GeneratedFile[];

  beforeAll(async () => {
    database = await createTestDatabase();
    generated = await generateSchemas(database.url);
  });

  afterAll(async () => {
    await database.drop();
  });

  it('should cover the five subgraphs, the supergraph, the API and the portal operations', () => {
    expect(generated.map((file) => file.path).sort()).toEqual([
      'apps/authorization/schema.gql',
      'apps/gateway/supergraph.graphql',
      'apps/notifications/schema.gql',
      'apps/opt-out/schema.gql',
      'apps/portal/schema.graphql',
      'apps/portal/src/graphql/gql.ts',
      'apps/portal/src/graphql/graphql.ts',
      'apps/portal/src/graphql/index.ts',
      'apps/rights-registry/schema.gql',
      'apps/royalty-distribution/schema.gql',
    ]);
  });

  it('should match the code (otherwise run `npm run schema:generate` and commit)', async () => {
    for (const file of generated) {
      const committed = await readFile(file.path, 'utf8').catch(() => '(missing)');
      expect({ path: file.path, content: committed }).toEqual({
        path: file.path,
        content: file.content,
      });
    }
  });
});
