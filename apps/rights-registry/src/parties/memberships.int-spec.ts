import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource as DataSourceToken } from 'typeorm';
import type { Caller } from '#libs/auth';
import { PartyKind, RightType, Role, WorkCategory } from '#libs/contracts';
import { startTestService, type GraphQLResult, type TestService } from '#libs/testing';
import { rightsRegistryApp } from '../rights-registry.app.js';
import { TEST_OPERATOR, registeredParty } from '../../../../test/support/registry-parties.js';

const CHANGE =
  'mutation ($input: ChangeMembershipInput!) { changeMembership(input: $input) { id isMember } }';
const OFFERS =
  '{ membershipOffers { id partyId societyId memberFrom memberTo status society { name } } }';
const ACCEPT =
  'mutation ($id: ID!) { acceptMembership(offerId: $id) { id status party { isMember } } }';
const DECLINE = 'mutation ($id: ID!) { declineMembership(offerId: $id) { id status } }';

interface Offer {
  id: string;
  partyId: string;
  societyId: string;
  memberFrom: string;
  memberTo: string | null;
  status: string;
}

const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Society A's admin tries to enrol holders who never asked to join. */
describe('memberships need the holder’s consent', () => {
  let sut: TestService;
  const operator = TEST_OPERATOR;
  let adminA: Caller;
  let adminB: Caller;
  let vera: Caller;

  const party = (input: Record<string, unknown>) => registeredParty(sut, input);

  const holder = async (name: string, memberOfSocietyId?: string): Promise<Caller> => ({
    role: Role.RIGHT_HOLDER,
    partyId: await party({ kind: PartyKind.RIGHT_HOLDER, name, country: 'JP', memberOfSocietyId }),
  });

  const change = (caller: Caller, input: Record<string, unknown>) =>
    sut.graphql<{ changeMembership: { id: string; isMember: boolean } }>(
      CHANGE,
      { input: { memberTo: null, ...input } },
      caller,
    );

  const offersOf = async (caller: Caller) => {
    const result = await sut.graphql<{ membershipOffers: Offer[] }>(OFFERS, {}, caller);
    expect(result.errors).toBeUndefined();
    return result.data!.membershipOffers;
  };

  const isMember = async (partyId: string) =>
    (
      await sut.graphql<{ party: { isMember: boolean } }>(
        'query ($id: ID!) { party(id: $id) { isMember } }',
        { id: partyId },
        operator,
      )
    ).data!.party.isMember;

  beforeAll(async () => {
    sut = await startTestService(rightsRegistryApp);
    adminA = {
      role: Role.SOCIETY_ADMIN,
      partyId: await party({ kind: PartyKind.SOCIETY, name: 'Society A' }),
    };
    adminB = {
      role: Role.SOCIETY_ADMIN,
      partyId: await party({ kind: PartyKind.SOCIETY, name: 'Society B' }),
    };
    vera = await holder('Vera', adminB.partyId);
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should only offer a membership that a society admin starts, giving the society nothing until the holder accepts', async () => {
    const nina = await holder('Nina');
    const offered = await change(adminA, {
      partyId: nina.partyId,
      societyId: adminA.partyId,
      memberFrom: today(),
    });
    expect(offered.errors).toBeUndefined();
    expect(offered.data!.changeMembership.isMember).toBe(false);

    // Not a member yet: the society neither reads her private fields nor acts for her.
    const country = await sut.graphql<{ party: { country: string | null } }>(
      'query ($id: ID!) { party(id: $id) { country } }',
      { id: nina.partyId },
      adminA,
    );
    expect(country.data!.party.country).toBeNull();
    const rename = await sut.graphql(
      'mutation ($input: UpdatePartyInput!) { updateParty(input: $input) { id } }',
      { input: { partyId: nina.partyId, name: 'Renamed' } },
      adminA,
    );
    expect(codeOf(rename)).toBe('FORBIDDEN');
    const work = await sut.graphql(
      'mutation ($input: RegisterWorkInput!) { registerWork(input: $input) { id } }',
      {
        input: {
          title: 'Not yours',
          category: WorkCategory.MUSIC,
          shares: [{ holderId: nina.partyId, rightType: RightType.PERFORMANCE, shareBps: 10_000 }],
        },
      },
      adminA,
    );
    expect(codeOf(work)).toBe('FORBIDDEN');

    const [offer] = await offersOf(nina);
    expect(offer).toMatchObject({
      partyId: nina.partyId,
      societyId: adminA.partyId,
      memberFrom: today(),
      status: 'PENDING',
      society: { name: 'Society A' },
    });
    expect((await offersOf(adminA)).map((o) => o.id)).toContain(offer!.id);
    expect(await offersOf(vera)).toEqual([]);
    expect(await offersOf(adminB)).toEqual([]);

    // Another holder cannot accept it: to her the offer does not exist.
    expect(codeOf(await sut.graphql(ACCEPT, { id: offer!.id }, vera))).toBe('NOT_FOUND');
    expect(codeOf(await sut.graphql(ACCEPT, { id: randomUUID() }, nina))).toBe('NOT_FOUND');
    expect(await isMember(nina.partyId)).toBe(false);

    const accepted = await sut.graphql<{
      acceptMembership: { status: string; party: { isMember: boolean } };
    }>(ACCEPT, { id: offer!.id }, nina);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptMembership).toEqual({
      id: offer!.id,
      status: 'ACCEPTED',
      party: { isMember: true },
    });
    expect(codeOf(await sut.graphql(ACCEPT, { id: offer!.id }, nina))).toBe('CONFLICT');

    // One membership-changed event: the offer itself changed no membership.
    const deadline = Date.now() + 10_000;
    let types: string[] = [];
    while (Date.now() < deadline) {
      const rows = await sut.app
        .get(DataSourceToken)
        .query<{ type: string }[]>(
          `SELECT value->>'type' AS type FROM eventlog.events WHERE key = $1 ORDER BY "events"."offset"`,
          [nina.partyId],
        );
      types = rows.map((row) => row.type);
      if (types.length >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(types).toEqual(['registry.party.registered', 'registry.party.membership-changed']);
  });

  it('should let the holder decline an offer, leaving it a non-member', async () => {
    const omar = await holder('Omar');
    await change(adminA, { partyId: omar.partyId, societyId: adminA.partyId, memberFrom: today() });
    const [offer] = await offersOf(omar);
    const declined = await sut.graphql<{ declineMembership: Offer }>(
      DECLINE,
      { id: offer!.id },
      omar,
    );
    expect(declined.data!.declineMembership.status).toBe('DECLINED');
    expect(await isMember(omar.partyId)).toBe(false);
    expect(codeOf(await sut.graphql(ACCEPT, { id: offer!.id }, omar))).toBe('CONFLICT');
  });

  it("should refuse to enrol another society's member until it leaves that society", async () => {
    const result = await change(adminA, {
      partyId: vera.partyId,
      societyId: adminA.partyId,
      memberFrom: today(),
    });
    expect(codeOf(result)).toBe('CONFLICT');
    expect(result.errors![0]!.message).toBe(
      `the holder is a member of another society on ${today()}; it must leave that society first`,
    );
    expect(result.errors![0]!.message).not.toContain(adminB.partyId);
    const direct = await change(operator, {
      partyId: vera.partyId,
      societyId: adminA.partyId,
      memberFrom: today(),
    });
    expect(codeOf(direct)).toBe('CONFLICT');
  });

  it('should refuse back-dating by a society admin, and by the operator past its limit', async () => {
    const pia = await holder('Pia');
    const backdated = await change(adminA, {
      partyId: pia.partyId,
      societyId: adminA.partyId,
      memberFrom: '2000-01-01',
    });
    expect(codeOf(backdated)).toBe('BAD_USER_INPUT');
    expect(backdated.errors![0]!.message).toBe(`memberFrom may not be before today (${today()})`);
    expect(await offersOf(pia)).toEqual([]);

    const tooOld = await change(operator, {
      partyId: pia.partyId,
      societyId: adminA.partyId,
      memberFrom: '2000-01-01',
    });
    expect(codeOf(tooOld)).toBe('BAD_USER_INPUT');
    expect(tooOld.errors![0]!.message).toContain('back-dated by at most 365 days');

    const recorded = await change(operator, {
      partyId: pia.partyId,
      societyId: adminA.partyId,
      memberFrom: daysAgo(30),
    });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.changeMembership.isMember).toBe(true);
  });

  it("should let a society admin end its member's membership without consent, but not lengthen it", async () => {
    const quinn = await holder('Quinn', adminA.partyId);
    const input = { partyId: quinn.partyId, societyId: adminA.partyId, memberFrom: today() };
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const ended = await change(adminA, { ...input, memberTo: tomorrow });
    expect(ended.errors).toBeUndefined();
    expect(ended.data!.changeMembership.isMember).toBe(true);
    const reopened = await change(adminA, { ...input, memberTo: null });
    expect(codeOf(reopened)).toBe('FORBIDDEN');
    expect(reopened.errors![0]!.message).toContain("needs the holder's consent");
  });

  it('should refuse a second society for any day of the period, not only its first', async () => {
    const rin = await holder('Rin');
    const later = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    // Society A's open-ended offer from today is made while Rin belongs to no society.
    expect(
      (
        await change(adminA, {
          partyId: rin.partyId,
          societyId: adminA.partyId,
          memberFrom: today(),
        })
      ).errors,
    ).toBeUndefined();
    await change(adminB, { partyId: rin.partyId, societyId: adminB.partyId, memberFrom: later });
    const offers = await offersOf(rin);
    const offerOf = (society: Caller) => offers.find((o) => o.societyId === society.partyId)!;
    expect((await sut.graphql(ACCEPT, { id: offerOf(adminB).id }, rin)).errors).toBeUndefined();

    const elsewhere = `the holder is a member of another society on ${later}; it must leave that society first`;
    const accepted = await sut.graphql(ACCEPT, { id: offerOf(adminA).id }, rin);
    expect(codeOf(accepted)).toBe('CONFLICT');
    expect(accepted.errors![0]!.message).toBe(elsewhere);
    const input = { partyId: rin.partyId, societyId: adminA.partyId, memberFrom: today() };
    for (const caller of [adminA, operator]) {
      const refused = await change(caller, input);
      expect(codeOf(refused)).toBe('CONFLICT');
      expect(refused.errors![0]!.message).toBe(elsewhere);
    }
    expect(await isMember(rin.partyId)).toBe(false);
    // A period that ends when the other begins is fine.
    const bounded = await change(operator, { ...input, memberTo: later });
    expect(bounded.errors).toBeUndefined();
    expect(bounded.data!.changeMembership.isMember).toBe(true);
  });

  it("should tell whether a party is a member of a society to that society's admin and the operator only", async () => {
    const member = await holder('Rin', adminA.partyId);
    const outsider = await holder('Sora');
    const platform: Caller = {
      role: Role.PLATFORM,
      partyId: await party({ kind: PartyKind.PLATFORM, name: 'Platform' }),
    };
    const memberOf = (partyId: string, societyId: string, caller: Caller | undefined) =>
      sut.graphql<{ party: { memberOf: boolean } }>(
        'query ($id: ID!, $society: ID!) { party(id: $id) { memberOf(societyId: $society) } }',
        { id: partyId, society: societyId },
        caller,
      );
    const told = async (partyId: string, societyId: string, caller: Caller) => {
      const result = await memberOf(partyId, societyId, caller);
      expect(result.errors).toBeUndefined();
      return result.data!.party.memberOf;
    };
    expect(await told(member.partyId, adminA.partyId, adminA)).toBe(true);
    expect(await told(member.partyId, adminA.partyId, operator)).toBe(true);
    expect(await told(outsider.partyId, adminA.partyId, adminA)).toBe(false);
    expect(await told(outsider.partyId, adminA.partyId, operator)).toBe(false);
    // Anyone else is told false, even about a member: another society's admin, the member
    // itself, a platform.
    expect(await told(member.partyId, adminA.partyId, adminB)).toBe(false);
    expect(await told(member.partyId, adminA.partyId, member)).toBe(false);
    expect(await told(member.partyId, adminA.partyId, platform)).toBe(false);
    expect(codeOf(await memberOf(randomUUID(), adminA.partyId, adminA))).toBe('NOT_FOUND');
    expect(codeOf(await memberOf(member.partyId, adminA.partyId, undefined))).toBe(
      'UNAUTHENTICATED',
    );
  });
});
