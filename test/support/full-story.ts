import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { caughtUp, eventually } from './service-processes.js';
import { graphqlAt } from './graphql.js';

/** A running clearinghouse: its gateway and the services behind it. */
export interface RunningSystem {
  gatewayUrl: string;
  services: { name: string; url: string }[];
  stop(): Promise<unknown>;
}

/**
 * Today (UTC) when the suite loaded: the story's first day, the day its works are registered.
 * Usage of that day, before the registration hour, is paid to the works' holders (a work's first
 * share version reaches back: rights exist before they are registered).
 */
const TODAY = (() => {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
})();
const day = (offset: number) => new Date(TODAY + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The whole story of the clearinghouse, told through the gateway only, as its users would:
 * a society and its ECL scheme; a member and non-members registering works (one with a share
 * left unclaimed); a platform licensing them, one title unidentified; a non-member opting out,
 * which denies the next request and revokes the license; usage reported by CSV; a batch
 * calculated and approved; statements and reserves that reconcile to the unit.
 *
 * The amounts are worked out by hand (DESIGN.md, distribution algorithm). Pool 100,000 JPY, admin
 * fee 10% = 10,000, distributable D = 90,000. STREAM weight 1, so points = quantity x share bps
 * (Night Drive's 300 streams are of the day it was registered: its holder's, not UNCLAIMED):
 *   Night Drive     member 10000 bps x 500  = 5,000,000  -> 40909 (remainder 1,000,000)
 *   夜明けのうた    member  7000 bps x 200  = 1,400,000  -> 11454 (remainder 6,000,000) + 1
 *                   UNCLAIMED 3000 x 200    =   600,000  ->  4909 (remainder 1,000,000)
 *   Blue Horizon    non-member 10000 x 300  = 3,000,000  -> 24545 (remainder 5,000,000)
 *   unidentified    10000 x 100             = 1,000,000  ->  8181 (remainder 9,000,000) + 1
 * total 11,000,000; floors sum to 89,998; the two units left go to the largest remainders.
 * The opted-out work's line falls after its license was revoked and is refused.
 */
export function describeFullStory(
  mode: string,
  start: (databaseUrl: string, env: Record<string, string>) => Promise<RunningSystem>,
): void {
  describe(`the whole story (${mode})`, () => {
    let database: TestDatabase;
    let system: RunningSystem;
    const secret = randomBytes(32).toString('hex');
    const tokens = new Tokens(secret);
    const as = (role: Role, partyId: string) => tokens.issue({ role, partyId }, 3600);
    let operator: string;
    const ids: Record<string, string> = {};
    const licenses: Record<string, string> = {};
    let batchId: string;
    /** The approved batch's totals, in minor units. */
    let totals: Record<'pool' | 'adminFee' | 'payable' | 'held' | 'reserved', bigint>;

    async function graphql<T = Record<string, never>>(
      token: string | undefined,
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<T> {
      const body = await graphqlAt<T>(system.gatewayUrl, query, variables, token);
      expect(body.errors).toBeUndefined();
      return body.data!;
    }
    /** Waits until every service has applied every event published so far. */
    const settled = () => Promise.all(system.services.map((service) => caughtUp(service)));

    beforeAll(async () => {
      database = await createTestDatabase();
      system = await start(database.url, {
        AUTH_JWT_SECRET: secret,
        EVENT_POLL_INTERVAL_MS: '200',
      });
      operator = await as(Role.OPERATOR, randomUUID());
    });

    afterAll(async () => {
      await system?.stop();
      await database?.drop();
    });

    it('sets up a society with its ECL scheme, a platform and right holders', async () => {
      const register = async (input: Record<string, unknown>) =>
        (
          await graphql<{ registerParty: { id: string } }>(
            operator,
            'mutation ($input: RegisterPartyInput!) { registerParty(input: $input) { id } }',
            { input },
          )
        ).registerParty.id;
      ids.society = await register({ kind: 'SOCIETY', name: 'さくら音楽著作権協会' });
      ids.platform = await register({ kind: 'PLATFORM', name: 'Sakura Video' });
      ids.member = await register({
        kind: 'RIGHT_HOLDER',
        name: '山田 花子',
        country: 'JP',
        memberOfSocietyId: ids.society,
      });
      ids.nonMember = await register({ kind: 'RIGHT_HOLDER', name: 'Alex Miller', country: 'US' });
      ids.optingOut = await register({ kind: 'RIGHT_HOLDER', name: '田中 ゆい', country: 'JP' });
      await settled();

      const admin = await as(Role.SOCIETY_ADMIN, ids.society);
      const { createEclScheme } = await graphql<{
        createEclScheme: { id: string; unitRate: { amountMinor: string; currency: string } };
      }>(
        admin,
        `
          mutation ($society: ID!) {
            createEclScheme(
              input: {
                societyId: $society
                category: MUSIC
                useTypes: [STREAM]
                territories: ["JP"]
                rightType: MAKING_AVAILABLE
                unitRateMinor: "2"
                currency: "JPY"
                coversUnidentified: true
                weights: [{ useType: STREAM, weight: 1 }]
              }
            ) {
              id
              unitRate {
                amountMinor
                currency
              }
            }
          }
        `,
        { society: ids.society },
      );
      expect(createEclScheme.unitRate).toEqual({ amountMinor: '2', currency: 'JPY' });
    });

    it('lets member and non-member holders register their works with shares', async () => {
      const registerWork = async (holder: string, input: Record<string, unknown>) =>
        (
          await graphql<{ registerWork: { id: string } }>(
            await as(Role.RIGHT_HOLDER, holder),
            'mutation ($input: RegisterWorkInput!) { registerWork(input: $input) { id } }',
            { input: { idempotencyKey: randomUUID(), category: 'MUSIC', ...input } },
          )
        ).registerWork.id;
      const share = (holderId: string, shareBps: number) => ({
        holderId,
        rightType: 'MAKING_AVAILABLE',
        shareBps,
      });
      ids.nightDrive = await registerWork(ids.member!, {
        title: 'Night Drive',
        identifiers: [{ scheme: 'ISRC', value: 'JP-S01-26-00001' }],
        shares: [share(ids.member!, 10_000)],
      });
      // 30% of this one is not claimed by anyone yet.
      ids.dawnSong = await registerWork(ids.member!, {
        title: '夜明けのうた',
        creatorNames: ['山田 花子'],
        shares: [share(ids.member!, 7000)],
      });
      ids.blueHorizon = await registerWork(ids.nonMember!, {
        title: 'Blue Horizon',
        shares: [share(ids.nonMember!, 10_000)],
      });
      ids.cherryRain = await registerWork(ids.optingOut!, {
        title: '桜の雨',
        shares: [share(ids.optingOut!, 10_000)],
      });
      await settled();

      const { searchWorks } = await graphql<{ searchWorks: { id: string; title: string }[] }>(
        undefined,
        'query { searchWorks(query: "夜明け") { id title } }',
      );
      expect(searchWorks).toContainEqual({ id: ids.dawnSong, title: '夜明けのうた' });
    });

    it('licenses a platform under ECL, by id, identifier and title, and an unidentified title', async () => {
      const platform = await as(Role.PLATFORM, ids.platform!);
      const { requestUse } = await graphql<{
        requestUse: {
          items: {
            decision: string;
            work: { id: string } | null;
            license: { id: string; status: string; unidentifiedReference: string | null } | null;
            price: { amountMinor: string; currency: string } | null;
          }[];
        };
      }>(
        platform,
        `
          mutation ($input: RequestUseInput!) {
            requestUse(input: $input) {
              items {
                decision
                work {
                  id
                }
                license {
                  id
                  status
                  unidentifiedReference
                }
                price {
                  amountMinor
                  currency
                }
              }
            }
          }
        `,
        {
          input: {
            idempotencyKey: randomUUID(),
            items: [
              item({ identifier: { scheme: 'ISRC', value: 'JPS012600001' } }),
              item({ title: '夜明けのうた', creatorName: '山田花子' }),
              item({ workId: ids.blueHorizon }),
              item({ title: '桜の雨', category: 'MUSIC' }),
              item({ title: 'ミッドナイト・ラジオ (unreleased demo)', category: 'MUSIC' }, 500),
              { ...item({ workId: ids.nightDrive }), useType: 'DOWNLOAD' },
            ],
          },
        },
      );
      expect(requestUse.items.map((granted) => granted.decision)).toEqual([
        'GRANTED_ECL',
        'GRANTED_ECL',
        'GRANTED_ECL',
        'GRANTED_ECL',
        'GRANTED_ECL_UNIDENTIFIED',
        'OUT_OF_SCOPE',
      ]);
      expect(requestUse.items.slice(0, 4).map((granted) => granted.work?.id)).toEqual([
        ids.nightDrive,
        ids.dawnSong,
        ids.blueHorizon,
        ids.cherryRain,
      ]);
      // The tariff: 2 JPY a unit of expected use.
      expect(requestUse.items[0]!.price).toEqual({ amountMinor: '2000', currency: 'JPY' });
      expect(requestUse.items[4]!.license!.unidentifiedReference).toBeTruthy();
      expect(requestUse.items[5]!.license).toBeNull();
      ['nightDrive', 'dawnSong', 'blueHorizon', 'cherryRain', 'unidentified'].forEach(
        (name, index) => (licenses[name] = requestUse.items[index]!.license!.id),
      );
    });

    it('denies the next request once a non-member opts out, and revokes its license', async () => {
      const { registerOptOut } = await graphql<{ registerOptOut: { id: string } }>(
        await as(Role.RIGHT_HOLDER, ids.optingOut!),
        'mutation ($holder: ID!) { registerOptOut(input: { holderId: $holder, scope: ALL_WORKS }) { id } }',
        { holder: ids.optingOut },
      );
      expect(registerOptOut.id).toBeTruthy();
      await settled();

      const platform = await as(Role.PLATFORM, ids.platform!);
      const { requestUse } = await graphql<{
        requestUse: {
          items: { decision: string; license: unknown; contactHolders: { id: string }[] }[];
        };
      }>(
        platform,
        `
          mutation ($input: RequestUseInput!) {
            requestUse(input: $input) {
              items {
                decision
                license {
                  id
                }
                contactHolders {
                  id
                }
              }
            }
          }
        `,
        {
          input: {
            idempotencyKey: randomUUID(),
            items: [item({ workId: ids.cherryRain })],
          },
        },
      );
      expect(requestUse.items[0]).toEqual({
        decision: 'DENIED_OPTED_OUT',
        license: null,
        contactHolders: [{ id: ids.optingOut }],
      });
      await eventually(async () => {
        const { license } = await graphql<{ license: { status: string } }>(
          platform,
          'query ($id: ID!) { license(id: $id) { status } }',
          { id: licenses.cherryRain },
        );
        return license.status === 'REVOKED';
      });
      const { optOutStatus } = await graphql<{ optOutStatus: { optedOut: boolean } }>(
        undefined,
        `
          query ($work: ID!, $at: String!) {
            optOutStatus(workId: $work, useType: STREAM, at: $at) {
              optedOut
            }
          }
        `,
        // In force from now: at the start of tomorrow, the first day it applies to whole.
        { work: ids.cherryRain, at: `${day(1)}T00:00:00Z` },
      );
      expect(optOutStatus.optedOut).toBe(true);
    });

    it('takes the platform’s usage report as CSV, once, and says which lines it refused', async () => {
      await settled();
      const csv = [
        'licenseId,workId,identifier,title,useType,territory,quantity,usageDate',
        `${licenses.nightDrive},${ids.nightDrive},,,STREAM,JP,300,${day(0)}`,
        `${licenses.nightDrive},${ids.nightDrive},,,STREAM,JP,200,${day(1)}`,
        `${licenses.dawnSong},${ids.dawnSong},,,STREAM,JP,200,${day(2)}`,
        `${licenses.blueHorizon},,,Blue Horizon,STREAM,JP,300,${day(3)}`,
        `${licenses.cherryRain},${ids.cherryRain},,,STREAM,JP,100,${day(4)}`,
        `${licenses.unidentified},,,ミッドナイト・ラジオ (unreleased demo),STREAM,JP,100,${day(5)}`,
      ].join('\n');
      const platformToken = await as(Role.PLATFORM, ids.platform!);
      const upload = () =>
        fetch(`${system.gatewayUrl}/v1/usage-reports?periodStart=${day(0)}&periodEnd=${day(7)}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${platformToken}`,
            'content-type': 'text/csv',
            'idempotency-key': `usage-${day(0)}`,
          },
          body: csv,
        });
      const first = await upload();
      expect(first.status).toBe(201);
      const report = (await first.json()) as {
        id: string;
        linesAccepted: number;
        linesRejected: number;
        linesUnidentified: number;
        errors: { line: number; reason: string }[];
      };
      expect(report).toMatchObject({ linesAccepted: 5, linesRejected: 1, linesUnidentified: 1 });
      expect(report.errors).toEqual([
        { line: 6, reason: expect.stringContaining('the license was revoked from') },
      ]);
      // A retry (same Idempotency-Key) returns the same report and counts nothing twice.
      expect(((await (await upload()).json()) as { id: string }).id).toBe(report.id);
    });

    it('calculates and approves a batch for the society', async () => {
      const admin = await as(Role.SOCIETY_ADMIN, ids.society!);
      const { createDistributionBatch } = await graphql<{
        createDistributionBatch: { id: string };
      }>(
        admin,
        `
          mutation ($start: String!, $end: String!) {
            createDistributionBatch(
              input: {
                periodStart: $start
                periodEnd: $end
                category: MUSIC
                poolAmountMinor: "100000"
                currency: "JPY"
                adminFeeBps: 1000
              }
            ) {
              id
            }
          }
        `,
        { start: day(0), end: day(7) },
      );
      batchId = createDistributionBatch.id;
      await graphql(admin, 'mutation ($id: ID!) { calculateDistributionBatch(id: $id) { id } }', {
        id: batchId,
      });
      await eventually(async () => {
        const { distributionBatch } = await graphql<{
          distributionBatch: { status: string; calculation: { state: string; error: string } };
        }>(
          admin,
          'query ($id: ID!) { distributionBatch(id: $id) { status calculation { state error } } }',
          {
            id: batchId,
          },
        );
        expect(distributionBatch.calculation.state).not.toBe('FAILED');
        return distributionBatch.status === 'CALCULATED';
      }, 60_000);
      const { approveDistributionBatch } = await graphql<{
        approveDistributionBatch: Record<string, unknown>;
      }>(
        admin,
        `
          mutation ($id: ID!) {
            approveDistributionBatch(id: $id) {
              status
              pool {
                amountMinor
              }
              adminFee {
                amountMinor
              }
              allocatedTotal {
                amountMinor
              }
              payableTotal {
                amountMinor
              }
              heldTotal {
                amountMinor
              }
              reservedTotal {
                amountMinor
              }
              exceptions
              checksum
            }
          }
        `,
        { id: batchId },
      );
      expect(approveDistributionBatch).toMatchObject({
        status: 'APPROVED',
        pool: { amountMinor: '100000' },
        adminFee: { amountMinor: '10000' },
        payableTotal: { amountMinor: '52364' },
        heldTotal: { amountMinor: '24545' },
        allocatedTotal: { amountMinor: '76909' },
        reservedTotal: { amountMinor: '13091' },
        checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const minor = (field: string) =>
        BigInt((approveDistributionBatch[field] as { amountMinor: string }).amountMinor);
      totals = {
        pool: minor('pool'),
        adminFee: minor('adminFee'),
        payable: minor('payableTotal'),
        held: minor('heldTotal'),
        reserved: minor('reservedTotal'),
      };
      expect(totals.adminFee + totals.payable + totals.held + totals.reserved).toBe(totals.pool);
      expect(minor('allocatedTotal')).toBe(totals.payable + totals.held);
    });

    it('shows members payable, non-members held, unclaimed and unidentified reserved, reconciled to the unit', async () => {
      const statementOf = async (holder: string) =>
        (
          await graphql<{
            statement: {
              totalPayable: { amountMinor: string };
              totalHeld: { amountMinor: string };
              totalReserved: { amountMinor: string };
              lines: { workKey: string; amount: { amountMinor: string }; status: string }[];
            };
          }>(
            await as(Role.RIGHT_HOLDER, holder),
            `
              query ($batch: ID!, $holder: ID!) {
                statement(batchId: $batch, holderId: $holder) {
                  totalPayable {
                    amountMinor
                  }
                  totalHeld {
                    amountMinor
                  }
                  totalReserved {
                    amountMinor
                  }
                  lines {
                    workKey
                    amount {
                      amountMinor
                    }
                    status
                  }
                }
              }
            `,
            { batch: batchId, holder },
          )
        ).statement;
      const member = await statementOf(ids.member!);
      expect(member.totalPayable.amountMinor).toBe('52364');
      expect(member.totalHeld.amountMinor).toBe('0');
      expect(sortByWork(member.lines)).toEqual(
        sortByWork([
          { workKey: ids.nightDrive!, amount: { amountMinor: '40909' }, status: 'PAYABLE' },
          { workKey: ids.dawnSong!, amount: { amountMinor: '11455' }, status: 'PAYABLE' },
        ]),
      );
      const nonMember = await statementOf(ids.nonMember!);
      expect(nonMember.totalPayable.amountMinor).toBe('0');
      expect(nonMember.totalHeld.amountMinor).toBe('24545');
      expect(nonMember.lines).toEqual([
        { workKey: ids.blueHorizon, amount: { amountMinor: '24545' }, status: 'HELD' },
      ]);

      // The reserve is public: anyone can see what is waiting to be claimed.
      const { reserves } = await graphql<{
        reserves: {
          edges: { node: { workKey: string; reason: string; amount: { amountMinor: string } } }[];
        };
      }>(
        undefined,
        'query ($batch: ID!) { reserves(filter: { batchId: $batch }) { edges { node { workKey reason amount { amountMinor } } } } }',
        { batch: batchId },
      );
      const reserved = reserves.edges.map(({ node }) => node);
      expect(reserved).toContainEqual({
        workKey: ids.dawnSong,
        reason: 'UNCLAIMED',
        amount: { amountMinor: '4909' },
      });
      expect(reserved).toContainEqual(
        expect.objectContaining({ reason: 'UNIDENTIFIED', amount: { amountMinor: '8182' } }),
      );
      const publicReserve = reserved.filter(({ reason }) => reason !== 'NON_MEMBER');
      expect(publicReserve).toHaveLength(2);
      expect(sum(publicReserve.map(({ amount }) => amount.amountMinor))).toBe(totals.reserved);
      expect(BigInt(member.totalPayable.amountMinor)).toBe(totals.payable);
      expect(BigInt(nonMember.totalHeld.amountMinor)).toBe(totals.held);

      // Every allocation, exported through the gateway, adds up to the distributable amount.
      const admin = await as(Role.SOCIETY_ADMIN, ids.society!);
      const exported = await fetch(
        `${system.gatewayUrl}/v1/distribution-batches/${batchId}/allocations.csv`,
        { headers: { authorization: `Bearer ${admin}` } },
      );
      expect(exported.status).toBe(200);
      const rows = (await exported.text()).trim().split('\n').slice(1);
      expect(rows).toHaveLength(5);
      expect(sum(rows.map((row) => row.split(',')[3]!))).toBe(totals.pool - totals.adminFee);
    });
  });
}

/** A use-request item: streaming in Japan for thirty days from today. */
const item = (what: Record<string, unknown>, expectedQuantity = 1000) => ({
  ...what,
  useType: 'STREAM',
  territory: 'JP',
  from: day(0),
  to: day(30),
  expectedQuantity,
});

const sum = (amounts: string[]) => amounts.reduce((total, amount) => total + BigInt(amount), 0n);

const sortByWork = <T extends { workKey: string }>(lines: T[]) =>
  [...lines].sort((a, b) => a.workKey.localeCompare(b.workKey));
