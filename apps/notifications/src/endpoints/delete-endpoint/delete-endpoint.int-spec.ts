import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '#libs/auth';
import { codeOf, startEndpoints, type EndpointsFixture } from '../testing/endpoints.fixture.js';

describe('deleteWebhookEndpoint', () => {
  let fx: EndpointsFixture;

  beforeAll(async () => {
    fx = await startEndpoints();
  });

  afterAll(async () => {
    await fx?.close();
  });

  const remove = (id: string, caller: Caller) =>
    fx.sut.graphql<{ deleteWebhookEndpoint: boolean }>(
      'mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }',
      { id },
      caller,
    );
  const count = async (table: string, column: string, id: string) =>
    (
      await fx.dataSource.query<[{ n: number }]>(
        `SELECT count(*)::int AS n FROM "notifications"."${table}" WHERE "${column}" = $1`,
        [id],
      )
    )[0].n;

  it('should remove the endpoint and its secrets, cancel its pending deliveries and keep the log', async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA);
    await fx.publish(fx.parties.platformA);
    await fx.dataSource.query(
      `UPDATE "notifications"."webhook_deliveries" SET "status" = 'SUCCEEDED' WHERE "endpoint_id" = $1`,
      [endpoint.id],
    );
    await fx.publish(fx.parties.platformA);
    const result = await remove(endpoint.id, fx.callers.platformA);
    expect(result.errors).toBeUndefined();
    expect(result.data!.deleteWebhookEndpoint).toBe(true);
    expect(await count('webhook_endpoints', 'id', endpoint.id)).toBe(0);
    expect(await count('webhook_secrets', 'endpoint_id', endpoint.id)).toBe(0);
    const statuses = await fx.dataSource.query<{ status: string }[]>(
      `SELECT "status" FROM "notifications"."webhook_deliveries" WHERE "endpoint_id" = $1 ORDER BY "id"`,
      [endpoint.id],
    );
    expect(statuses.map((row) => row.status)).toEqual(['SUCCEEDED', 'CANCELLED']);
    // Deleting it again (a retry) answers the same and changes nothing; others still NOT_FOUND.
    expect((await remove(endpoint.id, fx.callers.platformA)).data!.deleteWebhookEndpoint).toBe(
      true,
    );
    expect(codeOf(await remove(endpoint.id, fx.callers.platformB))).toBe('NOT_FOUND');
    const one = await fx.sut.graphql(
      'query ($id: ID!) { webhookEndpoint(id: $id) { id } }',
      { id: endpoint.id },
      fx.callers.platformA,
    );
    expect(codeOf(one)).toBe('NOT_FOUND');
  });

  it("should not delete another platform's endpoint", async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA);
    expect(codeOf(await remove(endpoint.id, fx.callers.platformB))).toBe('NOT_FOUND');
    expect(codeOf(await remove(endpoint.id, fx.callers.society))).toBe('NOT_FOUND');
    expect(codeOf(await remove(endpoint.id, fx.callers.holder))).toBe('FORBIDDEN');
    expect(codeOf(await remove('00000000-0000-4000-8000-000000000999', fx.callers.operator))).toBe(
      'NOT_FOUND',
    );
    expect(await count('webhook_endpoints', 'id', endpoint.id)).toBe(1);
    expect((await remove(endpoint.id, fx.callers.operator)).data!.deleteWebhookEndpoint).toBe(true);
  });
});
