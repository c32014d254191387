import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_ENDPOINTS_PER_OWNER } from '../domain/endpoint-rules.js';
import {
  codeOf,
  LOOPBACK_URL,
  messageOf,
  startEndpoints,
  type EndpointsFixture,
} from '../testing/endpoints.fixture.js';

describe('createWebhookEndpoint', () => {
  let fx: EndpointsFixture;

  beforeAll(async () => {
    fx = await startEndpoints();
  });

  afterAll(async () => {
    await fx?.close();
  });

  const rows = async (table: string, endpointId: string, column = 'id') =>
    fx.dataSource.query<Record<string, unknown>[]>(
      `SELECT * FROM "notifications"."${table}" WHERE "${column}" = $1`,
      [endpointId],
    );

  it("should make an endpoint for the platform's own party with a secret shown once", async () => {
    const result = await fx.create(
      { url: LOOPBACK_URL, description: 'production', eventTypes: ['license.revoked'] },
      fx.callers.platformA,
    );
    expect(result.errors).toBeUndefined();
    const { endpoint, secret } = result.data!.createWebhookEndpoint;
    expect(endpoint).toMatchObject({
      ownerId: fx.parties.platformA,
      url: LOOPBACK_URL,
      description: 'production',
      eventTypes: ['license.revoked'],
      enabled: true,
      disabledReason: null,
      failingSince: null,
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(endpoint.secrets).toHaveLength(1);
    expect(endpoint.secrets[0]).toEqual({
      id: expect.any(String),
      createdAt: endpoint.createdAt,
      expiresAt: null,
    });
    const [stored] = await rows('webhook_secrets', endpoint.id, 'endpoint_id');
    expect(stored!.secret).toBe(secret);
  });

  it('should answer the same endpoint and secret for the same key, and CONFLICT for other content', async () => {
    const input = { url: LOOPBACK_URL, eventTypes: [], idempotencyKey: 'create-once' };
    const first = await fx.create(input, fx.callers.platformA);
    const again = await fx.create(input, fx.callers.platformA);
    expect(again.errors).toBeUndefined();
    expect(again.data!.createWebhookEndpoint).toEqual(first.data!.createWebhookEndpoint);
    const id = first.data!.createWebhookEndpoint.endpoint.id;
    expect(await rows('webhook_endpoints', id)).toHaveLength(1);
    expect(await rows('webhook_secrets', id, 'endpoint_id')).toHaveLength(1);
    const other = await fx.create(
      { ...input, description: 'something else' },
      fx.callers.platformA,
    );
    expect(codeOf(other)).toBe('CONFLICT');
    expect(messageOf(other)).toContain('create-once');
  });

  it('should take an https URL of a public address and refuse those where webhooks are not sent', async () => {
    const refusals: [string, string][] = [
      [
        'http://8.8.8.8/hooks',
        'url: The URL must start with https:// (plain http:// is accepted only for a loopback host).',
      ],
      ['ftp://8.8.8.8/hooks', 'url: The URL must start with https://.'],
      [
        'https://user:secret@8.8.8.8/hooks',
        'url: The URL must not contain a user name or password: each delivery is signed instead.',
      ],
      [
        'https://8.8.8.8/hooks#part',
        'url: The URL must not contain a fragment (the part after #).',
      ],
      ['not a url', 'url: The URL must not contain spaces or control characters.'],
      [
        'https://10.1.2.3/hooks',
        'url: 10.1.2.3 is a private network address (RFC 1918); webhooks are delivered only to public internet addresses.',
      ],
      [
        'https://169.254.169.254/latest',
        'url: 169.254.169.254 is a cloud metadata address; webhooks are delivered only to public internet addresses.',
      ],
      [
        'https://[fd00::1]/hooks',
        'url: fd00::1 is a private network address (unique local, fc00::/7); webhooks are delivered only to public internet addresses.',
      ],
    ];
    const publicUrl = await fx.create({ url: 'https://8.8.8.8/hooks' }, fx.callers.platformA);
    expect(publicUrl.data!.createWebhookEndpoint.endpoint.url).toBe('https://8.8.8.8/hooks');
    for (const [url, sentence] of refusals) {
      const result = await fx.create({ url }, fx.callers.platformA);
      expect({ url, code: codeOf(result), message: messageOf(result) }).toEqual({
        url,
        code: 'BAD_USER_INPUT',
        message: sentence,
      });
    }
  });

  it('should refuse event types that are unknown or not for the owner’s kind, naming them', async () => {
    const unknown = await fx.create(
      { url: LOOPBACK_URL, eventTypes: ['license.revoked', 'work.eaten'] },
      fx.callers.platformA,
    );
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(messageOf(unknown)).toBe('eventTypes: unknown event types work.eaten');
    const notMine = await fx.create(
      { url: LOOPBACK_URL, eventTypes: ['license.revoked'] },
      fx.callers.society,
    );
    expect(messageOf(notMine)).toBe('eventTypes: a SOCIETY does not receive license.revoked');
    const society = await fx.create(
      { url: LOOPBACK_URL, eventTypes: ['batch.approved', 'claim.settled'] },
      fx.callers.society,
    );
    expect(society.data!.createWebhookEndpoint.endpoint.ownerId).toBe(fx.parties.society);
  });

  it('should let the operator make endpoints for a platform or society it names, only those', async () => {
    const made = await fx.create(
      { url: LOOPBACK_URL, ownerId: fx.parties.platformB },
      fx.callers.operator,
    );
    expect(made.data!.createWebhookEndpoint.endpoint.ownerId).toBe(fx.parties.platformB);
    const unnamed = await fx.create({ url: LOOPBACK_URL }, fx.callers.operator);
    expect(messageOf(unnamed)).toBe('ownerId: the operator names the endpoint’s owner');
    const holder = await fx.create(
      { url: LOOPBACK_URL, ownerId: fx.parties.holder },
      fx.callers.operator,
    );
    expect(codeOf(holder)).toBe('BAD_USER_INPUT');
    expect(messageOf(holder)).toBe(
      `ownerId: ${fx.parties.holder} is not a registered platform or society`,
    );
  });

  it('should refuse another platform’s name, right holders and anonymous callers', async () => {
    const other = await fx.create(
      { url: LOOPBACK_URL, ownerId: fx.parties.platformB },
      fx.callers.platformA,
    );
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(codeOf(await fx.create({ url: LOOPBACK_URL }, fx.callers.holder))).toBe('FORBIDDEN');
    expect(codeOf(await fx.create({ url: LOOPBACK_URL }, null))).toBe('UNAUTHENTICATED');
  });

  it(`should refuse an owner's endpoint beyond ${MAX_ENDPOINTS_PER_OWNER}`, async () => {
    const [{ n }] = await fx.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM "notifications"."webhook_endpoints" WHERE "owner_party_id" = $1`,
      [fx.parties.platformB],
    );
    for (let made = n; made < MAX_ENDPOINTS_PER_OWNER; made++) {
      await fx.endpointOf(fx.callers.platformB);
    }
    const over = await fx.create({ url: LOOPBACK_URL }, fx.callers.platformB);
    expect(codeOf(over)).toBe('CONFLICT');
    expect(messageOf(over)).toBe(
      `a platform has at most ${MAX_ENDPOINTS_PER_OWNER} webhook endpoints; delete one first`,
    );
  });
});
