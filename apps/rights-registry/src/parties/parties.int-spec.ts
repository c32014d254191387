import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '#libs/auth';
import { PartyKind, Role } from '#libs/contracts';
import { startTestService, type TestService } from '#libs/testing';
import { DataSource as DataSourceToken } from 'typeorm';
import { rightsRegistryApp } from '../rights-registry.app.js';

const REGISTER = `mutation Register($input: RegisterPartyInput!) {
  registerParty(input: $input) { id kind name isMember ipiNameNumber country }
}`;

interface Party {
  id: string;
  kind: PartyKind;
  name: string;
  isMember: boolean;
  ipiNameNumber: string | null;
  country: string | null;
}

describe('parties', () => {
  let sut: TestService;
  const operator: Caller = { role: Role.OPERATOR, partyId: randomUUID() };
  let society: Party;

  const register = async (input: Record<string, unknown>, caller = operator) =>
    sut.graphql<{ registerParty: Party }>(REGISTER, { input }, caller);
  const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) =>
    result.errors?.[0]?.extensions?.code;
  /** A caller acting for a newly registered party of the kind its role needs. */
  const stranger = async (role: Role): Promise<Caller> => {
    const kind = {
      [Role.PLATFORM]: PartyKind.PLATFORM,
      [Role.RIGHT_HOLDER]: PartyKind.RIGHT_HOLDER,
      [Role.SOCIETY_ADMIN]: PartyKind.SOCIETY,
      [Role.OPERATOR]: PartyKind.SOCIETY,
    }[role];
    const party = await register({ kind, name: `Stranger ${kind}` });
    return { role, partyId: party.data!.registerParty.id };
  };

  beforeAll(async () => {
    sut = await startTestService(rightsRegistryApp);
    const result = await register({
      kind: PartyKind.SOCIETY,
      name: '一般社団法人 日本作品管理協会',
    });
    society = result.data!.registerParty;
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should register a member right holder with a valid IPI name number', async () => {
    const result = await register({
      kind: PartyKind.RIGHT_HOLDER,
      name: '山田 花子',
      ipiNameNumber: '00014107338',
      country: 'jp',
      memberOfSocietyId: society.id,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.registerParty).toMatchObject({
      kind: PartyKind.RIGHT_HOLDER,
      name: '山田 花子',
      isMember: true,
      ipiNameNumber: '00014107338',
      country: 'JP',
    });
  });

  it("should show a party's IPI number and country to itself, its society's admin and the operator only", async () => {
    const holder = (
      await register({
        kind: PartyKind.RIGHT_HOLDER,
        name: 'Private Person',
        country: 'JP',
        memberOfSocietyId: society.id,
      })
    ).data!.registerParty;
    const read = async (caller: Caller) =>
      (
        await sut.graphql<{ party: { country: string | null } }>(
          'query ($id: ID!) { party(id: $id) { country } }',
          { id: holder.id },
          caller,
        )
      ).data!.party.country;
    expect(await read({ role: Role.RIGHT_HOLDER, partyId: holder.id })).toBe('JP');
    expect(await read({ role: Role.SOCIETY_ADMIN, partyId: society.id })).toBe('JP');
    expect(await read(operator)).toBe('JP');
    expect(await read(await stranger(Role.PLATFORM))).toBeNull();
    expect(await read(await stranger(Role.RIGHT_HOLDER))).toBeNull();
    expect(await read(await stranger(Role.SOCIETY_ADMIN))).toBeNull();
  });

  it('should register a non-member and a platform', async () => {
    const amateur = await register({ kind: PartyKind.RIGHT_HOLDER, name: 'Indie Creator' });
    expect(amateur.data!.registerParty.isMember).toBe(false);
    const platform = await register({ kind: PartyKind.PLATFORM, name: 'VideoShare' });
    expect(platform.data!.registerParty.kind).toBe(PartyKind.PLATFORM);
  });

  it('should let a society admin register members of its own society only', async () => {
    const admin = { role: Role.SOCIETY_ADMIN, partyId: society.id };
    const own = await register(
      { kind: PartyKind.RIGHT_HOLDER, name: 'Member', memberOfSocietyId: society.id },
      admin,
    );
    expect(own.data!.registerParty.isMember).toBe(true);

    const other = await register({ kind: PartyKind.SOCIETY, name: 'Other Society' });
    const foreign = await register(
      {
        kind: PartyKind.RIGHT_HOLDER,
        name: 'Not ours',
        memberOfSocietyId: other.data!.registerParty.id,
      },
      admin,
    );
    expect(codeOf(foreign)).toBe('FORBIDDEN');
  });

  it('should refuse platforms and right holders', async () => {
    for (const role of [Role.PLATFORM, Role.RIGHT_HOLDER]) {
      const result = await register(
        { kind: PartyKind.RIGHT_HOLDER, name: 'x' },
        await stranger(role),
      );
      expect(codeOf(result)).toBe('FORBIDDEN');
    }
    expect(codeOf(await sut.graphql(REGISTER, { input: { kind: 'PLATFORM', name: 'x' } }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('should explain a wrong IPI check digit, a duplicate IPI and a bad input', async () => {
    const wrong = await register({
      kind: PartyKind.RIGHT_HOLDER,
      name: 'A',
      ipiNameNumber: '00045620793',
    });
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0]!.message).toContain('check digits should be 92');

    const first = await register({
      kind: PartyKind.RIGHT_HOLDER,
      name: 'First',
      ipiNameNumber: '00045620792',
    });
    const duplicate = await register({
      kind: PartyKind.RIGHT_HOLDER,
      name: 'Second',
      ipiNameNumber: '000-456-207-92',
    });
    expect(codeOf(duplicate)).toBe('CONFLICT');
    expect(duplicate.errors![0]!.message).toBe(
      'IPI name number 00045620792 is already registered to another party',
    );
    expect(duplicate.errors![0]!.message).not.toContain(first.data!.registerParty.id);

    const empty = await register({ kind: PartyKind.RIGHT_HOLDER, name: '' });
    expect(codeOf(empty)).toBe('BAD_USER_INPUT');
  });

  it('should register a party once per idempotency key', async () => {
    const input = {
      kind: PartyKind.PLATFORM,
      name: 'Retried Platform',
      idempotencyKey: 'platform-onboarding-42',
    };
    const first = await register(input);
    const again = await register(input);
    expect(again.data!.registerParty.id).toBe(first.data!.registerParty.id);
    expect(codeOf(await register({ ...input, name: 'Other Platform' }))).toBe('CONFLICT');
  });

  it('should answer party(id) and me', async () => {
    const holder = (await register({ kind: PartyKind.RIGHT_HOLDER, name: 'Me Myself' })).data!
      .registerParty;
    const asHolder = { role: Role.RIGHT_HOLDER, partyId: holder.id };
    const me = await sut.graphql<{ me: Party }>('{ me { id name } }', {}, asHolder);
    expect(me.data!.me).toEqual({ id: holder.id, name: 'Me Myself' });
    const party = await sut.graphql<{ party: Party }>(
      'query ($id: ID!) { party(id: $id) { name kind } }',
      { id: society.id },
      asHolder,
    );
    expect(party.data!.party).toEqual({ name: society.name, kind: PartyKind.SOCIETY });
  });

  it('should answer NOT_FOUND for a party id that names nothing, to every caller', async () => {
    for (const caller of [operator, await stranger(Role.RIGHT_HOLDER)]) {
      const result = await sut.graphql(
        'query ($id: ID!) { party(id: $id) { id } }',
        { id: randomUUID() },
        caller,
      );
      expect(codeOf(result)).toBe('NOT_FOUND');
    }
  });

  it('should end and renew memberships, refusing overlaps and strangers', async () => {
    const holder = (
      await register({
        kind: PartyKind.RIGHT_HOLDER,
        name: 'Renewing',
        memberOfSocietyId: society.id,
      })
    ).data!.registerParty;
    const CHANGE =
      'mutation ($input: ChangeMembershipInput!) { changeMembership(input: $input) { id isMember } }';
    const today = new Date().toISOString().slice(0, 10);
    const admin: Caller = { role: Role.SOCIETY_ADMIN, partyId: society.id };

    const ended = await sut.graphql<{ changeMembership: Party }>(
      CHANGE,
      {
        input: {
          partyId: holder.id,
          societyId: society.id,
          memberFrom: today,
          memberTo: '2999-01-01',
        },
      },
      admin,
    );
    expect(ended.errors).toBeUndefined();
    const past = await sut.graphql<{ changeMembership: Party }>(
      CHANGE,
      {
        input: {
          partyId: holder.id,
          societyId: society.id,
          memberFrom: today,
          memberTo: nextDay(today),
        },
      },
      admin,
    );
    expect(past.data!.changeMembership.isMember).toBe(true);
    const overlap = await sut.graphql(
      CHANGE,
      {
        input: {
          partyId: holder.id,
          societyId: society.id,
          memberFrom: '2000-01-01',
          memberTo: null,
        },
      },
      admin,
    );
    expect(codeOf(overlap)).toBe('BAD_USER_INPUT');
    expect(overlap.errors![0]!.message).toContain(`overlaps the membership from ${today}`);
    const foreignAdmin = await sut.graphql(
      CHANGE,
      {
        input: {
          partyId: holder.id,
          societyId: society.id,
          memberFrom: '2000-01-01',
          memberTo: '2001-01-01',
        },
      },
      await stranger(Role.SOCIETY_ADMIN),
    );
    expect(codeOf(foreignAdmin)).toBe('FORBIDDEN');
  });

  it('should let a party update itself, and keep IPI name numbers unique', async () => {
    const holder = (await register({ kind: PartyKind.RIGHT_HOLDER, name: 'Old Name' })).data!
      .registerParty;
    const UPDATE =
      'mutation ($input: UpdatePartyInput!) { updateParty(input: $input) { name ipiNameNumber country } }';
    const self: Caller = { role: Role.RIGHT_HOLDER, partyId: holder.id };
    const updated = await sut.graphql<{ updateParty: Party }>(
      UPDATE,
      {
        input: {
          partyId: holder.id,
          name: '新しい名前',
          country: 'jp',
          ipiNameNumber: '01145982828',
        },
      },
      self,
    );
    expect(updated.data!.updateParty).toEqual({
      name: '新しい名前',
      ipiNameNumber: '01145982828',
      country: 'JP',
    });
    const taken = await sut.graphql(
      UPDATE,
      { input: { partyId: holder.id, ipiNameNumber: '00014107338' } },
      self,
    );
    expect(codeOf(taken)).toBe('CONFLICT');
    // A guessed number must not tell who holds it.
    expect(taken.errors![0]!.message).toBe(
      'IPI name number 00014107338 is already registered to another party',
    );
    expect(JSON.stringify(taken.errors)).not.toContain('山田');
    const other = await sut.graphql(
      UPDATE,
      { input: { partyId: society.id, name: 'Mine now' } },
      self,
    );
    expect(codeOf(other)).toBe('FORBIDDEN');
  });

  it('should resolve federation references to parties, in the order asked, null for unknown ids', async () => {
    const result = await sut.graphql<{ _entities: ({ id: string; name: string } | null)[] }>(
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Party { id name } } }',
      {
        representations: [
          { __typename: 'Party', id: society.id },
          { __typename: 'Party', id: randomUUID() },
          { __typename: 'Party', id: society.id },
        ],
      },
      await stranger(Role.PLATFORM),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      { id: society.id, name: society.name },
      null,
      { id: society.id, name: society.name },
    ]);
  });

  it('should publish party.registered and membership-changed through the outbox', async () => {
    const member = (
      await register({
        kind: PartyKind.RIGHT_HOLDER,
        name: 'Evented',
        memberOfSocietyId: society.id,
      })
    ).data!.registerParty;
    const deadline = Date.now() + 10_000;
    let types: string[] = [];
    while (Date.now() < deadline) {
      const rows = await sut.app
        .get(DataSourceToken)
        .query<{ type: string }[]>(
          `SELECT value->>'type' AS type FROM eventlog.events WHERE key = $1 ORDER BY "events"."offset"`,
          [member.id],
        );
      types = rows.map((row) => row.type);
      if (types.length === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(types).toEqual(['registry.party.registered', 'registry.party.membership-changed']);
  });
});

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
