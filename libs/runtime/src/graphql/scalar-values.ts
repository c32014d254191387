import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
  Kind,
  TypeInfo,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { isStorableText, isUuid } from '#libs/contracts';

/**
 * The longest text any argument or input field may carry. Every text of the API (titles,
 * names, evidence, search queries, keys) is far shorter; fields set their own, smaller limits.
 */
export const MAX_TEXT_LENGTH = 10_000;

/** What is wrong with one ID, String or entity representation (`_Any`), or null. */
function scalarProblem(type: string, value: unknown): string | null {
  if (type === '_Any') {
    // Every entity of the API is keyed by its id: a representation names it by a UUID.
    const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : null;
    return typeof id === 'string' && isUuid(id) ? null : 'must name an entity by its UUID id';
  }
  if (type === 'ID') {
    return (typeof value === 'string' || typeof value === 'number') && isUuid(String(value))
      ? null
      : 'must be a UUID';
  }
  if (type === 'String' && typeof value === 'string') {
    if (!isStorableText(value)) return 'must not contain NUL characters or lone surrogates';
    if (value.length > MAX_TEXT_LENGTH) return `must be at most ${MAX_TEXT_LENGTH} characters long`;
  }
  return null;
}

/** Checks a JSON value (a variable) of `type`, reporting each bad scalar at its path. */
function checkValue(type: GraphQLInputType, value: unknown, path: string, problems: string[]) {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, index) =>
      checkValue(nullable.ofType, item, `${path}[${index}]`, problems),
    );
  } else if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return;
    for (const field of Object.values(nullable.getFields())) {
      const fieldValue = (value as Record<string, unknown>)[field.name];
      checkValue(field.type, fieldValue, `${path}.${field.name}`, problems);
    }
  } else {
    const problem = scalarProblem(getNamedType(nullable).name, value);
    if (problem) problems.push(`${path} ${problem}`);
  }
}

/** Checks a literal of `type` in the document; variables inside it are checked by their values. */
function checkLiteral(type: GraphQLInputType, node: ValueNode, path: string, problems: string[]) {
  const nullable = getNullableType(type);
  if (node.kind === Kind.VARIABLE || node.kind === Kind.NULL) return;
  if (isListType(nullable)) {
    const items = node.kind === Kind.LIST ? node.values : [node];
    items.forEach((item, index) =>
      checkLiteral(nullable.ofType, item, `${path}[${index}]`, problems),
    );
  } else if (isInputObjectType(nullable)) {
    if (node.kind !== Kind.OBJECT) return;
    const fields = nullable.getFields();
    for (const field of node.fields) {
      const definition = fields[field.name.value];
      if (definition)
        checkLiteral(definition.type, field.value, `${path}.${field.name.value}`, problems);
    }
  } else if (node.kind === Kind.STRING || node.kind === Kind.INT) {
    const problem = scalarProblem(getNamedType(nullable).name, node.value);
    if (problem) problems.push(`${path} ${problem}`);
  } else if (node.kind === Kind.OBJECT && getNamedType(nullable).name === '_Any') {
    const id = node.fields.find((field) => field.name.value === 'id')?.value;
    const problem = scalarProblem('_Any', {
      id: id?.kind === Kind.STRING ? id.value : undefined,
    });
    if (problem) problems.push(`${path} ${problem}`);
  }
}

/**
 * Problems with the ID and String values of an operation, literals and variables alike: every
 * ID is a UUID (every id of the API is one), every String is text PostgreSQL can store (no NUL,
 * no lone surrogate) of at most MAX_TEXT_LENGTH characters. Dates, instants and cursors are
 * checked where their meaning is known (IsCalendarDate, IsInstant, the argument pipes, keyOf).
 */
export function scalarValueProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): string[] {
  const problems: string[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue;
    const name = definition.variable.name.value;
    if (variables[name] !== undefined) checkValue(type, variables[name], `$${name}`, problems);
    else if (definition.defaultValue)
      checkLiteral(type, definition.defaultValue, `$${name}`, problems);
  }
  // The operation that runs and the fragments it may spread, not other operations of the document.
  const fragments = document.definitions.filter(
    (definition) => definition.kind === Kind.FRAGMENT_DEFINITION,
  );
  const typeInfo = new TypeInfo(schema);
  visit(
    { ...document, definitions: [operation, ...fragments] },
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (argument) checkLiteral(argument.type, node.value, node.name.value, problems);
      },
    }),
  );
  return problems;
}

/**
 * Refuses an operation whose ID or String values are not well formed (scalarValueProblems)
 * before anything runs: BAD_USER_INPUT, HTTP 400, naming each argument or field.
 */
export function scalarValuesPlugin(): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ request, document, operation, schema }) => {
          if (!operation) return Promise.resolve();
          const problems = scalarValueProblems(schema, document, operation, request.variables);
          if (problems.length > 0) {
            throw new GraphQLError(problems.join('; '), {
              extensions: { code: 'BAD_USER_INPUT', problems, http: { status: 400 } },
            });
          }
          return Promise.resolve();
        },
      }),
  };
}
