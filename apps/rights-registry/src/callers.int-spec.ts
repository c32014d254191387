import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import type { Caller } from '#libs/auth';
import { PartyKind, RightType, Role, WorkCategory } from '#libs/contracts';
import { startTestService, type GraphQLResult, type TestService } from '#libs/testing';
import { rightsRegistryApp } from './rights-registry.app.js';

const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
const PARTY_ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Party { id name ipiNameNumber country } }
}`;
const WORK_ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Work { id title shares { holderId holder { name ipiNameNumber } } }
  }
}`;

/**
 * Who a request to a subgraph comes from, decided once for root fields, entity references and
 * field resolvers alike: tokens must expire and name a party that may hold their role; without
 * a token only the gateway is answered.
 */
describe('callers of a subgraph', () => {
  const secret = 'a-secret-for-these-tokens-only-0123456789abcdef';
  let sut: TestService;
  const operator: Caller = { role: Role.OPERATOR, partyId: randomUUID() };
  let holder: Caller;
  let society: string;
  let workId: string;

  const register = async (input: Record<string, unknown>) =>
    (
      await sut.graphql<{ registerParty: { id: string } }>(
        'mutation ($input: RegisterPartyInput!) { registerParty(input: $input) { id } }',
        { input },
        operator,
      )
    ).data!.registerParty.id;

  const withToken = (query: string, token: string, variables?: Record<string, unknown>) =>
    sut.graphqlWithHeaders(query, { authorization: `Bearer ${token}` }, variables);

  beforeAll(async () => {
    sut = await startTestService(rightsRegistryApp, { AUTH_JWT_SECRET: secret });
    society = await register({ kind: PartyKind.SOCIETY, name: 'JASRAC-like' });
    holder = {
      role: Role.RIGHT_HOLDER,
      partyId: await register({
        kind: PartyKind.RIGHT_HOLDER,
        name: '山田 花子',
        ipiNameNumber: '00014107338',
        country: 'JP',
        memberOfSocietyId: society,
      }),
    };
    const work = await sut.graphql<{ registerWork: { id: string } }>(
      `mutation ($input: RegisterWorkInput!) { registerWork(input: $input) { id } }`,
      {
        input: {
          title: '夜明けのうた',
          category: WorkCategory.MUSIC,
          shares: [
            { holderId: holder.partyId, rightType: RightType.PERFORMANCE, shareBps: 10_000 },
          ],
        },
      },
      holder,
    );
    workId = work.data!.registerWork.id;
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should refuse a token without an expiry', async () => {
    const eternal = await new SignJWT({ role: Role.OPERATOR })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(operator.partyId)
      .setIssuer('clearinghouse')
      .sign(new TextEncoder().encode(secret));
    const result = await withToken('{ me { id } }', eternal);
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(result.errors![0]!.message).toBe('the token has no "exp" claim');
  });

  it('should refuse tokens naming an unknown party or a party of the wrong kind', async () => {
    const cases: [Caller, RegExp][] = [
      [{ role: Role.PLATFORM, partyId: randomUUID() }, /not registered/],
      [{ role: Role.RIGHT_HOLDER, partyId: 'not-a-uuid' }, /subject is not a party id/],
      [{ role: Role.OPERATOR, partyId: 'root' }, /subject is not a party id/],
      [{ role: Role.PLATFORM, partyId: holder.partyId }, /RIGHT_HOLDER cannot act as PLATFORM/],
      [{ role: Role.SOCIETY_ADMIN, partyId: holder.partyId }, /cannot act as SOCIETY_ADMIN/],
      [{ role: Role.RIGHT_HOLDER, partyId: society }, /SOCIETY cannot act as RIGHT_HOLDER/],
    ];
    for (const [caller, reason] of cases) {
      // Also for operations open to anyone: a refused credential is never taken as anonymous.
      for (const query of ['{ me { id } }', '{ searchWorks(query: "夜明け") { id } }']) {
        const result = await sut.graphql(query, {}, caller);
        expect([codeOf(result), result.errors?.[0]?.message]).toEqual([
          'UNAUTHENTICATED',
          expect.stringMatching(reason),
        ]);
      }
    }
    const fine = await sut.graphql<{ me: { id: string } }>('{ me { id } }', {}, holder);
    expect(fine.data?.me.id).toBe(holder.partyId);
  });

  it('should answer anonymous requests only when they come through the gateway', async () => {
    const query = '{ searchWorks(query: "夜明け") { id } }';
    const straight = await sut.graphqlWithHeaders(query, {});
    expect(codeOf(straight)).toBe('UNAUTHENTICATED');
    expect(straight.data ?? null).toBeNull();
    const forged = await sut.graphqlWithHeaders(query, { 'x-gateway-credential': 'guess' });
    expect(codeOf(forged)).toBe('UNAUTHENTICATED');
    const viaGateway = await sut.graphqlWithHeaders<{ searchWorks: { id: string }[] }>(
      query,
      sut.gatewayHeaders,
    );
    expect(viaGateway.data?.searchWorks.map((work) => work.id)).toContain(workId);
    const entities = await sut.graphqlWithHeaders(
      PARTY_ENTITIES,
      {},
      {
        representations: [{ __typename: 'Party', id: holder.partyId }],
      },
    );
    expect(codeOf(entities)).toBe('UNAUTHENTICATED');
  });

  it('should keep the service description for the gateway and the operator', async () => {
    const sdl = '{ _service { sdl } }';
    expect(codeOf(await sut.graphql(sdl, {}, holder))).toBe('FORBIDDEN');
    const fromGateway = await sut.graphqlWithHeaders<{ _service: { sdl: string } }>(
      sdl,
      sut.gatewayHeaders,
    );
    expect(fromGateway.data?._service.sdl).toContain('type Party');
    const hidden = await sut.graphql(
      'query { ...Service } fragment Service on Query { _service { sdl } }',
      {},
      holder,
    );
    expect(codeOf(hidden)).toBe('FORBIDDEN');
    expect(codeOf(await sut.graphql(sdl, {}, operator))).toBeUndefined();
  });

  it('should resolve entity references with the caller of the request', async () => {
    const parties = { representations: [{ __typename: 'Party', id: holder.partyId }] };
    // Anonymous (through the gateway): parties are for signed-in callers, as party(id).
    const anonymous = await sut.graphql<{ _entities: unknown[] }>(PARTY_ENTITIES, parties);
    expect(anonymous.data?._entities).toEqual([null]);
    // The operator and the holder itself see private fields through references too.
    for (const caller of [operator, holder, { role: Role.SOCIETY_ADMIN, partyId: society }]) {
      const seen = await sut.graphql<{ _entities: unknown[] }>(PARTY_ENTITIES, parties, caller);
      expect(seen.data?._entities).toEqual([
        { id: holder.partyId, name: '山田 花子', ipiNameNumber: '00014107338', country: 'JP' },
      ]);
    }
    const works = { representations: [{ __typename: 'Work', id: workId }] };
    const shares = await sut.graphql<{ _entities: unknown[] }>(WORK_ENTITIES, works, operator);
    expect(shares.data?._entities).toEqual([
      {
        id: workId,
        title: '夜明けのうた',
        shares: [
          { holderId: holder.partyId, holder: { name: '山田 花子', ipiNameNumber: '00014107338' } },
        ],
      },
    ]);
    const hidden = await sut.graphql<{ _entities: { shares: unknown[] }[] }>(WORK_ENTITIES, works);
    expect(hidden.data?._entities[0]?.shares).toEqual([]);
  });
});
