import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '#libs/auth';
import { PartyKind, Role } from '#libs/contracts';
import { startTestService, type GraphQLResult, type TestService } from '#libs/testing';
import { UpstreamEvents } from '../../../../test/support/upstream-events.js';
import { optOutApp } from '../opt-out.app.js';

/**
 * Members of two societies with an opt-out each: one holder's opt-outs, read or withdrawn by
 * anyone who does not act for that holder, answer NOT_FOUND, as for ones that do not exist.
 */
describe('opt-out tenancy', () => {
  let sut: TestService;
  const parties: Record<string, Caller> = {};
  let holderA: string;
  let optOutA: string;

  const as = (name: string) => parties[name]!;
  const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code ?? 'OK';
  const gql = (query: string, variables: Record<string, unknown>, caller: Caller) =>
    sut.graphql(query, variables, caller);
  const optOut = (id: string, caller: Caller) =>
    gql(`query ($id: ID!) { optOut(id: $id) { id } }`, { id }, caller);
  const optOuts = (holderId: string, caller: Caller) =>
    gql(`query ($h: ID!) { optOuts(holderId: $h) { id } }`, { h: holderId }, caller);
  const withdraw = (id: string, caller: Caller) =>
    gql(`mutation ($id: ID!) { withdrawOptOut(id: $id) { id } }`, { id }, caller);

  beforeAll(async () => {
    sut = await startTestService(optOutApp);
    const registry = new UpstreamEvents(sut.app);
    for (const name of ['A', 'B']) {
      const society = await registry.party(PartyKind.SOCIETY);
      parties[`admin ${name}`] = { role: Role.SOCIETY_ADMIN, partyId: society };
      parties[`holder ${name}`] = {
        role: Role.RIGHT_HOLDER,
        partyId: await registry.holder({ societyId: society }),
      };
    }
    parties.operator = { role: Role.OPERATOR, partyId: randomUUID() };
    holderA = as('holder A').partyId;
    await registry.settled();
    const registered = await sut.graphql<{ registerOptOut: { id: string } }>(
      `mutation ($h: ID!) { registerOptOut(input: { holderId: $h, scope: ALL_WORKS }) { id } }`,
      { h: holderA },
      as('holder A'),
    );
    expect(registered.errors).toBeUndefined();
    optOutA = registered.data!.registerOptOut.id;
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should show a holder’s opt-outs only to who acts for it, NOT_FOUND to anyone else', async () => {
    const unknown = randomUUID();
    expect({
      'opt-out of A, holder A': codeOf(await optOut(optOutA, as('holder A'))),
      'opt-out of A, admin A': codeOf(await optOut(optOutA, as('admin A'))),
      'opt-out of A, operator': codeOf(await optOut(optOutA, as('operator'))),
      'opt-out of A, holder B': codeOf(await optOut(optOutA, as('holder B'))),
      'opt-out of A, admin B': codeOf(await optOut(optOutA, as('admin B'))),
      'no opt-out, holder B': codeOf(await optOut(unknown, as('holder B'))),
      'opt-out, not an id': codeOf(await optOut('x', as('operator'))),
      'opt-outs of A, admin A': codeOf(await optOuts(holderA, as('admin A'))),
      'opt-outs of A, holder B': codeOf(await optOuts(holderA, as('holder B'))),
      'opt-outs of A, admin B': codeOf(await optOuts(holderA, as('admin B'))),
      'opt-outs of no holder, operator': codeOf(await optOuts(unknown, as('operator'))),
      'opt-outs, not an id': codeOf(await optOuts('x', as('admin B'))),
      'withdraw opt-out of A, holder B': codeOf(await withdraw(optOutA, as('holder B'))),
      'withdraw opt-out of A, admin B': codeOf(await withdraw(optOutA, as('admin B'))),
      'withdraw no opt-out, holder B': codeOf(await withdraw(unknown, as('holder B'))),
      'withdraw, not an id': codeOf(await withdraw('x', as('holder B'))),
    }).toEqual({
      'opt-out of A, holder A': 'OK',
      'opt-out of A, admin A': 'OK',
      'opt-out of A, operator': 'OK',
      'opt-out of A, holder B': 'NOT_FOUND',
      'opt-out of A, admin B': 'NOT_FOUND',
      'no opt-out, holder B': 'NOT_FOUND',
      'opt-out, not an id': 'BAD_USER_INPUT',
      'opt-outs of A, admin A': 'OK',
      'opt-outs of A, holder B': 'NOT_FOUND',
      'opt-outs of A, admin B': 'NOT_FOUND',
      'opt-outs of no holder, operator': 'NOT_FOUND',
      'opt-outs, not an id': 'BAD_USER_INPUT',
      'withdraw opt-out of A, holder B': 'NOT_FOUND',
      'withdraw opt-out of A, admin B': 'NOT_FOUND',
      'withdraw no opt-out, holder B': 'NOT_FOUND',
      'withdraw, not an id': 'BAD_USER_INPUT',
    });
    // Nothing was withdrawn by the refused callers.
    const still = await sut.graphql<{ optOut: { withdrawnAt: string | null } }>(
      `query ($id: ID!) { optOut(id: $id) { withdrawnAt } }`,
      { id: optOutA },
      as('holder A'),
    );
    expect(still.data!.optOut.withdrawnAt).toBeNull();
  });
});
