import { describe, expect, it } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { complexityLimitPlugin, depthLimitRules, operationCost } from './query-limits.js';

const typeDefs = `
  type Query {
    searchWorks(query: String!, first: Int): [Work!]!
    works(first: Int, after: String): WorkConnection!
    work(id: ID!): Work
  }
  type Mutation { requestUse(input: RequestUseInput!): UseRequest! }
  input RequestUseInput { idempotencyKey: String!, items: [ItemInput!]! }
  input ItemInput { title: String }
  type UseRequest { id: ID!, items: [Item!]! }
  type Item { decision: String }
  type WorkConnection { edges: [WorkEdge!]! }
  type WorkEdge { node: Work! }
  type Work { id: ID!, title: String!, shares: [Share!]! }
  type Share { holderId: ID!, work: Work! }
`;
const schema = buildSchema(typeDefs);
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  operationCost({ schema, query: parse(query), variables });

describe('operationCost', () => {
  it('should count a list field’s selection once per element it asks for (`first`)', () => {
    expect(cost('{ works(first: 100) { edges { node { id title } } } }')).toBe(1 + 100 * 4);
  });

  it('should count the resolver’s default page size when `first` is left out', () => {
    expect(cost('{ works { edges { node { id } } } }')).toBe(1 + 20 * 3);
  });

  it('should count a title search as expensive, however few fields it selects', () => {
    expect(cost('{ searchWorks(query: "x", first: 1) { id } }')).toBe(100 + 1);
  });

  it('should make a thousand aliased searches cost far more than any budget', () => {
    const aliases = Array.from(
      { length: 1000 },
      (_, i) => `s${i}: searchWorks(query: "x", first: 100) { id }`,
    );
    expect(cost(`{ ${aliases.join(' ')} }`)).toBe(1000 * (100 + 100));
  });

  it('should count each item of a use request, from the variables too', () => {
    const query =
      'mutation ($items: [ItemInput!]!) { requestUse(input: { idempotencyKey: "k", items: $items }) { id } }';
    expect(cost(query, { items: Array.from({ length: 10 }, () => ({ title: 't' })) })).toBe(
      3 * 10 + 1,
    );
  });

  it('should count the elements an unpaged list reaches, such as a work’s shares', () => {
    expect(cost('{ work(id: "1") { shares { holderId } } }')).toBe(1 + 1 + 10 * 1);
    const items =
      'mutation { requestUse(input: { idempotencyKey: "k", items: [] }) { items { decision } } }';
    expect(cost(items)).toBe(3 * 0 + (1 + 100 * 1));
  });

  it('should not count __typename, which query plans add', () => {
    expect(cost('{ work(id: "1") { __typename id } }')).toBe(2);
  });

  it('should refuse an operation with more fields than can be measured', () => {
    const aliases = Array.from({ length: 10_001 }, (_, i) => `a${i}: id`).join(' ');
    expect(() => cost(`{ work(id: "1") { ${aliases} } }`)).toThrow(/more than 10000 fields/);
  });
});

describe('depthLimitRules', () => {
  const errorsOf = (query: string) =>
    validate(schema, parse(query), [...specifiedRules, ...depthLimitRules({ maxDepth: 3 })]).map(
      (error) => error.message,
    );

  it('should refuse a fragment cycle as invalid instead of recursing without end', () => {
    const messages = errorsOf(`
      { work(id: "1") { ...A } }
      fragment A on Work { shares { work { ...B } } }
      fragment B on Work { shares { work { ...A } } }
    `);
    expect(
      messages.some((message) => /Cannot spread fragment "A" within itself/.test(message)),
    ).toBe(true);
  });

  it('should still refuse an operation nested deeper than allowed', () => {
    expect(errorsOf('{ work(id: "1") { shares { work { shares { holderId } } } } }')).toEqual([
      expect.stringMatching(/exceeds maximum operation depth of 3/),
    ]);
  });
});

describe(complexityLimitPlugin.name, () => {
  const setup = () => {
    const sut = new ApolloServer({
      typeDefs,
      resolvers: { Query: { searchWorks: () => [] } },
      plugins: [
        complexityLimitPlugin(
          { maxDepth: 10, maxComplexity: 1000, maxComplexityAnonymous: 300 },
          (authorization) => Promise.resolve(authorization === 'Bearer good'),
        ),
      ],
    });
    const run = async (query: string, authorization?: string) => {
      const headers = new Map<string, string>();
      if (authorization) headers.set('authorization', authorization);
      const response = await sut.executeOperation(
        { query, http: { method: 'POST', headers, search: '', body: {} } as never },
        { contextValue: {} },
      );
      return response.body.kind === 'single' ? response.body.singleResult : undefined;
    };
    return { sut, run };
  };
  const fourSearches = `{ ${[1, 2, 3, 4].map((i) => `s${i}: searchWorks(query: "x", first: 10) { id }`).join(' ')} }`;

  it('should give anonymous callers the smaller budget', async () => {
    const { sut, run } = setup();
    await sut.start();
    const result = await run(fourSearches);
    expect(result?.errors?.[0]).toMatchObject({
      message:
        'the operation costs 440 (list sizes and expensive fields counted); at most 300 is allowed without signing in',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await sut.stop();
  });

  it('should give signed-in callers the larger budget, and never a forged header', async () => {
    const { sut, run } = setup();
    await sut.start();
    expect((await run(fourSearches, 'Bearer good'))?.errors).toBeUndefined();
    expect((await run(fourSearches, 'Bearer   forged'))?.errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    await sut.stop();
  });
});
