import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '#libs/auth';
import {
  codeOf,
  ENDPOINT_FIELDS,
  messageOf,
  startEndpoints,
  type EndpointView,
  type EndpointsFixture,
} from '../testing/endpoints.fixture.js';

describe('updateWebhookEndpoint', () => {
  let fx: EndpointsFixture;

  beforeAll(async () => {
    fx = await startEndpoints();
  });

  afterAll(async () => {
    await fx?.close();
  });

  const update = (input: Record<string, unknown>, caller: Caller) =>
    fx.sut.graphql<{ updateWebhookEndpoint: EndpointView }>(
      `mutation ($input: UpdateWebhookEndpointInput!) {
         updateWebhookEndpoint(input: $input) { ${ENDPOINT_FIELDS} } }`,
      { input },
      caller,
    );

  it('should change what is given and keep the rest', async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA, { description: 'staging' });
    const result = await update(
      {
        id: endpoint.id,
        url: 'http://127.0.0.1:9/other',
        eventTypes: ['license.granted', 'license.revoked'],
      },
      fx.callers.platformA,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateWebhookEndpoint).toMatchObject({
      url: 'http://127.0.0.1:9/other',
      description: 'staging',
      eventTypes: ['license.revoked', 'license.granted'],
      enabled: true,
    });
  });

  it('should say the owner turned it off, and clear a failure streak when turned on', async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA);
    const off = await update({ id: endpoint.id, enabled: false }, fx.callers.platformA);
    expect(off.data!.updateWebhookEndpoint).toMatchObject({
      enabled: false,
      disabledReason: 'BY_OWNER',
    });
    expect(off.data!.updateWebhookEndpoint.disabledAt).not.toBeNull();
    // As the dispatcher leaves an endpoint failing for days.
    await fx.dataSource.query(
      `UPDATE "notifications"."webhook_endpoints"
       SET "disabled_reason" = 'FAILING', "failing_since" = now() - interval '6 days', "failed_attempts" = 50
       WHERE "id" = $1`,
      [endpoint.id],
    );
    const on = await update({ id: endpoint.id, enabled: true }, fx.callers.platformA);
    expect(on.data!.updateWebhookEndpoint).toMatchObject({
      enabled: true,
      disabledReason: null,
      disabledAt: null,
      failingSince: null,
    });
    const [row] = await fx.dataSource.query<{ failed_attempts: number }[]>(
      `SELECT "failed_attempts" FROM "notifications"."webhook_endpoints" WHERE "id" = $1`,
      [endpoint.id],
    );
    expect(row!.failed_attempts).toBe(0);
  });

  it('should refuse a bad URL or event types with their sentences, changing nothing', async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA);
    const url = await update(
      { id: endpoint.id, url: 'https://192.168.1.1/x', description: 'changed' },
      fx.callers.platformA,
    );
    expect(codeOf(url)).toBe('BAD_USER_INPUT');
    expect(messageOf(url)).toBe(
      'url: 192.168.1.1 is a private network address (RFC 1918); webhooks are delivered only to public internet addresses.',
    );
    const types = await update(
      { id: endpoint.id, eventTypes: ['batch.calculated'] },
      fx.callers.platformA,
    );
    expect(messageOf(types)).toBe('eventTypes: a PLATFORM does not receive batch.calculated');
    const unchanged = await fx.sut.graphql<{ webhookEndpoint: EndpointView }>(
      `query ($id: ID!) { webhookEndpoint(id: $id) { ${ENDPOINT_FIELDS} } }`,
      { id: endpoint.id },
      fx.callers.platformA,
    );
    expect(unchanged.data!.webhookEndpoint).toEqual(endpoint);
  });

  it("should answer NOT_FOUND for another platform's endpoint and a society's", async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA);
    for (const caller of [fx.callers.platformB, fx.callers.society]) {
      expect(codeOf(await update({ id: endpoint.id, enabled: false }, caller))).toBe('NOT_FOUND');
    }
    expect(codeOf(await update({ id: endpoint.id, enabled: false }, fx.callers.holder))).toBe(
      'FORBIDDEN',
    );
  });
});
