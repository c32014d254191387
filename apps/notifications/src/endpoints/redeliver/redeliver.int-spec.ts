import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '#libs/auth';
import {
  codeOf,
  DELIVERY_FIELDS,
  messageOf,
  startEndpoints,
  type DeliveryView,
  type EndpointsFixture,
} from '../testing/endpoints.fixture.js';

interface Log {
  edges: { node: DeliveryView; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

describe('redelivery and the delivery log', () => {
  let fx: EndpointsFixture;

  beforeAll(async () => {
    fx = await startEndpoints();
  });

  afterAll(async () => {
    await fx?.close();
  });

  const redeliverOne = (deliveryId: string, caller: Caller) =>
    fx.sut.graphql<{ redeliverWebhookMessage: DeliveryView }>(
      `mutation ($id: String!) { redeliverWebhookMessage(deliveryId: $id) { ${DELIVERY_FIELDS} } }`,
      { id: deliveryId },
      caller,
    );
  const redeliverRange = (input: Record<string, unknown>, caller: Caller) =>
    fx.sut.graphql<{ redeliverWebhookMessages: { count: number; deliveries: DeliveryView[] } }>(
      `mutation ($input: RedeliverWebhookMessagesInput!) {
         redeliverWebhookMessages(input: $input) { count deliveries { ${DELIVERY_FIELDS} } } }`,
      { input },
      caller,
    );
  const log = (endpointId: string, caller: Caller, args: Record<string, unknown> = {}) =>
    fx.sut.graphql<{ webhookEndpoint: { deliveries: Log } }>(
      `query ($id: ID!, $status: WebhookDeliveryStatus, $since: String, $until: String, $first: Int, $after: String) {
         webhookEndpoint(id: $id) {
           deliveries(status: $status, since: $since, until: $until, first: $first, after: $after) {
             edges { node { ${DELIVERY_FIELDS} } cursor } pageInfo { hasNextPage endCursor } totalCount } } }`,
      { id: endpointId, ...args },
      caller,
    );
  /**
   * Parks a delivery after two failed attempts, as the dispatcher leaves it (the attempt the
   * running dispatcher made to the fixture's unreachable URL is replaced).
   */
  const park = async (deliveryId: string) => {
    await fx.dataSource.query(
      `DELETE FROM "notifications"."webhook_attempts" WHERE "delivery_id" = $1`,
      [deliveryId],
    );
    await fx.dataSource.query(
      `INSERT INTO "notifications"."webhook_attempts"
         ("delivery_id", "attempt", "started_at", "response_status", "latency_ms", "succeeded", "error", "response_excerpt")
       VALUES ($1, 1, now(), 500, 12, false, 'HTTP 500', 'oops'), ($1, 2, now(), 503, 8, false, 'HTTP 503', NULL)
       ON CONFLICT ("delivery_id", "attempt") DO UPDATE SET "response_status" = EXCLUDED."response_status",
         "latency_ms" = EXCLUDED."latency_ms", "succeeded" = false, "error" = EXCLUDED."error",
         "response_excerpt" = EXCLUDED."response_excerpt"`,
      [deliveryId],
    );
    await fx.dataSource.query(
      `UPDATE "notifications"."webhook_deliveries"
       SET "status" = 'PARKED', "attempts" = 2, "first_attempt_at" = now(), "last_attempt_at" = now(),
           "last_response_status" = 503, "last_latency_ms" = 8, "last_error" = 'HTTP 503'
       WHERE "id" = $1`,
      [deliveryId],
    );
  };

  it('should show the log newest first, with attempts, and send one message again', async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA);
    await fx.publish(fx.parties.platformA);
    await fx.publish(fx.parties.platformA, 'license.granted');
    const before = (await log(endpoint.id, fx.callers.platformA)).data!.webhookEndpoint.deliveries;
    expect(before.totalCount).toBe(2);
    expect(before.edges.map((edge) => edge.node.eventType)).toEqual([
      'license.granted',
      'license.revoked',
    ]);
    const first = before.edges[1]!.node;
    await park(first.id);
    const parked = (await log(endpoint.id, fx.callers.platformA, { status: 'PARKED' })).data!
      .webhookEndpoint.deliveries;
    expect(parked.totalCount).toBe(1);
    expect(parked.edges[0]!.node).toMatchObject({
      id: first.id,
      status: 'PARKED',
      attempts: 2,
      responseStatus: 503,
      latencyMs: 8,
      nextAttemptAt: null,
      attemptLog: [
        { attempt: 1, succeeded: false, responseStatus: 500 },
        { attempt: 2, succeeded: false, responseStatus: 503 },
      ],
    });

    const again = await redeliverOne(first.id, fx.callers.platformA);
    expect(again.errors).toBeUndefined();
    expect(again.data!.redeliverWebhookMessage).toMatchObject({
      messageId: first.messageId,
      status: 'PENDING',
      redeliveryOf: first.id,
      attempts: 0,
    });
    const paged = (await log(endpoint.id, fx.callers.platformA, { first: 2 })).data!.webhookEndpoint
      .deliveries;
    expect(paged.totalCount).toBe(3);
    expect(paged.edges[0]!.node.redeliveryOf).toBe(first.id);
    const rest = (
      await log(endpoint.id, fx.callers.platformA, { first: 2, after: paged.pageInfo.endCursor })
    ).data!.webhookEndpoint.deliveries;
    expect(rest.edges.map((edge) => edge.node.id)).toEqual([first.id]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('should send again every delivery made in a range, and refuse a range wider than 7 days', async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA, {
      eventTypes: ['usage-report.processed'],
    });
    const from = new Date(Date.now() - 60_000).toISOString();
    await fx.publish(fx.parties.platformA, 'usage-report.processed');
    await fx.publish(fx.parties.platformA, 'usage-report.processed');
    const to = new Date(Date.now() + 60_000).toISOString();
    const result = await redeliverRange(
      { endpointId: endpoint.id, from, to },
      fx.callers.platformA,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.redeliverWebhookMessages.count).toBe(2);
    expect(
      result.data!.redeliverWebhookMessages.deliveries.every(
        (delivery) => delivery.status === 'PENDING' && delivery.redeliveryOf !== null,
      ),
    ).toBe(true);
    const wide = await redeliverRange(
      { endpointId: endpoint.id, from: '2026-01-01T00:00:00Z', to: '2026-01-09T00:00:00Z' },
      fx.callers.platformA,
    );
    expect(codeOf(wide)).toBe('BAD_USER_INPUT');
    expect(messageOf(wide)).toBe('a redelivery covers at most 7 days; ask for a shorter range');
    const reversed = await redeliverRange(
      { endpointId: endpoint.id, from: to, to: from },
      fx.callers.platformA,
    );
    expect(messageOf(reversed)).toBe('from must be before to');
  });

  it("should answer NOT_FOUND for another platform's deliveries, log and redelivery alike", async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA);
    await fx.publish(fx.parties.platformA);
    const [delivery] = (await log(endpoint.id, fx.callers.platformA)).data!.webhookEndpoint
      .deliveries.edges;
    const id = delivery!.node.id;
    expect(codeOf(await redeliverOne(id, fx.callers.platformB))).toBe('NOT_FOUND');
    expect(messageOf(await redeliverOne(id, fx.callers.platformB))).toBe(
      `no webhook delivery ${id}`,
    );
    expect(codeOf(await redeliverOne('999999999', fx.callers.platformA))).toBe('NOT_FOUND');
    expect(codeOf(await redeliverOne('not-a-number', fx.callers.platformA))).toBe('BAD_USER_INPUT');
    const range = {
      endpointId: endpoint.id,
      from: new Date(Date.now() - 60_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    };
    expect(codeOf(await redeliverRange(range, fx.callers.platformB))).toBe('NOT_FOUND');
    expect(codeOf(await log(endpoint.id, fx.callers.platformB))).toBe('NOT_FOUND');
    const [{ n }] = await fx.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM "notifications"."webhook_deliveries" WHERE "endpoint_id" = $1`,
      [endpoint.id],
    );
    expect(n).toBe(1);
  });
});
