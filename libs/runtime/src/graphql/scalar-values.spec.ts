import { describe, expect, it } from '@jest/globals';
import { Kind, type OperationDefinitionNode, buildSchema, parse } from 'graphql';
import { MAX_TEXT_LENGTH, scalarValueProblems } from './scalar-values.js';

const schema = buildSchema(`
  input ShareInput { holderId: ID!, note: String }
  input WorkInput { title: String!, ids: [ID!], shares: [ShareInput!] }
  scalar _Any
  type Query {
    _entities(representations: [_Any!]!): [String]
    work(id: ID!): String
    search(query: String!, first: Int): String
  }
  type Mutation { register(input: WorkInput!): String }
`);
const ID = '5f0c8a4e-1b2c-4d3e-8f90-a1b2c3d4e5f6';

function setup(source: string, variables?: Record<string, unknown>) {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  return scalarValueProblems(schema, document, operation, variables);
}

describe(scalarValueProblems.name, () => {
  it('should pass UUID ids and storable text, literal or variable', () => {
    expect(setup(`{ work(id: "${ID}") search(query: "夜明け 🎵", first: 3) }`)).toEqual([]);
    expect(
      setup('mutation ($input: WorkInput!) { register(input: $input) }', {
        input: { title: 'Night Drive', ids: [ID], shares: [{ holderId: ID, note: null }] },
      }),
    ).toEqual([]);
  });

  it.each([
    ['a word', '"x"'],
    ['a number', '123'],
    ['an id with a NUL', `"${ID}\\u0000"`],
  ])('should refuse an ID literal that is %s', (_, literal) => {
    expect(setup(`{ work(id: ${literal}) }`)).toEqual(['id must be a UUID']);
  });

  it('should name each bad value of a variable by its path', () => {
    expect(
      setup('mutation ($input: WorkInput!) { register(input: $input) }', {
        input: {
          title: 'nul\u0000',
          ids: [ID, 'nope'],
          shares: [{ holderId: ID }, { holderId: 7, note: 'lone \uD83C' }],
        },
      }),
    ).toEqual([
      '$input.title must not contain NUL characters or lone surrogates',
      '$input.ids[1] must be a UUID',
      '$input.shares[1].holderId must be a UUID',
      '$input.shares[1].note must not contain NUL characters or lone surrogates',
    ]);
  });

  it('should refuse entity representations that do not name an entity by a UUID id', () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) }';
    expect(setup(query, { r: [{ __typename: 'Party', id: ID }] })).toEqual([]);
    expect(
      setup(query, {
        r: [{ __typename: 'Party', id: 'nope' }, { __typename: 'Work' }, 'text'],
      }),
    ).toEqual([
      '$r[0] must name an entity by its UUID id',
      '$r[1] must name an entity by its UUID id',
      '$r[2] must name an entity by its UUID id',
    ]);
    expect(setup('{ _entities(representations: [{ __typename: "Work", id: "x" }]) }')).toEqual([
      'representations[0] must name an entity by its UUID id',
    ]);
  });

  it('should check literals nested in input objects and lists', () => {
    expect(
      setup(
        `mutation { register(input: { title: "t", ids: "x", shares: [{ holderId: "${ID}" }, { holderId: "y" }] }) }`,
      ),
    ).toEqual(['input.ids[0] must be a UUID', 'input.shares[1].holderId must be a UUID']);
  });

  it('should refuse text longer than the limit', () => {
    expect(
      setup('query ($q: String!) { search(query: $q) }', { q: 'x'.repeat(MAX_TEXT_LENGTH + 1) }),
    ).toEqual([`$q must be at most ${MAX_TEXT_LENGTH} characters long`]);
    expect(
      setup('query ($q: String!) { search(query: $q) }', { q: 'x'.repeat(MAX_TEXT_LENGTH) }),
    ).toEqual([]);
  });

  it('should check arguments inside fragments, but not in operations that do not run', () => {
    expect(
      setup('query A { ...F } fragment F on Query { work(id: "x") } query B { work(id: "y") }'),
    ).toEqual(['id must be a UUID']);
  });
});
