import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema } from 'graphql';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import type { Standalone } from '../apps/standalone/src/start-standalone.js';
import { graphqlAt } from './support/graphql.js';
import { eventually } from './support/service-processes.js';
import { startTestStandalone } from './support/systems.js';
import { setUpTenants, WHO, type Tenants, type Who } from './support/tenants.js';

type Ids = Tenants['ids'];
type Outcome = 'passes' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'INTERNAL' | 'INVALID';

interface Rule {
  service: string;
  document: string;
  variables?: (ids: Ids) => Record<string, unknown>;
  /** Roles the operation admits; 'ANYONE' for operations open to anonymous callers. */
  roles: Role[] | 'ANYONE';
  /** Who, among the callers holding those roles, may act on tenant A's object named. */
  allowed: Who[];
  /** What the others holding an admitted role get: NOT_FOUND unless the object is theirs to see. */
  wrongTenant?: 'NOT_FOUND' | 'FORBIDDEN';
}

const { OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER, PLATFORM } = Role;
const SIGNED_IN = Object.values(Role);
const SIGNED_IN_WHO = WHO.filter((who) => who !== 'ANONYMOUS');
const ROLE_OF: Record<Exclude<Who, 'ANONYMOUS'>, Role> = {
  OPERATOR,
  ADMIN_A: SOCIETY_ADMIN,
  ADMIN_B: SOCIETY_ADMIN,
  HOLDER_A: RIGHT_HOLDER,
  HOLDER_B: RIGHT_HOLDER,
  PLATFORM_A: PLATFORM,
  PLATFORM_B: PLATFORM,
};
const line = (ids: Ids) => ({
  licenseId: ids.licenseA,
  useType: 'STREAM',
  territory: 'JP',
  quantity: 1,
  usageDate: ids.from,
});

/**
 * Who may call each operation of the composed API on tenant A's objects (DESIGN.md "Roles"),
 * written out by hand: a change of the rules is a change of this table. Callers of tenant B
 * holding an admitted role get NOT_FOUND for tenant A's objects (what they may not see does not
 * exist for them), and FORBIDDEN where they act in the name of a party or on an object they may
 * see (parties, works and their disputes are visible to every signed-in caller). An allowed caller may still meet a business refusal (CONFLICT for a batch
 * already approved): that passes the access check.
 */
const MATRIX: Record<string, Rule> = {
  rightsRegistryInfo: {
    service: 'rights-registry',
    document: '{ rightsRegistryInfo { name } }',
    roles: [OPERATOR],
    allowed: ['OPERATOR'],
  },
  party: {
    service: 'rights-registry',
    document: 'query ($id: ID!) { party(id: $id) { id } }',
    variables: (ids) => ({ id: ids.holderA }),
    roles: SIGNED_IN,
    allowed: SIGNED_IN_WHO,
  },
  me: {
    service: 'rights-registry',
    document: '{ me { id } }',
    roles: SIGNED_IN,
    // The operator acts for no registered party: its "me" is empty.
    allowed: SIGNED_IN_WHO,
  },
  work: {
    service: 'rights-registry',
    document: 'query ($id: ID!) { work(id: $id) { id } }',
    variables: (ids) => ({ id: ids.workA }),
    roles: SIGNED_IN,
    allowed: SIGNED_IN_WHO,
  },
  works: {
    service: 'rights-registry',
    document: '{ works(first: 1) { pageInfo { hasNextPage } } }',
    roles: SIGNED_IN,
    allowed: SIGNED_IN_WHO,
  },
  searchWorks: {
    service: 'rights-registry',
    document: '{ searchWorks(query: "Tenant") { id } }',
    roles: 'ANYONE',
    allowed: [...WHO],
  },
  matchWorks: {
    service: 'rights-registry',
    document: '{ matchWorks(query: "Tenant") { work { id } method score } }',
    roles: 'ANYONE',
    allowed: [...WHO],
  },
  registerParty: {
    service: 'rights-registry',
    document: `mutation ($society: ID!) {
      registerParty(input: { kind: RIGHT_HOLDER, name: "New member", memberOfSocietyId: $society }) { id }
    }`,
    variables: (ids) => ({ society: ids.societyA }),
    roles: [OPERATOR, SOCIETY_ADMIN],
    allowed: ['OPERATOR', 'ADMIN_A'],
    wrongTenant: 'FORBIDDEN',
  },
  changeMembership: {
    service: 'rights-registry',
    // Society A ends its member's membership earlier: no consent needed to shorten it.
    document: `mutation ($party: ID!, $society: ID!, $from: String!) {
      changeMembership(input: { partyId: $party, societyId: $society, memberFrom: $from, memberTo: "2100-01-01" }) { id }
    }`,
    variables: (ids) => ({ party: ids.holderA, society: ids.societyA, from: ids.today }),
    roles: [OPERATOR, SOCIETY_ADMIN],
    allowed: ['OPERATOR', 'ADMIN_A'],
    wrongTenant: 'FORBIDDEN',
  },
  membershipOffers: {
    service: 'rights-registry',
    document: '{ membershipOffers { id } }',
    roles: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
    allowed: ['OPERATOR', 'ADMIN_A', 'ADMIN_B', 'HOLDER_A', 'HOLDER_B'],
  },
  acceptMembership: {
    service: 'rights-registry',
    document: 'mutation ($id: ID!) { acceptMembership(offerId: $id) { id } }',
    variables: (ids) => ({ id: ids.offerA }),
    roles: [RIGHT_HOLDER],
    allowed: ['HOLDER_A'],
  },
  declineMembership: {
    service: 'rights-registry',
    document: 'mutation ($id: ID!) { declineMembership(offerId: $id) { id } }',
    variables: (ids) => ({ id: ids.offerA }),
    roles: [RIGHT_HOLDER],
    allowed: ['HOLDER_A'],
  },
  updateParty: {
    service: 'rights-registry',
    document:
      'mutation ($id: ID!) { updateParty(input: { partyId: $id, name: "Holder A" }) { id } }',
    variables: (ids) => ({ id: ids.holderA }),
    roles: SIGNED_IN,
    allowed: ['OPERATOR', 'ADMIN_A', 'HOLDER_A'],
    wrongTenant: 'FORBIDDEN',
  },
  registerWork: {
    service: 'rights-registry',
    document: `mutation ($holder: ID!) {
      registerWork(input: { title: "Another A song", category: MUSIC,
        shares: [{ holderId: $holder, rightType: MAKING_AVAILABLE, shareBps: 10000 }] }) { id }
    }`,
    variables: (ids) => ({ holder: ids.holderA }),
    roles: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
    allowed: ['OPERATOR', 'ADMIN_A', 'HOLDER_A'],
    wrongTenant: 'FORBIDDEN',
  },
  registerWorks: {
    service: 'rights-registry',
    document: `mutation ($holder: ID!) {
      registerWorks(input: { works: [{ title: "Batch A song", category: MUSIC,
        shares: [{ holderId: $holder, rightType: MAKING_AVAILABLE, shareBps: 10000 }] }] }) { id }
    }`,
    variables: (ids) => ({ holder: ids.holderA }),
    roles: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
    allowed: ['OPERATOR', 'ADMIN_A', 'HOLDER_A'],
    wrongTenant: 'FORBIDDEN',
  },
  updateWorkShares: {
    service: 'rights-registry',
    document: `mutation ($work: ID!, $holder: ID!) {
      updateWorkShares(input: { workId: $work, effectiveFrom: "2030-01-01T00:00:00Z",
        shares: [{ holderId: $holder, rightType: MAKING_AVAILABLE, shareBps: 7000 }] }) { id }
    }`,
    variables: (ids) => ({ work: ids.workA, holder: ids.holderA }),
    roles: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
    allowed: ['OPERATOR', 'ADMIN_A', 'HOLDER_A'],
    wrongTenant: 'FORBIDDEN',
  },
  updateWork: {
    service: 'rights-registry',
    document: `mutation ($work: ID!) {
      updateWork(input: { workId: $work, alternativeTitles: [{ title: "Another name" }] }) { id }
    }`,
    variables: (ids) => ({ work: ids.workA }),
    roles: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
    allowed: ['OPERATOR', 'ADMIN_A', 'HOLDER_A'],
    wrongTenant: 'FORBIDDEN',
  },
  resolveDispute: {
    service: 'rights-registry',
    document: `mutation ($id: ID!) {
      resolveDispute(input: { disputeId: $id, acceptClaim: false, resolution: "A holds it" }) { id }
    }`,
    variables: (ids) => ({ id: ids.disputeA }),
    roles: [OPERATOR, SOCIETY_ADMIN],
    allowed: ['OPERATOR', 'ADMIN_A'],
    wrongTenant: 'FORBIDDEN',
  },
  answerDispute: {
    service: 'rights-registry',
    document: `mutation ($id: ID!) { answerDispute(input: { disputeId: $id, answer: "It is ours" }) { id } }`,
    variables: (ids) => ({ id: ids.disputeA }),
    roles: [SOCIETY_ADMIN, RIGHT_HOLDER],
    // The side that would lose answers: the current holder and its society.
    allowed: ['ADMIN_A', 'HOLDER_A'],
    wrongTenant: 'FORBIDDEN',
  },
  withdrawDispute: {
    service: 'rights-registry',
    document: 'mutation ($id: ID!) { withdrawDispute(disputeId: $id) { id } }',
    variables: (ids) => ({ id: ids.disputeA }),
    roles: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
    // The claimant's side withdraws its claim.
    allowed: ['OPERATOR', 'ADMIN_B', 'HOLDER_B'],
    wrongTenant: 'FORBIDDEN',
  },
  disputeOpeners: {
    service: 'rights-registry',
    document: '{ disputeOpeners { openerId } }',
    roles: [OPERATOR],
    allowed: ['OPERATOR'],
  },
  disputes: {
    service: 'rights-registry',
    // Each caller gets the disputes it may see (a platform none): never refused.
    document: '{ disputes(first: 1) { totalCount edges { node { id viewerCanAnswer } } } }',
    roles: SIGNED_IN,
    allowed: SIGNED_IN_WHO,
  },
  authorizationInfo: {
    service: 'authorization',
    document: '{ authorizationInfo { name } }',
    roles: [OPERATOR],
    allowed: ['OPERATOR'],
  },
  eclSchemes: {
    service: 'authorization',
    document: '{ eclSchemes { id } }',
    roles: 'ANYONE',
    allowed: [...WHO],
  },
  useRequest: {
    service: 'authorization',
    document: 'query ($id: ID!) { useRequest(id: $id) { id } }',
    variables: (ids) => ({ id: ids.useRequestA }),
    roles: [PLATFORM, OPERATOR],
    allowed: ['OPERATOR', 'PLATFORM_A'],
  },
  license: {
    service: 'authorization',
    document: 'query ($id: ID!) { license(id: $id) { id } }',
    variables: (ids) => ({ id: ids.licenseA }),
    roles: [PLATFORM, OPERATOR, SOCIETY_ADMIN],
    allowed: ['OPERATOR', 'ADMIN_A', 'PLATFORM_A'],
  },
  licenses: {
    service: 'authorization',
    document: '{ licenses(first: 1) { pageInfo { hasNextPage } } }',
    roles: [PLATFORM, OPERATOR, SOCIETY_ADMIN],
    allowed: ['OPERATOR', 'ADMIN_A', 'ADMIN_B', 'PLATFORM_A', 'PLATFORM_B'],
  },
  apiKeys: {
    service: 'authorization',
    document: 'query ($platform: ID!) { apiKeys(platformId: $platform) { id } }',
    variables: (ids) => ({ platform: ids.platformA }),
    roles: [PLATFORM, OPERATOR],
    allowed: ['OPERATOR', 'PLATFORM_A'],
  },
  createEclScheme: {
    service: 'authorization',
    document: `mutation ($society: ID!) {
      createEclScheme(input: { societyId: $society, category: BOOK, useTypes: [ONLINE_READING],
        territories: ["JP"], rightType: REPRODUCTION, unitRateMinor: "1", currency: "JPY",
        coversUnidentified: false }) { id }
    }`,
    variables: (ids) => ({ society: ids.societyA }),
    roles: [OPERATOR, SOCIETY_ADMIN],
    allowed: ['OPERATOR', 'ADMIN_A'],
    wrongTenant: 'FORBIDDEN',
  },
  updateEclScheme: {
    service: 'authorization',
    document: `mutation ($id: ID!) {
      updateEclScheme(input: { schemeId: $id, useTypes: [STREAM], territories: ["JP"],
        unitRateMinor: "2", currency: "JPY", coversUnidentified: true, active: true, weights: [{ useType: STREAM, weight: 1 }] }) { id }
    }`,
    variables: (ids) => ({ id: ids.schemeA }),
    roles: [OPERATOR, SOCIETY_ADMIN],
    allowed: ['OPERATOR', 'ADMIN_A'],
    wrongTenant: 'FORBIDDEN',
  },
  requestUse: {
    service: 'authorization',
    document: `mutation ($work: ID!, $from: String!, $to: String!) {
      requestUse(input: { idempotencyKey: "${randomUUID()}", items: [{ workId: $work,
        useType: STREAM, territory: "JP", from: $from, to: $to, expectedQuantity: 1 }] }) { id }
    }`,
    variables: (ids) => ({ work: ids.workA, from: ids.from, to: ids.to }),
    roles: [PLATFORM],
    allowed: ['PLATFORM_A', 'PLATFORM_B'],
  },
  createApiKey: {
    service: 'authorization',
    document: `mutation ($platform: ID!) { createApiKey(input: { name: "k", platformId: $platform }) { secret } }`,
    variables: (ids) => ({ platform: ids.platformA }),
    roles: [PLATFORM, OPERATOR],
    allowed: ['OPERATOR', 'PLATFORM_A'],
    wrongTenant: 'FORBIDDEN',
  },
  revokeApiKey: {
    service: 'authorization',
    document: 'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }',
    variables: (ids) => ({ id: ids.apiKeyA }),
    roles: [PLATFORM, OPERATOR],
    allowed: ['OPERATOR', 'PLATFORM_A'],
  },
  optOutInfo: {
    service: 'opt-out',
    document: '{ optOutInfo { name } }',
    roles: [OPERATOR],
    allowed: ['OPERATOR'],
  },
  optOuts: {
    service: 'opt-out',
    document: 'query ($holder: ID!) { optOuts(holderId: $holder) { id } }',
    variables: (ids) => ({ holder: ids.holderA }),
    roles: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
    allowed: ['OPERATOR', 'ADMIN_A', 'HOLDER_A'],
  },
  optOut: {
    service: 'opt-out',
    document: 'query ($id: ID!) { optOut(id: $id) { id } }',
    variables: (ids) => ({ id: ids.optOutA }),
    roles: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
    allowed: ['OPERATOR', 'ADMIN_A', 'HOLDER_A'],
  },
  optOutRegister: {
    service: 'opt-out',
    document: '{ optOutRegister(first: 1) { pageInfo { hasNextPage } } }',
    roles: 'ANYONE',
    allowed: [...WHO],
  },
  optOutStatus: {
    service: 'opt-out',
    document: 'query ($work: ID!) { optOutStatus(workId: $work) { optedOut } }',
    variables: (ids) => ({ work: ids.workA }),
    roles: 'ANYONE',
    allowed: [...WHO],
  },
  registerOptOut: {
    service: 'opt-out',
    document: `mutation ($holder: ID!, $work: ID!) {
      registerOptOut(input: { holderId: $holder, scope: WORK, workId: $work, useTypes: [BROADCAST] }) { id }
    }`,
    variables: (ids) => ({ holder: ids.holderA, work: ids.workA }),
    roles: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
    allowed: ['OPERATOR', 'ADMIN_A', 'HOLDER_A'],
    wrongTenant: 'FORBIDDEN',
  },
  withdrawOptOut: {
    service: 'opt-out',
    document: 'mutation ($id: ID!) { withdrawOptOut(id: $id) { id } }',
    variables: (ids) => ({ id: ids.optOutA }),
    roles: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
    allowed: ['OPERATOR', 'ADMIN_A', 'HOLDER_A'],
  },
  royaltyDistributionInfo: {
    service: 'royalty-distribution',
    document: '{ royaltyDistributionInfo { name } }',
    roles: [OPERATOR],
    allowed: ['OPERATOR'],
  },
  notificationsInfo: {
    service: 'notifications',
    document: '{ notificationsInfo { name } }',
    roles: [OPERATOR],
    allowed: ['OPERATOR'],
  },
  webhookEventTypes: {
    service: 'notifications',
    document: '{ webhookEventTypes }',
    roles: [OPERATOR, SOCIETY_ADMIN, PLATFORM],
    allowed: ['OPERATOR', 'ADMIN_A', 'ADMIN_B', 'PLATFORM_A', 'PLATFORM_B'],
  },
  webhookEndpoints: {
    service: 'notifications',
    // A list: staff of another party list nothing of platform A's.
    document: 'query ($owner: ID!) { webhookEndpoints(ownerId: $owner, first: 1) { totalCount } }',
    variables: (ids) => ({ owner: ids.platformA }),
    roles: [OPERATOR, SOCIETY_ADMIN, PLATFORM],
    allowed: ['OPERATOR', 'ADMIN_A', 'ADMIN_B', 'PLATFORM_A', 'PLATFORM_B'],
  },
  webhookEndpoint: {
    service: 'notifications',
    document: `query ($id: ID!) {
      webhookEndpoint(id: $id) { id secrets { id } deliveries(first: 1) { totalCount } }
    }`,
    variables: (ids) => ({ id: ids.endpointA }),
    roles: [OPERATOR, SOCIETY_ADMIN, PLATFORM],
    allowed: ['OPERATOR', 'PLATFORM_A'],
  },
  createWebhookEndpoint: {
    service: 'notifications',
    document: `mutation ($owner: ID!) {
      createWebhookEndpoint(input: { url: "http://127.0.0.1:9/matrix", ownerId: $owner }) { endpoint { id } }
    }`,
    variables: (ids) => ({ owner: ids.platformA }),
    roles: [OPERATOR, SOCIETY_ADMIN, PLATFORM],
    allowed: ['OPERATOR', 'PLATFORM_A'],
    wrongTenant: 'FORBIDDEN',
  },
  updateWebhookEndpoint: {
    service: 'notifications',
    document: `mutation ($id: ID!) {
      updateWebhookEndpoint(input: { id: $id, description: "matrix" }) { id }
    }`,
    variables: (ids) => ({ id: ids.endpointA }),
    roles: [OPERATOR, SOCIETY_ADMIN, PLATFORM],
    allowed: ['OPERATOR', 'PLATFORM_A'],
  },
  rotateWebhookSecret: {
    service: 'notifications',
    document: `mutation ($id: ID!) {
      rotateWebhookSecret(input: { id: $id, overlapHours: 1 }) { endpoint { id } }
    }`,
    variables: (ids) => ({ id: ids.endpointA }),
    roles: [OPERATOR, SOCIETY_ADMIN, PLATFORM],
    allowed: ['OPERATOR', 'PLATFORM_A'],
  },
  sendWebhookTest: {
    service: 'notifications',
    document: 'mutation ($id: ID!) { sendWebhookTest(endpointId: $id) { id } }',
    variables: (ids) => ({ id: ids.endpointA }),
    roles: [OPERATOR, SOCIETY_ADMIN, PLATFORM],
    allowed: ['OPERATOR', 'PLATFORM_A'],
  },
  redeliverWebhookMessage: {
    service: 'notifications',
    document: 'mutation ($id: String!) { redeliverWebhookMessage(deliveryId: $id) { id } }',
    variables: (ids) => ({ id: ids.deliveryA }),
    roles: [OPERATOR, SOCIETY_ADMIN, PLATFORM],
    allowed: ['OPERATOR', 'PLATFORM_A'],
  },
  redeliverWebhookMessages: {
    service: 'notifications',
    document: `mutation ($id: ID!, $from: String!, $to: String!) {
      redeliverWebhookMessages(input: { endpointId: $id, from: $from, to: $to }) { count }
    }`,
    variables: (ids) => ({
      id: ids.endpointA,
      from: `${ids.today}T00:00:00Z`,
      to: new Date(Date.parse(`${ids.today}T00:00:00Z`) + 2 * 86_400_000).toISOString(),
    }),
    roles: [OPERATOR, SOCIETY_ADMIN, PLATFORM],
    allowed: ['OPERATOR', 'PLATFORM_A'],
  },
  // Deleting again is a retry: it answers as the first time did for whoever may.
  deleteWebhookEndpoint: {
    service: 'notifications',
    document: 'mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }',
    variables: (ids) => ({ id: ids.endpointToDeleteA }),
    roles: [OPERATOR, SOCIETY_ADMIN, PLATFORM],
    allowed: ['OPERATOR', 'PLATFORM_A'],
  },
  usageReport: {
    service: 'royalty-distribution',
    document: 'query ($id: ID!) { usageReport(id: $id) { id } }',
    variables: (ids) => ({ id: ids.usageReportA }),
    roles: [PLATFORM, OPERATOR],
    allowed: ['OPERATOR', 'PLATFORM_A'],
  },
  distributionBatch: {
    service: 'royalty-distribution',
    document: 'query ($id: ID!) { distributionBatch(id: $id) { id } }',
    variables: (ids) => ({ id: ids.batchA }),
    roles: [OPERATOR, SOCIETY_ADMIN],
    allowed: ['OPERATOR', 'ADMIN_A'],
  },
  statement: {
    service: 'royalty-distribution',
    document:
      'query ($batch: ID!, $holder: ID!) { statement(batchId: $batch, holderId: $holder) { batchId } }',
    variables: (ids) => ({ batch: ids.batchA, holder: ids.holderA }),
    roles: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
    allowed: ['OPERATOR', 'ADMIN_A', 'HOLDER_A'],
  },
  statements: {
    service: 'royalty-distribution',
    // A list: callers admitted by role list what they may read (tenant B's callers: nothing).
    document:
      'query ($holder: ID!) { statements(filter: { holderId: $holder }, first: 1) { totalCount totals { currency } } }',
    variables: (ids) => ({ holder: ids.holderA }),
    roles: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
    allowed: ['OPERATOR', 'ADMIN_A', 'ADMIN_B', 'HOLDER_A', 'HOLDER_B'],
  },
  claims: {
    service: 'royalty-distribution',
    document:
      'query ($holder: ID!) { claims(filter: { holderId: $holder }, first: 1) { totalCount } }',
    variables: (ids) => ({ holder: ids.holderA }),
    roles: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
    allowed: ['OPERATOR', 'ADMIN_A', 'ADMIN_B', 'HOLDER_A', 'HOLDER_B'],
  },
  reserves: {
    service: 'royalty-distribution',
    document:
      '{ reserves(first: 1, filter: { query: "Tenant A Song" }) { totalCount pageInfo { hasNextPage } } }',
    roles: 'ANYONE',
    allowed: [...WHO],
  },
  submitUsageReport: {
    service: 'royalty-distribution',
    document: `mutation ($input: SubmitUsageReportInput!) { submitUsageReport(input: $input) { id } }`,
    variables: (ids) => ({
      input: {
        idempotencyKey: randomUUID(),
        periodStart: ids.from,
        periodEnd: ids.to,
        lines: [line(ids)],
      },
    }),
    roles: [PLATFORM],
    allowed: ['PLATFORM_A', 'PLATFORM_B'],
  },
  createDistributionBatch: {
    service: 'royalty-distribution',
    document: `mutation ($society: ID!) {
      createDistributionBatch(input: { periodStart: "2020-01-01", periodEnd: "2020-02-01",
        category: MUSIC, currency: "JPY", adminFeeBps: 0, societyId: $society }) { id }
    }`,
    variables: (ids) => ({ society: ids.societyA }),
    roles: [OPERATOR, SOCIETY_ADMIN],
    allowed: ['OPERATOR', 'ADMIN_A'],
    wrongTenant: 'FORBIDDEN',
  },
  calculateDistributionBatch: {
    service: 'royalty-distribution',
    document: 'mutation ($id: ID!) { calculateDistributionBatch(id: $id) { id } }',
    variables: (ids) => ({ id: ids.batchA }),
    roles: [OPERATOR, SOCIETY_ADMIN],
    allowed: ['OPERATOR', 'ADMIN_A'],
  },
  approveDistributionBatch: {
    service: 'royalty-distribution',
    document: 'mutation ($id: ID!) { approveDistributionBatch(id: $id) { id } }',
    variables: (ids) => ({ id: ids.batchA }),
    roles: [OPERATOR, SOCIETY_ADMIN],
    allowed: ['OPERATOR', 'ADMIN_A'],
  },
  claimReserve: {
    service: 'royalty-distribution',
    document: `mutation ($reserve: ID!, $holder: ID!) {
      claimReserve(input: { reserveId: $reserve, holderId: $holder, evidence: "mine" }) { id }
    }`,
    variables: (ids) => ({ reserve: ids.reserveA, holder: ids.holderA }),
    roles: [RIGHT_HOLDER, SOCIETY_ADMIN, OPERATOR],
    allowed: ['OPERATOR', 'ADMIN_A', 'HOLDER_A'],
  },
  settleClaim: {
    service: 'royalty-distribution',
    document: 'mutation ($id: ID!) { settleClaim(input: { claimId: $id, approve: false }) { id } }',
    variables: (ids) => ({ id: ids.claimA }),
    roles: [SOCIETY_ADMIN, OPERATOR],
    allowed: ['OPERATOR', 'ADMIN_A'],
  },
  closeDistributionBatch: {
    service: 'royalty-distribution',
    document: 'mutation ($id: ID!) { closeDistributionBatch(id: $id) { id } }',
    variables: (ids) => ({ id: ids.batchA }),
    roles: [OPERATOR, SOCIETY_ADMIN],
    allowed: ['OPERATOR', 'ADMIN_A'],
  },
  // batchA is approved (closed by the row above): allowed callers are refused with CONFLICT, as
  // it cannot be cancelled, which passes the access check and changes nothing.
  cancelDistributionBatch: {
    service: 'royalty-distribution',
    document: 'mutation ($id: ID!) { cancelDistributionBatch(id: $id) { id } }',
    variables: (ids) => ({ id: ids.batchA }),
    roles: [OPERATOR, SOCIETY_ADMIN],
    allowed: ['OPERATOR', 'ADMIN_A'],
  },
  releaseReserves: {
    service: 'royalty-distribution',
    document: 'mutation { releaseReserves(asOf: "2000-01-01") }',
    roles: [OPERATOR],
    allowed: ['OPERATOR'],
  },
};

function expectedOutcome(rule: Rule, who: Who): Outcome {
  if (rule.allowed.includes(who)) return 'passes';
  if (who === 'ANONYMOUS') return 'UNAUTHENTICATED';
  const admitted = rule.roles === 'ANYONE' || rule.roles.includes(ROLE_OF[who]);
  return admitted ? (rule.wrongTenant ?? 'NOT_FOUND') : 'FORBIDDEN';
}

const ACCESS_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

function outcomeOf(result: { errors?: { extensions?: { code?: string } }[] }): Outcome {
  const codes = (result.errors ?? []).map((error) => error.extensions?.code ?? 'INTERNAL');
  const access = codes.find((code) => ACCESS_CODES.has(code));
  if (access) return access as Outcome;
  // A document the schema refuses proves nothing about access: the table must be mended.
  if (codes.some((code) => code.startsWith('GRAPHQL_'))) return 'INVALID';
  if (codes.some((code) => code === 'INTERNAL_SERVER_ERROR' || code === 'INTERNAL')) {
    return 'INTERNAL';
  }
  return 'passes';
}

describe('role x operation x tenant matrix', () => {
  const secret = randomBytes(32).toString('hex');
  let database: TestDatabase;
  let sut: Standalone;
  let tenants: Tenants;

  beforeAll(async () => {
    database = await createTestDatabase();
    sut = await startTestStandalone(database.url, {
      AUTH_JWT_SECRET: secret,
      RATE_LIMIT_PER_MINUTE: '0',
      EVENT_POLL_INTERVAL_MS: '200',
      WEBHOOK_ALLOW_LOOPBACK: 'true',
    });
    tenants = await setUpTenants(sut, secret);
  });

  afterAll(async () => {
    await sut?.stop();
    await database?.drop();
  });

  it('should have a rule for every query and mutation of the composed API', () => {
    const schema = buildSchema(readFileSync('apps/gateway/supergraph.graphql', 'utf8'), {
      assumeValidSDL: true,
    });
    const operations = [schema.getQueryType()!, schema.getMutationType()!]
      .flatMap((type) => Object.keys(type.getFields()))
      .filter((name) => !name.startsWith('_'))
      .sort();
    expect(Object.keys(MATRIX).sort()).toEqual(operations);
  });

  it('should resolve caller-dependent fields of another subgraph with the real caller', async () => {
    const document = `query ($id: ID!) {
      license(id: $id) { work { shares { holderId holder { name ipiNameNumber } } } }
    }`;
    const asOperator = await graphqlAt<{
      license: { work: { shares: { holderId: string; holder: { name: string } }[] } };
    }>(sut.gatewayUrl, document, { id: tenants.ids.licenseA }, tenants.tokens.OPERATOR);
    expect(asOperator.errors).toBeUndefined();
    expect(asOperator.data!.license.work.shares).toEqual([
      { holderId: tenants.ids.holderA, holder: { name: 'Holder A', ipiNameNumber: '00014107338' } },
    ]);
    // The platform holding the license sees who holds the work, not the holder's IPI number.
    const asPlatform = await graphqlAt<typeof asOperator.data>(
      sut.gatewayUrl,
      document,
      { id: tenants.ids.licenseA },
      tenants.tokens.PLATFORM_A,
    );
    expect(asPlatform.data!.license.work.shares).toEqual([
      { holderId: tenants.ids.holderA, holder: { name: 'Holder A', ipiNameNumber: null } },
    ]);
  });

  for (const via of ['gateway', 'subgraph'] as const) {
    it(`should let exactly the allowed callers act on tenant A's objects, via the ${via}`, async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const [name, rule] of Object.entries(MATRIX)) {
        const url =
          via === 'gateway'
            ? sut.gatewayUrl
            : sut.services.find((service) => service.name === rule.service)!.url;
        for (const who of WHO) {
          const token = who === 'ANONYMOUS' ? undefined : tenants.tokens[who];
          const result = await graphqlAt(
            url,
            rule.document,
            rule.variables?.(tenants.ids) ?? {},
            token,
          );
          outcomes.push(`${name} ${who}: ${outcomeOf(result)}`);
          // Straight at a subgraph, no anonymous request is answered (only the gateway's).
          const anonymousStraight = via === 'subgraph' && who === 'ANONYMOUS';
          expected.push(
            `${name} ${who}: ${anonymousStraight ? 'UNAUTHENTICATED' : expectedOutcome(rule, who)}`,
          );
        }
      }
      expect(outcomes).toEqual(expected);
    });
  }

  // Last: it revokes a license of platform A (holder B opts out of every work).
  it('should list a license revoked since an instant only to its platform and its society, via the gateway and the subgraph', async () => {
    const { PLATFORM_A, HOLDER_B } = tenants.tokens;
    const requested = await graphqlAt<{ requestUse: { items: { license: { id: string } }[] } }>(
      sut.gatewayUrl,
      `mutation ($input: RequestUseInput!) { requestUse(input: $input) { items { license { id } } } }`,
      {
        input: {
          idempotencyKey: randomUUID(),
          items: [
            {
              workId: tenants.ids.workB,
              useType: 'STREAM',
              territory: 'JP',
              from: tenants.ids.from,
              to: tenants.ids.to,
              expectedQuantity: 1,
            },
          ],
        },
      },
      PLATFORM_A,
    );
    const licenseId = requested.data!.requestUse.items[0]!.license.id;
    const since = new Date().toISOString();
    const optedOut = await graphqlAt(
      sut.gatewayUrl,
      `mutation ($holder: ID!) { registerOptOut(input: { holderId: $holder, scope: ALL_WORKS }) { id } }`,
      { holder: tenants.ids.holderB },
      HOLDER_B,
    );
    expect(optedOut.errors).toBeUndefined();
    const revokedSince = async (url: string, who: Exclude<Who, 'ANONYMOUS'>) => {
      const result = await graphqlAt<{ licenses: { edges: { node: { id: string } }[] } }>(
        url,
        'query ($since: String!) { licenses(filter: { revokedSince: $since }) { edges { node { id } } } }',
        { since },
        tenants.tokens[who],
      );
      expect(result.errors).toBeUndefined();
      return result.data!.licenses.edges.map((edge) => edge.node.id);
    };
    await eventually(async () => (await revokedSince(sut.gatewayUrl, 'OPERATOR')).length > 0);
    const subgraph = sut.services.find((service) => service.name === 'authorization')!.url;
    for (const url of [sut.gatewayUrl, subgraph]) {
      const seen: Record<string, string[]> = {};
      for (const who of ['OPERATOR', 'ADMIN_A', 'ADMIN_B', 'PLATFORM_A', 'PLATFORM_B'] as const)
        seen[who] = await revokedSince(url, who);
      expect(seen).toEqual({
        OPERATOR: [licenseId],
        ADMIN_A: [licenseId],
        ADMIN_B: [],
        PLATFORM_A: [licenseId],
        PLATFORM_B: [],
      });
    }
  });
});
