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

describe('rotateWebhookSecret', () => {
  let fx: EndpointsFixture;

  beforeAll(async () => {
    fx = await startEndpoints({ WEBHOOK_SECRET_OVERLAP_HOURS: '48' });
  });

  afterAll(async () => {
    await fx?.close();
  });

  const rotate = (input: Record<string, unknown>, caller: Caller) =>
    fx.sut.graphql<{ rotateWebhookSecret: { endpoint: EndpointView; secret: string } }>(
      `mutation ($input: RotateWebhookSecretInput!) {
         rotateWebhookSecret(input: $input) { endpoint { ${ENDPOINT_FIELDS} } secret } }`,
      { input },
      caller,
    );
  const signing = async (endpointId: string) =>
    fx.dataSource.query<{ secret: string; expires_at: Date | null }[]>(
      `SELECT "secret", "expires_at" FROM "notifications"."webhook_secrets"
       WHERE "endpoint_id" = $1 AND ("expires_at" IS NULL OR "expires_at" > now())
       ORDER BY "created_at" DESC`,
      [endpointId],
    );

  it('should sign with two secrets during the overlap, then with one after the next rotation', async () => {
    const made = await fx.create({ url: 'http://127.0.0.1:9/a' }, fx.callers.platformA);
    const { endpoint, secret: first } = made.data!.createWebhookEndpoint;
    const before = Date.now();
    const rotated = await rotate({ id: endpoint.id }, fx.callers.platformA);
    expect(rotated.errors).toBeUndefined();
    const { secret: second, endpoint: after } = rotated.data!.rotateWebhookSecret;
    expect(second).toMatch(/^whsec_/);
    expect(second).not.toBe(first);
    // The default overlap of the configuration: 48 hours.
    expect(after.secrets).toHaveLength(2);
    expect(after.secrets[0]!.expiresAt).toBeNull();
    const expiry = Date.parse(after.secrets[1]!.expiresAt!);
    expect(expiry).toBeGreaterThanOrEqual(before + 48 * 3_600_000);
    expect(expiry).toBeLessThanOrEqual(Date.now() + 48 * 3_600_000);
    expect((await signing(endpoint.id)).map((row) => row.secret)).toEqual([second, first]);

    const third = await rotate({ id: endpoint.id, overlapHours: 0 }, fx.callers.platformA);
    const latest = third.data!.rotateWebhookSecret;
    expect(latest.endpoint.secrets).toHaveLength(1);
    expect((await signing(endpoint.id)).map((row) => row.secret)).toEqual([latest.secret]);
  });

  it('should end an earlier overlap now: at most two secrets sign', async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA);
    await rotate({ id: endpoint.id, overlapHours: 5 }, fx.callers.platformA);
    const last = await rotate({ id: endpoint.id, overlapHours: 5 }, fx.callers.platformA);
    expect(last.data!.rotateWebhookSecret.endpoint.secrets).toHaveLength(2);
    expect(await signing(endpoint.id)).toHaveLength(2);
  });

  it('should answer the same new secret for the same key, without a second rotation', async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA);
    const input = { id: endpoint.id, overlapHours: 1, idempotencyKey: 'rotate-1' };
    const once = await rotate(input, fx.callers.platformA);
    const twice = await rotate(input, fx.callers.platformA);
    expect(twice.data!.rotateWebhookSecret.secret).toBe(once.data!.rotateWebhookSecret.secret);
    expect(await signing(endpoint.id)).toHaveLength(2);
    expect(codeOf(await rotate({ ...input, overlapHours: 2 }, fx.callers.platformA))).toBe(
      'CONFLICT',
    );
  });

  it('should refuse an overlap beyond the cap with a sentence', async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA);
    const result = await rotate({ id: endpoint.id, overlapHours: 721 }, fx.callers.platformA);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(messageOf(result)).toBe('overlapHours must be a whole number from 0 to 720');
  });

  it("should not rotate another platform's secret: NOT_FOUND, and nothing changed", async () => {
    const endpoint = await fx.endpointOf(fx.callers.platformA);
    const result = await rotate({ id: endpoint.id }, fx.callers.platformB);
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(await signing(endpoint.id)).toHaveLength(1);
    const operator = await rotate({ id: endpoint.id }, fx.callers.operator);
    expect(operator.errors).toBeUndefined();
  });
});
