import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '#libs/auth';
import { TEST_EVENT_TYPE } from '../domain/event-types.js';
import {
  codeOf,
  DELIVERY_FIELDS,
  startEndpoints,
  type DeliveryView,
  type EndpointsFixture,
} from '../testing/endpoints.fixture.js';

describe('sendWebhookTest', () => {
  let fx: EndpointsFixture;

  beforeAll(async () => {
    fx = await startEndpoints();
  });

  afterAll(async () => {
    await fx?.close();
  });

  const ping = (endpointId: string, caller: Caller) =>
    fx.sut.graphql<{ sendWebhookTest: DeliveryView }>(
      `mutation ($id: ID!) { sendWebhookTest(endpointId: $id) { ${DELIVERY_FIELDS} } }`,
      { id: endpointId },
      caller,
    );

  it('should make a PENDING webhook.test delivery to that endpoint only', async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA, { eventTypes: ['license.revoked'] });
    const sibling = await fx.endpointOf(fx.callers.platformA);
    const result = await ping(endpoint.id, fx.callers.platformA);
    expect(result.errors).toBeUndefined();
    const delivery = result.data!.sendWebhookTest;
    expect(delivery).toMatchObject({
      eventType: TEST_EVENT_TYPE,
      status: 'PENDING',
      attempts: 0,
      redeliveryOf: null,
      attemptLog: [],
    });
    expect(delivery.messageId).toMatch(/^msg_[0-9a-f]{32}$/);
    const rows = await fx.dataSource.query<{ endpoint_id: string; body: string }[]>(
      `SELECT d."endpoint_id", m."body" FROM "notifications"."webhook_deliveries" d
       JOIN "notifications"."webhook_messages" m ON m."id" = d."message_id"
       WHERE d."message_id" = $1`,
      [delivery.messageId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.endpoint_id).toBe(endpoint.id);
    expect(rows[0]!.endpoint_id).not.toBe(sibling.id);
    expect(JSON.parse(rows[0]!.body)).toMatchObject({
      type: TEST_EVENT_TYPE,
      data: { endpointId: endpoint.id },
    });
  });

  it('should answer the same delivery for the same Idempotency-Key', async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA);
    const send = async () =>
      fx.sut.graphqlWithHeaders<{ sendWebhookTest: DeliveryView }>(
        `mutation ($id: ID!) { sendWebhookTest(endpointId: $id) { ${DELIVERY_FIELDS} } }`,
        {
          authorization: `Bearer ${await fx.sut.tokenFor(fx.callers.platformA)}`,
          'idempotency-key': 'ping-1',
        },
        { id: endpoint.id },
      );
    const first = await send();
    const second = await send();
    expect(second.data!.sendWebhookTest.id).toBe(first.data!.sendWebhookTest.id);
    const [{ n }] = await fx.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM "notifications"."webhook_deliveries" WHERE "endpoint_id" = $1`,
      [endpoint.id],
    );
    expect(n).toBe(1);
  });

  it("should answer NOT_FOUND for another platform's endpoint, and send nothing", async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA);
    expect(codeOf(await ping(endpoint.id, fx.callers.platformB))).toBe('NOT_FOUND');
    expect(codeOf(await ping(endpoint.id, fx.callers.holder))).toBe('FORBIDDEN');
    const [{ n }] = await fx.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM "notifications"."webhook_deliveries" WHERE "endpoint_id" = $1`,
      [endpoint.id],
    );
    expect(n).toBe(0);
  });
});
