import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '#libs/auth';
import { PartyKind, Role, WorkCategory } from '#libs/contracts';
import { startTestService, type GraphQLResult, type TestService } from '#libs/testing';
import { UpstreamEvents } from '../../../test/support/upstream-events.js';
import { authorizationApp } from './authorization.app.js';

/**
 * Two societies with a scheme each, two platforms with a license each and an API key: every
 * read and change of another party's request, license, scheme or key answers NOT_FOUND, as for
 * an id that does not exist.
 */
describe('authorization tenancy', () => {
  let sut: TestService;
  const parties: Record<string, Caller> = {};
  const ids: Record<string, string> = {};

  const as = (name: string) => parties[name]!;
  const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code ?? 'OK';
  const gql = <T>(query: string, variables: Record<string, unknown>, caller: Caller) =>
    sut.graphql<T>(query, variables, caller);

  async function scheme(admin: Caller, category: string, useType: string): Promise<string> {
    const created = await gql<{ createEclScheme: { id: string } }>(
      `mutation ($input: CreateEclSchemeInput!) { createEclScheme(input: $input) { id } }`,
      {
        input: {
          societyId: admin.partyId,
          category,
          useTypes: [useType],
          territories: ['JP'],
          rightType: 'MAKING_AVAILABLE',
          unitRateMinor: '3',
          currency: 'JPY',
          coversUnidentified: false,
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    return created.data!.createEclScheme.id;
  }

  async function requestUse(platform: Caller, workId: string, useType: string) {
    const answer = await gql<{ requestUse: { id: string; items: { license: { id: string } }[] } }>(
      `mutation ($input: RequestUseInput!) { requestUse(input: $input) { id items { license { id } } } }`,
      {
        input: {
          idempotencyKey: randomUUID(),
          items: [
            {
              workId,
              useType,
              territory: 'JP',
              from: '2026-12-01',
              to: '2027-01-01',
              expectedQuantity: 10,
            },
          ],
        },
      },
      platform,
    );
    expect(answer.errors).toBeUndefined();
    return {
      request: answer.data!.requestUse.id,
      license: answer.data!.requestUse.items[0]!.license.id,
    };
  }

  async function apiKey(platform: Caller): Promise<string> {
    const created = await gql<{ createApiKey: { apiKey: { id: string } } }>(
      'mutation { createApiKey(input: { name: "uploader" }) { apiKey { id } } }',
      {},
      platform,
    );
    expect(created.errors).toBeUndefined();
    return created.data!.createApiKey.apiKey.id;
  }

  beforeAll(async () => {
    sut = await startTestService(authorizationApp);
    const upstream = new UpstreamEvents(sut.app);
    for (const name of ['A', 'B']) {
      parties[`admin ${name}`] = {
        role: Role.SOCIETY_ADMIN,
        partyId: await upstream.party(PartyKind.SOCIETY),
      };
      parties[`platform ${name}`] = {
        role: Role.PLATFORM,
        partyId: await upstream.party(PartyKind.PLATFORM),
      };
    }
    parties.operator = { role: Role.OPERATOR, partyId: randomUUID() };
    const holder = await upstream.holder();
    const song = await upstream.work([holder], { category: WorkCategory.MUSIC });
    const book = await upstream.work([holder], { category: WorkCategory.BOOK });
    await upstream.settled();
    ids.schemeA = await scheme(as('admin A'), 'MUSIC', 'STREAM');
    ids.schemeB = await scheme(as('admin B'), 'BOOK', 'ONLINE_READING');
    const a = await requestUse(as('platform A'), song, 'STREAM');
    await requestUse(as('platform B'), book, 'ONLINE_READING');
    [ids.requestA, ids.licenseA] = [a.request, a.license];
    ids.keyA = await apiKey(as('platform A'));
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should answer NOT_FOUND alike for a request or license one may not see', async () => {
    const useRequest = (id: string, caller: Caller) =>
      gql(`query ($id: ID!) { useRequest(id: $id) { id } }`, { id }, caller);
    const license = (id: string, caller: Caller) =>
      gql(`query ($id: ID!) { license(id: $id) { id } }`, { id }, caller);
    const unknown = randomUUID();
    expect({
      'request of A, platform A': codeOf(await useRequest(ids.requestA!, as('platform A'))),
      'request of A, operator': codeOf(await useRequest(ids.requestA!, as('operator'))),
      'request of A, platform B': codeOf(await useRequest(ids.requestA!, as('platform B'))),
      'no request, platform B': codeOf(await useRequest(unknown, as('platform B'))),
      'request, not an id': codeOf(await useRequest('x', as('operator'))),
      'license of A, platform A': codeOf(await license(ids.licenseA!, as('platform A'))),
      'license of A, admin A': codeOf(await license(ids.licenseA!, as('admin A'))),
      'license of A, platform B': codeOf(await license(ids.licenseA!, as('platform B'))),
      'license of A, admin B': codeOf(await license(ids.licenseA!, as('admin B'))),
      'no license, admin B': codeOf(await license(unknown, as('admin B'))),
      'license, not an id': codeOf(await license('x', as('operator'))),
    }).toEqual({
      'request of A, platform A': 'OK',
      'request of A, operator': 'OK',
      'request of A, platform B': 'NOT_FOUND',
      'no request, platform B': 'NOT_FOUND',
      'request, not an id': 'BAD_USER_INPUT',
      'license of A, platform A': 'OK',
      'license of A, admin A': 'OK',
      'license of A, platform B': 'NOT_FOUND',
      'license of A, admin B': 'NOT_FOUND',
      'no license, admin B': 'NOT_FOUND',
      'license, not an id': 'BAD_USER_INPUT',
    });
    const listed = async (caller: Caller) =>
      (
        await gql<{ licenses: { edges: { node: { id: string } }[] } }>(
          '{ licenses(first: 200) { edges { node { id } } } }',
          {},
          caller,
        )
      ).data!.licenses.edges.map((edge) => edge.node.id);
    expect(await listed(as('admin A'))).toContain(ids.licenseA);
    expect(await listed(as('admin B'))).not.toContain(ids.licenseA);
    expect(await listed(as('platform B'))).not.toContain(ids.licenseA);
  });

  it('should keep each society to its own schemes', async () => {
    const update = (schemeId: string, caller: Caller) =>
      gql(
        `mutation ($input: UpdateEclSchemeInput!) { updateEclScheme(input: $input) { id } }`,
        {
          input: {
            schemeId,
            useTypes: ['STREAM'],
            territories: ['JP'],
            unitRateMinor: '4',
            currency: 'JPY',
            coversUnidentified: false,
            active: true,
          },
        },
        caller,
      );
    const createFor = (societyId: string, caller: Caller) =>
      gql(
        `mutation ($input: CreateEclSchemeInput!) { createEclScheme(input: $input) { id } }`,
        {
          input: {
            societyId,
            category: 'GAME',
            useTypes: ['STREAM'],
            territories: ['JP'],
            rightType: 'MAKING_AVAILABLE',
            unitRateMinor: '3',
            currency: 'JPY',
            coversUnidentified: false,
          },
        },
        caller,
      );
    expect({
      'scheme of A, admin B': codeOf(await update(ids.schemeA!, as('admin B'))),
      'no scheme, admin B': codeOf(await update(randomUUID(), as('admin B'))),
      'scheme of A, admin A': codeOf(await update(ids.schemeA!, as('admin A'))),
      'create for B, admin A': codeOf(await createFor(as('admin B').partyId, as('admin A'))),
    }).toEqual({
      'scheme of A, admin B': 'FORBIDDEN',
      'no scheme, admin B': 'NOT_FOUND',
      'scheme of A, admin A': 'OK',
      'create for B, admin A': 'FORBIDDEN',
    });
  });

  it('should keep each platform to its own API keys', async () => {
    const list = (caller: Caller, platformId?: string) =>
      gql<{ apiKeys: { id: string }[] }>(
        `query ($p: ID) { apiKeys(platformId: $p) { id } }`,
        { p: platformId ?? null },
        caller,
      );
    const revoke = (id: string, caller: Caller) =>
      gql(`mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`, { id }, caller);
    const platformA = as('platform A').partyId;
    expect({
      'keys of A, platform A': codeOf(await list(as('platform A'))),
      'keys of A, operator': codeOf(await list(as('operator'), platformA)),
      'keys of A, platform B': codeOf(await list(as('platform B'), platformA)),
      'keys of an unknown platform, operator': codeOf(await list(as('operator'), randomUUID())),
      'revoke a key of A, platform B': codeOf(await revoke(ids.keyA!, as('platform B'))),
      'revoke no key, platform B': codeOf(await revoke(randomUUID(), as('platform B'))),
      'revoke, not an id': codeOf(await revoke('x', as('platform B'))),
      'create a key for A, platform B': codeOf(
        await gql(
          `mutation ($p: ID) { createApiKey(input: { name: "k", platformId: $p }) { secret } }`,
          { p: platformA },
          as('platform B'),
        ),
      ),
    }).toEqual({
      'keys of A, platform A': 'OK',
      'keys of A, operator': 'OK',
      'keys of A, platform B': 'NOT_FOUND',
      'keys of an unknown platform, operator': 'NOT_FOUND',
      'revoke a key of A, platform B': 'NOT_FOUND',
      'revoke no key, platform B': 'NOT_FOUND',
      'revoke, not an id': 'BAD_USER_INPUT',
      'create a key for A, platform B': 'FORBIDDEN',
    });
    expect((await list(as('platform A'))).data!.apiKeys.map((key) => key.id)).toEqual([ids.keyA]);
  });
});
