import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestService, type TestService } from '#libs/testing';
import { rightsRegistryApp } from './rights-registry.app.js';

/** Every subgraph refuses over-deep and over-complex operations before running them. */
describe('GraphQL limits', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startTestService(rightsRegistryApp, {
      GRAPHQL_MAX_DEPTH: '2',
      GRAPHQL_MAX_COMPLEXITY: '30',
    });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should run an operation within the limits', async () => {
    const result = await sut.graphql('{ searchWorks(query: "x") { id title } }');
    expect(result.errors).toBeUndefined();
  });

  it('should refuse an operation nested deeper than allowed', async () => {
    const result = await sut.graphql(
      '{ searchWorks(query: "x") { shares { holder { id name } } } }',
    );
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/exceeds maximum operation depth of 2/);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('should refuse an operation selecting more fields than allowed', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: title`).join(' ');
    const result = await sut.graphql(`{ searchWorks(query: "x") { id ${aliases} } }`);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/selects \d+ fields; at most 30 are allowed/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
