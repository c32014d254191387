import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  Kind,
  buildSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import type { Standalone } from '../apps/standalone/src/start-standalone.js';
import { startTestStandalone } from './support/systems.js';
import { eventually } from './support/service-processes.js';

/** Operations only a platform may call; the operator may call every other one. */
const PLATFORM_ONLY = new Set(['requestUse', 'submitUsageReport']);
/** Fields of usage lines: a bad value rejects its line, with its reason (the intake rule). */
const LINE_FIELDS = new Set(['usageDate']);
const DATES = new Set([
  'from',
  'to',
  'periodStart',
  'periodEnd',
  'memberFrom',
  'memberTo',
  'validOn',
  'usageDate',
  'asOf',
]);
const INSTANTS = new Set(['at', 'effectiveFrom']);
/** Operations whose `from` and `to` are instants, not dates: a redelivery's time range. */
const INSTANT_RANGES = new Set(['redeliverWebhookMessages']);
const CURSORS = new Set(['after']);

const MEGABYTE_TEXT = 'x'.repeat(1_000_000);
/** Values that are not well formed for any String or ID. */
const HOSTILE_TEXT: [string, string][] = [
  ['a NUL character', 'a\u0000b'],
  ['a lone surrogate', 'a\uD800b'],
  ['a 1 MB string', MEGABYTE_TEXT],
];
const HOSTILE: Record<'id' | 'date' | 'instant' | 'cursor' | 'text', [string, string][]> = {
  id: [
    ['a word', 'not-an-id'],
    ['a number', '1'],
    ['a UUID and a NUL', `${randomUUID()}\u0000`],
    ...HOSTILE_TEXT,
  ],
  date: [
    ['year 0000', '0000-01-01'],
    ['February 30', '2026-02-30'],
    ['a number', '1'],
    ['an instant', '2026-12-01T00:00:00Z'],
    ...HOSTILE_TEXT,
  ],
  instant: [
    ['a number', '1'],
    ['February 30', '2026-02-30T00:00:00Z'],
    ['year 0000', '0000-01-01T00:00:00Z'],
    ['no offset', '2026-12-01T00:00:00'],
    ...HOSTILE_TEXT,
  ],
  cursor: [
    ['not base64url', 'not a cursor!'],
    ['an encoded word', Buffer.from('nope').toString('base64url')],
    ['encoded bytes that are not UTF-8', Buffer.from([0xff, 0x00, 0xfe]).toString('base64url')],
    ...HOSTILE_TEXT,
  ],
  text: HOSTILE_TEXT,
};

type ValueKind = keyof typeof HOSTILE;

/** One scalar of an operation's arguments: where it is and what kind of value it takes. */
interface Slot {
  path: (string | number)[];
  kind: ValueKind;
}

/** A valid value for a scalar or enum, by its name, so only the slot under test is bad. */
function validScalar(name: string, type: GraphQLNamedType, instants = false): unknown {
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (instants && name === 'from') return '2099-12-01T00:00:00Z';
  if (instants && name === 'to') return '2099-12-02T00:00:00Z';
  if (type.name === 'ID') return randomUUID();
  if (type.name === 'Int') return 1;
  if (type.name === 'Boolean') return false;
  if (name === 'to' || name === 'periodEnd' || name === 'memberTo') return '2027-01-01';
  if (DATES.has(name)) return '2026-12-01';
  if (INSTANTS.has(name)) return '2099-12-01T00:00:00Z';
  if (CURSORS.has(name)) return undefined;
  if (name === 'currency') return 'JPY';
  if (name === 'territory' || name === 'territories' || name === 'country') return 'JP';
  if (name.endsWith('Minor')) return '1';
  return 'valid text';
}

/** A valid value of `type` (required fields only), and the scalar slots inside it. */
function build(
  name: string,
  type: GraphQLInputType,
  path: (string | number)[],
  slots: Slot[],
  /** `from` and `to` are instants (INSTANT_RANGES). */
  instants = false,
): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    return [build(name, nullable.ofType, [...path, 0], slots, instants)];
  }
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      const fieldValue = build(field.name, field.type, [...path, field.name], slots, instants);
      if (isNonNullType(field.type)) value[field.name] = fieldValue;
    }
    return value;
  }
  const named = getNamedType(nullable);
  if (named.name === 'ID') slots.push({ path, kind: 'id' });
  if (named.name === 'String') {
    slots.push({
      path,
      kind:
        instants && (name === 'from' || name === 'to')
          ? 'instant'
          : DATES.has(name)
            ? 'date'
            : INSTANTS.has(name)
              ? 'instant'
              : CURSORS.has(name)
                ? 'cursor'
                : 'text',
    });
  }
  return validScalar(name, named, instants);
}

/** `value` with `replacement` at `path`, building missing optional objects and lists. */
function withValue(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    list[head] = withValue(list[head], rest, replacement);
    return list;
  }
  const object = { ...((value as Record<string, unknown> | undefined) ?? {}) };
  object[head!] = withValue(object[head!], rest, replacement);
  return object;
}

/** `value` with a new idempotency key wherever it has one, so no request replays another. */
function freshKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(freshKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, field]) => [
      name,
      name === 'idempotencyKey' ? randomUUID() : freshKeys(field),
    ]),
  );
}

interface Operation {
  name: string;
  kind: 'query' | 'mutation';
  service: string;
  document: string;
  variables: Record<string, unknown>;
  slots: Slot[];
}

function serviceOf(field: GraphQLField<unknown, unknown>): string {
  const join = field.astNode?.directives?.find((d) => d.name.value === 'join__field');
  const graph = join?.arguments?.find((a) => a.name.value === 'graph')?.value;
  if (graph?.kind !== Kind.ENUM) throw new Error(`no subgraph for ${field.name}`);
  return graph.value.toLowerCase().replaceAll('_', '-');
}

/** Every query and mutation of the composed API with valid variables and its scalar slots. */
function operationsOf(schema: GraphQLSchema): Operation[] {
  return (['query', 'mutation'] as const).flatMap((kind) => {
    const type = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    return Object.values(type.getFields())
      .filter((field) => !field.name.startsWith('_') && field.args.length > 0)
      .map((field) => {
        const slots: Slot[] = [];
        const variables: Record<string, unknown> = {};
        for (const argument of field.args as GraphQLArgument[]) {
          const value = build(
            argument.name,
            argument.type,
            [argument.name],
            slots,
            INSTANT_RANGES.has(field.name),
          );
          if (isNonNullType(argument.type)) variables[argument.name] = value;
        }
        const declarations = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
        const passes = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
        return {
          name: field.name,
          kind,
          service: serviceOf(field),
          document: `${kind} (${declarations}) { ${field.name}(${passes})${selection} }`,
          variables,
          slots,
        };
      });
  });
}

interface Answer {
  status: number;
  body: string;
  codes: string[];
  messages: string[];
  data: unknown;
}

/** Signs of internals in an answer: SQL, PostgreSQL's words, a stack trace, a file path. */
const INTERNALS =
  /\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET|WHERE)\b|invalid input syntax|invalid byte sequence|QueryFailedError|SQLSTATE|relation "|\bat \S+ \(|node_modules|\/dist\/|stacktrace/;

describe('hostile scalar values', () => {
  const secret = randomBytes(32).toString('hex');
  const tokens = new Tokens(secret);
  let database: TestDatabase;
  let sut: Standalone;
  let operatorToken: string;
  let platformToken: string;
  const schema = buildSchema(readFileSync('apps/gateway/supergraph.graphql', 'utf8'), {
    assumeValidSDL: true,
  });
  const operations = operationsOf(schema);

  const post = async (
    url: string,
    document: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<Answer> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: document, variables }),
    });
    const body = await response.text();
    let parsed: {
      errors?: { message: string; extensions?: { code?: string } }[];
      data?: unknown;
    } = {};
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      // Not JSON: the assertions below show the body.
    }
    return {
      status: response.status,
      body: body.slice(0, 600),
      codes: (parsed.errors ?? []).map((error) => error.extensions?.code ?? 'NO CODE'),
      messages: (parsed.errors ?? []).map((error) => error.message),
      data: parsed.data,
    };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    sut = await startTestStandalone(database.url, {
      AUTH_JWT_SECRET: secret,
      RATE_LIMIT_PER_MINUTE: '0',
      // As deployed: no stack traces in answers, the composed supergraph from its file.
      NODE_ENV: 'production',
    });
    operatorToken = await tokens.issue({ role: Role.OPERATOR, partyId: randomUUID() }, 900);
    const registered = await post(
      sut.gatewayUrl,
      'mutation { registerParty(input: { kind: PLATFORM, name: "Hostile Inputs Video" }) { id } }',
      {},
      operatorToken,
    );
    const platformId = (registered.data as { registerParty: { id: string } }).registerParty.id;
    platformToken = await tokens.issue({ role: Role.PLATFORM, partyId: platformId }, 900);
    // Every service knows the platform before it calls them.
    for (const document of ['{ licenses(first: 1) { __typename } }', '{ me { id } }']) {
      await eventually(async () => {
        const answer = await post(sut.gatewayUrl, document, {}, platformToken);
        return !answer.codes.includes('UNAUTHENTICATED');
      });
    }
  });

  afterAll(async () => {
    await sut?.stop();
    await database?.drop();
  });

  it('should find the ID, date, instant, cursor and text arguments of the API', () => {
    const kinds = new Set(operations.flatMap((o) => o.slots.map((s) => s.kind)));
    expect([...kinds].sort()).toEqual(['cursor', 'date', 'id', 'instant', 'text']);
    const slot = (name: string, kind: ValueKind) =>
      operations.find((o) => o.name === name)?.slots.some((s) => s.kind === kind);
    expect(slot('releaseReserves', 'date')).toBe(true);
    expect(slot('optOutStatus', 'instant')).toBe(true);
    expect(slot('requestUse', 'date')).toBe(true);
    expect(slot('changeMembership', 'date')).toBe(true);
    expect(slot('works', 'cursor')).toBe(true);
  });

  for (const via of ['gateway', 'subgraph'] as const) {
    it(`should answer every hostile value with a coded 4xx error naming it, via the ${via}`, async () => {
      const wrong: string[] = [];
      let sent = 0;
      for (const operation of operations) {
        const url =
          via === 'gateway'
            ? sut.gatewayUrl
            : sut.services.find((s) => s.name === operation.service)!.url;
        const token = PLATFORM_ONLY.has(operation.name) ? platformToken : operatorToken;
        for (const slot of operation.slots) {
          for (const [label, value] of HOSTILE[slot.kind]) {
            const variables = withValue(freshKeys(operation.variables), slot.path, value) as Record<
              string,
              unknown
            >;
            const answer = await post(url, operation.document, variables, token);
            sent += 1;
            const where = `${operation.name} ${slot.path.join('.')} = ${label}`;
            const line = LINE_FIELDS.has(String(slot.path.at(-1))) && label !== 'a NUL character';
            // 400 when refused before execution; 200 with the error when a resolver refuses it.
            const refused =
              answer.codes.length > 0 &&
              answer.codes.every((code) => code === 'BAD_USER_INPUT') &&
              (answer.status === 400 || answer.status === 200) &&
              answer.messages.every((message) => message.includes(String(slot.path.at(-1))));
            const lineRejected = line && answer.codes.length === 0 && answer.status === 200;
            if (!(refused || lineRejected) || INTERNALS.test(answer.body))
              wrong.push(`${where}: ${answer.status} ${answer.body}`);
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(sent).toBeGreaterThan(300);
    });
  }

  it('should answer well-formed ids that name nothing without an internal error', async () => {
    const wrong: string[] = [];
    for (const operation of operations) {
      const token = PLATFORM_ONLY.has(operation.name) ? platformToken : operatorToken;
      const answer = await post(sut.gatewayUrl, operation.document, operation.variables, token);
      const fine = answer.codes.every((code) =>
        ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT'].includes(code),
      );
      if (!fine || INTERNALS.test(answer.body))
        wrong.push(`${operation.name}: ${answer.status} ${answer.body}`);
    }
    expect(wrong).toEqual([]);
  });

  it('should check values written in the operation itself as well as variables', async () => {
    const registry = sut.services.find((s) => s.name === 'rights-registry')!.url;
    for (const url of [sut.gatewayUrl, registry]) {
      for (const [document, message] of [
        ['{ party(id: "x") { id } }', 'id must be a UUID'],
        ['{ searchWorks(query: "a\\u0000b") { id } }', 'query must not contain NUL'],
        ['{ searchWorks(query: "x", first: 1) { id } }', undefined],
      ] as const) {
        const answer = await post(url, document, {}, operatorToken);
        if (message === undefined) expect(answer.codes).toEqual([]);
        else {
          expect(answer.codes).toEqual(['BAD_USER_INPUT']);
          expect(answer.messages[0]).toContain(message);
        }
      }
    }
  });

  it('should answer entity references with hostile ids, straight at a subgraph, without an internal error', async () => {
    const wrong: string[] = [];
    for (const [service, types] of [
      ['rights-registry', ['Work', 'Party']],
      ['opt-out', ['Work']],
    ] as const) {
      const url = sut.services.find((s) => s.name === service)!.url;
      for (const type of types) {
        for (const [label, id] of HOSTILE.id) {
          const answer = await post(
            url,
            `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { id } } }`,
            { r: [{ __typename: type, id }] },
            operatorToken,
          );
          const fine = answer.status < 500 && !answer.codes.includes('INTERNAL_SERVER_ERROR');
          if (!fine || INTERNALS.test(answer.body))
            wrong.push(`${service} ${type} ${label}: ${answer.status} ${answer.body}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  const usage = (url: string, query: string, body: Buffer | string, token = platformToken) =>
    fetch(`${url}/v1/usage-reports?${query}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'text/csv',
        'idempotency-key': randomUUID(),
      },
      body,
    });
  const header = 'licenseId,workId,identifier,title,useType,territory,quantity,usageDate\n';
  const period = 'periodStart=2026-11-01&periodEnd=2026-12-01';

  for (const via of ['gateway', 'subgraph'] as const) {
    const base = () =>
      via === 'gateway'
        ? sut.gatewayUrl
        : sut.services.find((s) => s.name === 'royalty-distribution')!.url;

    it(`should refuse a usage report with a bad period as a 400 naming it, via the ${via}`, async () => {
      for (const query of [
        'periodStart=2026-02-30&periodEnd=2026-03-01',
        'periodStart=0000-01-01&periodEnd=2026-03-01',
        'periodStart=1&periodEnd=2026-03-01',
        'periodStart=2026-01-01%00&periodEnd=2026-03-01',
        'periodStart=2026-01-01&periodEnd=%ED%A0%80',
      ]) {
        const response = await usage(
          base(),
          query,
          `${header}${randomUUID()},,,,STREAM,JP,1,2026-11-02\n`,
        );
        const text = await response.text();
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
        expect(JSON.parse(text)).toMatchObject({
          statusCode: 400,
          message: expect.stringMatching(/period/),
        });
        expect(text).not.toMatch(INTERNALS);
      }
    });

    it(`should refuse a usage file with a NUL byte or bytes that are not UTF-8, with its line, via the ${via}`, async () => {
      const good = `${randomUUID()},,,,STREAM,JP,1,2026-11-02\n`;
      for (const bad of [
        Buffer.from(`${randomUUID()},,,ti\u0000tle,STREAM,JP,1,2026-11-02\n`),
        Buffer.concat([
          Buffer.from(`${randomUUID()},,,ti`),
          Buffer.from([0xff, 0xfe]),
          Buffer.from('tle,STREAM,JP,1,2026-11-02\n'),
        ]),
        Buffer.concat([
          Buffer.from(`${randomUUID()},,,ti`),
          Buffer.from([0xed, 0xa0, 0x80]),
          Buffer.from('tle,STREAM,JP,1,2026-11-02\n'),
        ]),
      ]) {
        const response = await usage(
          base(),
          period,
          Buffer.concat([Buffer.from(header + good), bad]),
        );
        const text = await response.text();
        expect({ status: response.status, text }).toEqual({
          status: 400,
          text: expect.stringMatching(/"line 3: the file must be UTF-8 text without NUL bytes"/),
        });
        expect(text).not.toMatch(INTERNALS);
      }
    });

    it(`should reject a usage line with a bad id or date by itself, via the ${via}`, async () => {
      const response = await usage(
        base(),
        period,
        `${header}not-an-id,,,,STREAM,JP,1,2026-11-02\n${randomUUID()},nope,,,STREAM,JP,1,2026-11-02\n${randomUUID()},,,,STREAM,JP,1,2026-02-30\n`,
      );
      const text = await response.text();
      expect({ status: response.status, text }).toMatchObject({ status: 201 });
      const report = JSON.parse(text) as { linesRejected: number; errors: { line: number }[] };
      expect(report.linesRejected).toBe(3);
      expect(report.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    });

    it(`should answer exports of ids that are not ids as not found, via the ${via}`, async () => {
      for (const path of [
        'not-an-id/allocations.csv',
        '%00/allocations.csv',
        `${randomUUID()}%00/allocations.csv`,
        `${randomUUID()}/statements/not-an-id.csv`,
        `${randomUUID()}/statements/${randomUUID()}%00.csv`,
        `%ED%A0%80/allocations.csv`,
      ]) {
        const response = await fetch(`${base()}/v1/distribution-batches/${path}`, {
          headers: { authorization: `Bearer ${operatorToken}` },
        });
        const text = await response.text();
        // 404 like an id that does not exist; 400 for a path that is not UTF-8 once decoded.
        expect({ path, status: response.status }).toEqual({
          path,
          status: path.startsWith('%ED') ? 400 : 404,
        });
        expect(text).not.toMatch(INTERNALS);
      }
    });

    it(`should answer rejected lines of report ids that are not ids as not found, via the ${via}`, async () => {
      for (const id of ['not-an-id', '%00', `${randomUUID()}%00`, randomUUID(), '%ED%A0%80']) {
        const response = await fetch(`${base()}/v1/usage-reports/${id}/errors.csv`, {
          headers: { authorization: `Bearer ${operatorToken}` },
        });
        const text = await response.text();
        expect({ id, status: response.status }).toEqual({
          id,
          status: id.startsWith('%ED') ? 400 : 404,
        });
        expect(text).not.toMatch(INTERNALS);
      }
    });
  }
});
