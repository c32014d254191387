import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '#libs/auth';
import { ACCESS_SCENARIOS, PARTIES } from '../domain/endpoint-access.scenarios.js';
import {
  codeOf,
  ENDPOINT_FIELDS,
  startEndpoints,
  type EndpointView,
  type EndpointsFixture,
} from '../testing/endpoints.fixture.js';

interface Page {
  edges: { node: EndpointView; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

describe('webhookEndpoints, webhookEndpoint, webhookEventTypes', () => {
  let fx: EndpointsFixture;
  const made: Record<'platformA' | 'platformB' | 'society', string[]> = {
    platformA: [],
    platformB: [],
    society: [],
  };

  beforeAll(async () => {
    fx = await startEndpoints();
    for (let i = 0; i < 3; i++) {
      made.platformA.push((await fx.endpointOf(fx.callers.platformA)).id);
    }
    made.platformB.push((await fx.endpointOf(fx.callers.platformB)).id);
    made.society.push((await fx.endpointOf(fx.callers.society)).id);
  });

  afterAll(async () => {
    await fx?.close();
  });

  const list = (caller: Caller | null, args: Record<string, unknown> = {}) =>
    fx.sut.graphql<{ webhookEndpoints: Page }>(
      `query ($ownerId: ID, $first: Int, $after: String) {
         webhookEndpoints(ownerId: $ownerId, first: $first, after: $after) {
           edges { node { ${ENDPOINT_FIELDS} } cursor } pageInfo { hasNextPage endCursor } totalCount } }`,
      args,
      caller,
    );
  const one = (id: string, caller: Caller) =>
    fx.sut.graphql<{ webhookEndpoint: EndpointView }>(
      `query ($id: ID!) { webhookEndpoint(id: $id) { ${ENDPOINT_FIELDS} } }`,
      { id },
      caller,
    );

  // The SQL twin of mayManageEndpoint, on the same table of scenarios as its unit test.
  it.each(ACCESS_SCENARIOS.filter((s) => s.sees.length > 0))(
    'should list for $name exactly the endpoints of the owners it sees',
    async (scenario) => {
      const result = await list(scenario.caller, { first: 100 });
      expect(result.errors).toBeUndefined();
      const expected = scenario.sees.flatMap((owner) => made[owner]);
      const listed = result.data!.webhookEndpoints.edges.map((edge) => edge.node.id);
      expect([...listed].sort()).toEqual([...expected].sort());
      expect(result.data!.webhookEndpoints.totalCount).toBe(expected.length);
    },
  );

  it('should refuse right holders and anonymous callers', async () => {
    expect(codeOf(await list(fx.callers.holder))).toBe('FORBIDDEN');
    expect(codeOf(await list(null))).toBe('UNAUTHENTICATED');
  });

  it('should list newest first in pages with stable cursors', async () => {
    const first = await list(fx.callers.platformA, { first: 2 });
    const page1 = first.data!.webhookEndpoints;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((edge) => edge.node.id)).toEqual([made.platformA[2], made.platformA[1]]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await list(fx.callers.platformA, { first: 2, after: page1.pageInfo.endCursor }))
      .data!.webhookEndpoints;
    expect(page2.edges.map((edge) => edge.node.id)).toEqual([made.platformA[0]]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(codeOf(await list(fx.callers.platformA, { after: 'nonsense!' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await list(fx.callers.platformA, { first: 0 }))).toBe('BAD_USER_INPUT');
  });

  it('should let the operator name an owner, and list nothing of another owner for others', async () => {
    const operator = await list(fx.callers.operator, { ownerId: PARTIES.society });
    expect(operator.data!.webhookEndpoints.edges.map((edge) => edge.node.id)).toEqual(made.society);
    const other = await list(fx.callers.platformA, { ownerId: PARTIES.platformB });
    expect(other.data!.webhookEndpoints).toMatchObject({ edges: [], totalCount: 0 });
  });

  it('should show one endpoint to its owner and the operator, NOT_FOUND to others', async () => {
    const id = made.platformA[0]!;
    expect((await one(id, fx.callers.platformA)).data!.webhookEndpoint.id).toBe(id);
    expect((await one(id, fx.callers.operator)).data!.webhookEndpoint.id).toBe(id);
    expect(codeOf(await one(id, fx.callers.platformB))).toBe('NOT_FOUND');
    expect(codeOf(await one(id, fx.callers.society))).toBe('NOT_FOUND');
  });

  it('should give each kind of party its event types', async () => {
    const types = async (caller: Caller) =>
      (await fx.sut.graphql<{ webhookEventTypes: string[] }>('{ webhookEventTypes }', {}, caller))
        .data!.webhookEventTypes;
    expect(await types(fx.callers.platformA)).toEqual([
      'license.revoked',
      'license.granted',
      'usage-report.processed',
    ]);
    expect(await types(fx.callers.society)).toEqual([
      'batch.calculated',
      'batch.approved',
      'claim.settled',
    ]);
    expect(await types(fx.callers.operator)).toHaveLength(6);
  });
});
