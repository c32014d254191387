import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource as DataSourceToken } from 'typeorm';
import type { Caller } from '#libs/auth';
import { IdentifierScheme, PartyKind, RightType, Role, WorkCategory } from '#libs/contracts';
import { startTestService, type GraphQLResult, type TestService } from '#libs/testing';
import { rightsRegistryApp } from '../rights-registry.app.js';
import { TEST_OPERATOR, registeredParty } from '../../../../test/support/registry-parties.js';

const DISPUTE_FIELDS = 'id claimantId openedBy answer answeredBy';
const WORK_FIELDS = `id disputed openDisputes { ${DISPUTE_FIELDS} } shares { holderId shareBps }`;
const REGISTER_WORK = `mutation ($input: RegisterWorkInput!) { registerWork(input: $input) { ${WORK_FIELDS} } }`;
const RESOLVE = `mutation ($input: ResolveDisputeInput!) { resolveDispute(input: $input) { ${WORK_FIELDS} } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawDispute(disputeId: $id) { ${WORK_FIELDS} } }`;
const ANSWER = `mutation ($input: AnswerDisputeInput!) { answerDispute(input: $input) { ${WORK_FIELDS} } }`;
const OPENERS = `query ($since: String) { disputeOpeners(since: $since) { openerId opener { name } opened stillOpen withdrawn } }`;

interface Dispute {
  id: string;
  claimantId: string;
  openedBy: string;
  answer: string | null;
  answeredBy: string | null;
}
interface WorkResult {
  id: string;
  disputed: boolean;
  openDisputes: Dispute[];
  shares: { holderId: string; shareBps: number }[];
}

const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
const DISPUTES_PER_DAY = 4;

/**
 * Society A's admin claims, for A's member Mika, the recording of Vera (a member of society B):
 * the holders' side is Vera and B's admin, the claimant's side Mika and A's admin.
 */
describe('disputes', () => {
  let sut: TestService;
  const operator = TEST_OPERATOR;
  let adminA: Caller;
  let adminB: Caller;
  let mika: Caller;
  let vera: Caller;
  let isrc = 0;

  const party = (input: Record<string, unknown>) => registeredParty(sut, input);

  const registerWork = (holderId: string, identifier: string, caller: Caller) =>
    sut.graphql<{ registerWork: WorkResult }>(
      REGISTER_WORK,
      {
        input: {
          title: `Recording ${identifier}`,
          category: WorkCategory.MUSIC,
          identifiers: [{ scheme: IdentifierScheme.ISRC, value: identifier }],
          shares: [{ holderId, rightType: RightType.PERFORMANCE, shareBps: 10_000 }],
        },
      },
      caller,
    );

  /** A work of `holder` and a claim on it by `claimFor`, registered by `claimant`. */
  async function disputedWork(
    holder: Caller,
    claimFor: string,
    claimant: Caller,
  ): Promise<{ workId: string; dispute: Dispute }> {
    const identifier = `JP-D00-26-${String(++isrc).padStart(5, '0')}`;
    const original = await registerWork(holder.partyId, identifier, holder);
    expect(original.errors).toBeUndefined();
    const claim = await registerWork(claimFor, identifier, claimant);
    expect(claim.errors).toBeUndefined();
    const work = claim.data!.registerWork;
    expect(work.id).toBe(original.data!.registerWork.id);
    return { workId: work.id, dispute: work.openDisputes[0]! };
  }

  const resolve = (disputeId: string, acceptClaim: boolean, caller: Caller) =>
    sut.graphql<{ resolveDispute: WorkResult }>(
      RESOLVE,
      { input: { disputeId, acceptClaim, resolution: 'decided on the contracts shown' } },
      caller,
    );

  const workById = async (id: string) =>
    (
      await sut.graphql<{ work: WorkResult }>(
        `query ($id: ID!) { work(id: $id) { ${WORK_FIELDS} } }`,
        { id },
        operator,
      )
    ).data!.work;

  beforeAll(async () => {
    sut = await startTestService(rightsRegistryApp, {
      DISPUTES_PER_DAY: String(DISPUTES_PER_DAY),
    });
    const societyA = await party({ kind: PartyKind.SOCIETY, name: 'Society A' });
    const societyB = await party({ kind: PartyKind.SOCIETY, name: 'Society B' });
    adminA = { role: Role.SOCIETY_ADMIN, partyId: societyA };
    adminB = { role: Role.SOCIETY_ADMIN, partyId: societyB };
    mika = {
      role: Role.RIGHT_HOLDER,
      partyId: await party({
        kind: PartyKind.RIGHT_HOLDER,
        name: 'Mika',
        memberOfSocietyId: societyA,
      }),
    };
    vera = {
      role: Role.RIGHT_HOLDER,
      partyId: await party({
        kind: PartyKind.RIGHT_HOLDER,
        name: 'Vera',
        memberOfSocietyId: societyB,
      }),
    };
  });

  afterAll(async () => {
    await sut?.close();
  });

  it("should not let the claimant's society settle the claim it opened, and leave the victim's share where it was", async () => {
    const { workId, dispute } = await disputedWork(vera, mika.partyId, adminA);
    expect(dispute).toMatchObject({ claimantId: mika.partyId, openedBy: adminA.partyId });

    const hijack = await resolve(dispute.id, true, adminA);
    expect(codeOf(hijack)).toBe('FORBIDDEN');
    expect(hijack.errors![0]!.message).toContain("never the claimant's side");
    expect(codeOf(await resolve(dispute.id, true, mika))).toBe('FORBIDDEN');
    const unrelated = await party({ kind: PartyKind.SOCIETY, name: 'Unrelated' });
    expect(
      codeOf(await resolve(dispute.id, true, { role: Role.SOCIETY_ADMIN, partyId: unrelated })),
    ).toBe('FORBIDDEN');
    expect((await workById(workId)).shares).toEqual([{ holderId: vera.partyId, shareBps: 10_000 }]);

    const rejected = await resolve(dispute.id, false, adminB);
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.resolveDispute).toMatchObject({ disputed: false, openDisputes: [] });
    expect(rejected.data!.resolveDispute.shares).toEqual([
      { holderId: vera.partyId, shareBps: 10_000 },
    ]);
  });

  it('should leave a dispute to the operator when the society has members on both sides', async () => {
    const ren: Caller = {
      role: Role.RIGHT_HOLDER,
      partyId: await party({
        kind: PartyKind.RIGHT_HOLDER,
        name: 'Ren',
        memberOfSocietyId: adminA.partyId,
      }),
    };
    const { dispute } = await disputedWork(ren, mika.partyId, mika);
    expect(dispute).toMatchObject({ claimantId: mika.partyId, openedBy: mika.partyId });
    expect(codeOf(await resolve(dispute.id, true, adminA))).toBe('FORBIDDEN');
    const settled = await resolve(dispute.id, true, operator);
    expect(settled.errors).toBeUndefined();
    expect(settled.data!.resolveDispute.shares).toEqual([
      { holderId: mika.partyId, shareBps: 10_000 },
    ]);
  });

  it("should let the claimant's side withdraw its claim, shares unchanged, and tell the other services", async () => {
    const { workId, dispute } = await disputedWork(vera, mika.partyId, adminA);
    for (const caller of [vera, adminB]) {
      expect(codeOf(await sut.graphql(WITHDRAW, { id: dispute.id }, caller))).toBe('FORBIDDEN');
    }
    const withdrawn = await sut.graphql<{ withdrawDispute: WorkResult }>(
      WITHDRAW,
      { id: dispute.id },
      mika,
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.withdrawDispute).toMatchObject({
      id: workId,
      disputed: false,
      shares: [{ holderId: vera.partyId, shareBps: 10_000 }],
    });
    expect(codeOf(await sut.graphql(WITHDRAW, { id: dispute.id }, mika))).toBe('CONFLICT');
    expect(codeOf(await resolve(dispute.id, true, operator))).toBe('CONFLICT');
    expect(codeOf(await sut.graphql(WITHDRAW, { id: randomUUID() }, mika))).toBe('NOT_FOUND');

    const resolutions = await sut.app.get(DataSourceToken).query<{ resolution: string }[]>(
      `SELECT value->'payload'->>'resolution' AS resolution FROM eventlog.events
          WHERE value->>'type' = 'registry.work.dispute-resolved' AND value->'payload'->>'disputeId' = $1`,
      [dispute.id],
    );
    expect(resolutions.map((row) => row.resolution)).toEqual([
      `claim withdrawn by party ${mika.partyId}`,
    ]);
  });

  it('should show anonymous callers that a work is disputed, but not who claims it', async () => {
    const lia: Caller = {
      role: Role.RIGHT_HOLDER,
      partyId: await party({ kind: PartyKind.RIGHT_HOLDER, name: 'Lia' }),
    };
    await disputedWork(vera, lia.partyId, lia);
    const found = await sut.graphql<{
      searchWorks: { disputed: boolean; openDisputes: Dispute[] }[];
    }>(`query ($q: String!) { searchWorks(query: $q) { disputed openDisputes { claimantId } } }`, {
      q: `JP-D00-26-${String(isrc).padStart(5, '0')}`,
    });
    expect(found.errors).toBeUndefined();
    expect(found.data!.searchWorks).toEqual([{ disputed: true, openDisputes: [] }]);
  });

  it("should keep the holders' side's answer on the dispute, from a holder or its society's admin only", async () => {
    const { dispute } = await disputedWork(vera, mika.partyId, adminA);
    const answer = (text: string, caller: Caller) =>
      sut.graphql<{ answerDispute: WorkResult }>(
        ANSWER,
        { input: { disputeId: dispute.id, answer: text } },
        caller,
      );
    for (const caller of [mika, adminA]) {
      expect(codeOf(await answer('it is ours', caller))).toBe('FORBIDDEN');
    }
    const byVera = await answer('Registered in 2019; the master contract is with me.', vera);
    expect(byVera.errors).toBeUndefined();
    expect(byVera.data!.answerDispute.openDisputes[0]).toMatchObject({
      answer: 'Registered in 2019; the master contract is with me.',
      answeredBy: vera.partyId,
    });
    const bySociety = await answer('Society B confirms the registration of 2019.', adminB);
    expect(bySociety.data!.answerDispute.openDisputes[0]).toMatchObject({
      answer: 'Society B confirms the registration of 2019.',
      answeredBy: adminB.partyId,
    });
    expect(codeOf(await answer('   ', vera))).toBe('BAD_USER_INPUT');
  });

  it('should refuse a party past its daily disputes, storing nothing, and show the operator who opened how many', async () => {
    const spammer: Caller = {
      role: Role.RIGHT_HOLDER,
      partyId: await party({ kind: PartyKind.RIGHT_HOLDER, name: 'Spammer' }),
    };
    for (let n = 0; n < DISPUTES_PER_DAY; n++) {
      await disputedWork(vera, spammer.partyId, spammer);
    }
    const identifier = `JP-D00-26-${String(++isrc).padStart(5, '0')}`;
    const victimWork = (await registerWork(vera.partyId, identifier, vera)).data!.registerWork;
    const refused = await registerWork(spammer.partyId, identifier, spammer);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toContain(
      `at most ${DISPUTES_PER_DAY} disputes may be opened in 24 hours`,
    );
    expect(await workById(victimWork.id)).toMatchObject({ disputed: false, openDisputes: [] });
    // The operator may still register the claim for the holder.
    expect((await registerWork(spammer.partyId, identifier, operator)).errors).toBeUndefined();

    const openers = await sut.graphql<{
      disputeOpeners: { openerId: string; opener: { name: string }; opened: number }[];
    }>(OPENERS, {}, operator);
    expect(openers.errors).toBeUndefined();
    expect(openers.data!.disputeOpeners[0]).toMatchObject({
      openerId: spammer.partyId,
      opener: { name: 'Spammer' },
      opened: DISPUTES_PER_DAY,
      stillOpen: DISPUTES_PER_DAY,
      withdrawn: 0,
    });
    expect(codeOf(await sut.graphql(OPENERS, {}, adminB))).toBe('FORBIDDEN');
    expect(codeOf(await sut.graphql(OPENERS, { since: 'yesterday' }, operator))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('should count disputes opened for a claimant by its society admin against the claimant too', async () => {
    const kai: Caller = {
      role: Role.RIGHT_HOLDER,
      partyId: await party({
        kind: PartyKind.RIGHT_HOLDER,
        name: 'Kai',
        memberOfSocietyId: adminA.partyId,
      }),
    };
    for (let n = 0; n < DISPUTES_PER_DAY; n++) {
      await disputedWork(vera, kai.partyId, kai);
    }
    const identifier = `JP-D00-26-${String(++isrc).padStart(5, '0')}`;
    await registerWork(vera.partyId, identifier, vera);
    expect(codeOf(await registerWork(kai.partyId, identifier, adminA))).toBe('FORBIDDEN');
  });

  /** Society S (member Hana) and society T (member Haru) hold a work; Chie claims it. */
  async function twoSocietyWork(shares: { holderId: string; shareBps: number }[]) {
    const societyS = await party({ kind: PartyKind.SOCIETY, name: 'Society S' });
    const societyT = await party({ kind: PartyKind.SOCIETY, name: 'Society T' });
    const holder = async (name: string, memberOfSocietyId?: string): Promise<Caller> => ({
      role: Role.RIGHT_HOLDER,
      partyId: await party({ kind: PartyKind.RIGHT_HOLDER, name, memberOfSocietyId }),
    });
    const h1 = await holder('Hana', societyS);
    const h2 = await holder('Haru', societyT);
    const chie = await holder('Chie');
    const identifier = `JP-D00-26-${String(++isrc).padStart(5, '0')}`;
    const work = await sut.graphql<{ registerWork: WorkResult }>(
      REGISTER_WORK,
      {
        input: {
          title: `Recording ${identifier}`,
          category: WorkCategory.MUSIC,
          identifiers: [{ scheme: IdentifierScheme.ISRC, value: identifier }],
          shares: shares.map((share) => ({
            holderId: share.holderId === 'H1' ? h1.partyId : h2.partyId,
            rightType: RightType.PERFORMANCE,
            shareBps: share.shareBps,
          })),
        },
      },
      operator,
    );
    expect(work.errors).toBeUndefined();
    return {
      workId: work.data!.registerWork.id,
      identifier,
      h1,
      h2,
      chie,
      adminS: { role: Role.SOCIETY_ADMIN, partyId: societyS } as Caller,
      adminT: { role: Role.SOCIETY_ADMIN, partyId: societyT } as Caller,
    };
  }

  const claim = async (
    identifier: string,
    shares: { holderId: string; shareBps: number }[],
    caller: Caller,
  ) => {
    const result = await sut.graphql<{ registerWork: WorkResult }>(
      REGISTER_WORK,
      {
        input: {
          title: `Recording ${identifier}`,
          category: WorkCategory.MUSIC,
          identifiers: [{ scheme: IdentifierScheme.ISRC, value: identifier }],
          shares: shares.map((share) => ({ ...share, rightType: RightType.PERFORMANCE })),
        },
      },
      caller,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.registerWork.openDisputes[0]!;
  };

  it("should keep a society on the claimant's side after it ends the claimant's membership", async () => {
    const { identifier, h1, h2, chie, adminS, adminT } = await twoSocietyWork([
      { holderId: 'H1', shareBps: 5000 },
      { holderId: 'H2', shareBps: 5000 },
    ]);
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    const membership = { partyId: chie.partyId, societyId: adminS.partyId, memberFrom: monthAgo };
    const CHANGE =
      'mutation ($input: ChangeMembershipInput!) { changeMembership(input: $input) { isMember } }';
    const joined = await sut.graphql(
      CHANGE,
      { input: { ...membership, memberTo: null } },
      operator,
    );
    expect(joined.errors).toBeUndefined();

    const dispute = await claim(identifier, [{ holderId: chie.partyId, shareBps: 10_000 }], chie);
    const ended = await sut.graphql<{ changeMembership: { isMember: boolean } }>(
      CHANGE,
      { input: { ...membership, memberTo: today } },
      adminS,
    );
    expect(ended.errors).toBeUndefined();
    expect(ended.data!.changeMembership.isMember).toBe(false);

    const bySociety = await resolve(dispute.id, true, adminS);
    expect(codeOf(bySociety)).toBe('FORBIDDEN');
    const settled = await resolve(dispute.id, false, adminT);
    expect(settled.errors).toBeUndefined();
    expect(settled.data!.resolveDispute.shares.map((s) => s.holderId).sort()).toEqual(
      [h1.partyId, h2.partyId].sort(),
    );
  });

  it("should keep a current holder named in a claim on the holders' side", async () => {
    const { workId, identifier, h1, h2, chie, adminT } = await twoSocietyWork([
      { holderId: 'H1', shareBps: 10_000 },
    ]);
    const dispute = await claim(
      identifier,
      [
        { holderId: chie.partyId, shareBps: 9999 },
        { holderId: h2.partyId, shareBps: 1 },
      ],
      chie,
    );
    // Haru becomes a holder while the claim is open.
    const shared = await sut.graphql(
      'mutation ($input: UpdateWorkSharesInput!) { updateWorkShares(input: $input) { id } }',
      {
        input: {
          workId,
          shares: [
            { holderId: h1.partyId, rightType: RightType.PERFORMANCE, shareBps: 5000 },
            { holderId: h2.partyId, rightType: RightType.PERFORMANCE, shareBps: 5000 },
          ],
        },
      },
      h1,
    );
    expect(shared.errors).toBeUndefined();

    const answer = (caller: Caller) =>
      sut.graphql(
        ANSWER,
        { input: { disputeId: dispute.id, answer: 'Haru holds half since the contract' } },
        caller,
      );
    expect((await answer(h2)).errors).toBeUndefined();
    expect((await answer(adminT)).errors).toBeUndefined();
    expect(codeOf(await answer(chie))).toBe('FORBIDDEN');
    const settled = await resolve(dispute.id, false, adminT);
    expect(settled.errors).toBeUndefined();
    expect(settled.data!.resolveDispute.disputed).toBe(false);
  });

  it('should settle a dispute only once no share change of its work is under way', async () => {
    const { workId, identifier, chie } = await twoSocietyWork([
      { holderId: 'H1', shareBps: 10_000 },
    ]);
    const dispute = await claim(identifier, [{ holderId: chie.partyId, shareBps: 10_000 }], chie);
    const runner = sut.app.get(DataSourceToken).createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    let settledEarly = false;
    try {
      // A share change holds the work's lock.
      await runner.query('SELECT id FROM "rights_registry"."works" WHERE id = $1 FOR UPDATE', [
        workId,
      ]);
      const settling = resolve(dispute.id, false, operator).then((result) => {
        settledEarly = true;
        return result;
      });
      // Settling waits for the work's lock: PostgreSQL shows a session waiting on a lock.
      const waitingOnLock = async () =>
        (
          await sut.app.get(DataSourceToken).query<{ waiting: number }[]>(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )
        )[0]!.waiting > 0;
      for (let tries = 0; !(await waitingOnLock()); tries += 1) {
        if (tries > 200) throw new Error('settling never waited for the work’s lock');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(settledEarly).toBe(false);
      await runner.commitTransaction();
      expect((await settling).errors).toBeUndefined();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
