import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import {
  createTestDatabase,
  startWebhookReceiver,
  type TestDatabase,
  type WebhookReceiver,
} from '#libs/testing';
import {
  caughtUp,
  eventually,
  startServiceProcess,
  startServiceProcesses,
  type ServiceProcess,
} from './support/service-processes.js';

/**
 * The path a platform relies on, across separate processes that share only PostgreSQL and the
 * event log: a holder opts out, authorization revokes the platform's license, and the
 * notifications process delivers a signed `license.revoked` to the platform's endpoint, which
 * verifies it with the Standard Webhooks library. Killing the notifications process in the
 * middle of a delivery loses nothing.
 */
describe('license.revoked from an opt-out to a platform endpoint, across processes', () => {
  let database: TestDatabase;
  let registry: ServiceProcess;
  let optOut: ServiceProcess;
  let authorization: ServiceProcess;
  let notifications: ServiceProcess;
  let receiver: WebhookReceiver;
  const secret = randomBytes(32).toString('hex');
  const tokens = new Tokens(secret);
  let env: Record<string, string> & { DATABASE_URL: string; AUTH_JWT_SECRET: string };
  const notificationsEnv = {
    WEBHOOK_ALLOW_LOOPBACK: 'true',
    WEBHOOK_TIMEOUT_MS: '1500',
    WEBHOOK_RETRY_UNIT_MS: '20',
  };

  let operator: string;
  let society: string;
  let platform: { id: string; token: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url, AUTH_JWT_SECRET: secret, EVENT_POLL_INTERVAL_MS: '200' };
    [registry, optOut, authorization] = await startServiceProcesses(
      ['rights-registry', 'opt-out', 'authorization'],
      env,
    );
    notifications = await startServiceProcess('notifications', { ...env, ...notificationsEnv });
    receiver = await startWebhookReceiver();
    operator = await tokens.issue({ role: Role.OPERATOR, partyId: randomUUID() }, 600);
    society = await registerParty({ kind: 'SOCIETY', name: '日本音楽協会' });
    const platformId = await registerParty({ kind: 'PLATFORM', name: 'Sakura Video' });
    platform = {
      id: platformId,
      token: await tokens.issue({ role: Role.PLATFORM, partyId: platformId }, 600),
    };
    await Promise.all([caughtUp(authorization), caughtUp(notifications)]);
    const scheme = await authorization.graphql(
      `mutation ($society: ID!) { createEclScheme(input: { societyId: $society, category: MUSIC,
         useTypes: [STREAM], territories: ["JP"], rightType: MAKING_AVAILABLE,
         unitRateMinor: "2", currency: "JPY", coversUnidentified: true }) { id } }`,
      { society },
      operator,
    );
    expect(scheme.errors).toBeUndefined();
  });

  afterAll(async () => {
    await receiver?.close();
    await Promise.all(
      [registry, optOut, authorization, notifications].map((service) => service?.stop()),
    );
    await database?.drop();
  });

  async function registerParty(input: Record<string, unknown>): Promise<string> {
    const result = await registry.graphql<{ registerParty: { id: string } }>(
      'mutation ($input: RegisterPartyInput!) { registerParty(input: $input) { id } }',
      { input },
      operator,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.registerParty.id;
  }

  /** A holder with one licensed work: the holder's token, the work and the platform's license. */
  async function licensedWork(title: string) {
    const holder = await registerParty({ kind: 'RIGHT_HOLDER', name: `${title} Composer` });
    const asHolder = await tokens.issue({ role: Role.RIGHT_HOLDER, partyId: holder }, 600);
    const work = (
      await registry.graphql<{ registerWork: { id: string } }>(
        `mutation ($holder: ID!, $title: String!) { registerWork(input: { title: $title, category: MUSIC,
           shares: [{ holderId: $holder, rightType: MAKING_AVAILABLE, shareBps: 10000 }] }) { id } }`,
        { holder, title },
        asHolder,
      )
    ).data!.registerWork.id;
    await Promise.all([caughtUp(authorization), caughtUp(optOut), caughtUp(notifications)]);
    const granted = await authorization.graphql<{
      requestUse: { items: { decision: string; license: { id: string } | null }[] };
    }>(
      `mutation ($input: RequestUseInput!) { requestUse(input: $input) { items { decision license { id } } } }`,
      {
        input: {
          idempotencyKey: randomUUID(),
          items: [
            {
              workId: work,
              useType: 'STREAM',
              territory: 'JP',
              from: '2026-11-01',
              to: '2027-11-01',
              expectedQuantity: 100,
            },
          ],
        },
      },
      platform.token,
    );
    const item = granted.data!.requestUse.items[0]!;
    expect(item.decision).toBe('GRANTED_ECL');
    return { holder, asHolder, work, license: item.license!.id };
  }

  async function optOutOf(holder: string, asHolder: string, work: string): Promise<void> {
    const opted = await optOut.graphql(
      `mutation ($holder: ID!, $work: ID!) { registerOptOut(input: { holderId: $holder, scope: WORK, workId: $work }) { id } }`,
      { holder, work },
      asHolder,
    );
    expect(opted.errors).toBeUndefined();
  }

  it('should deliver a signed license.revoked the platform verifies, and list it as revoked since', async () => {
    const created = await notifications.graphql<{
      createWebhookEndpoint: { endpoint: { id: string }; secret: string };
    }>(
      `mutation ($input: CreateWebhookEndpointInput!) {
         createWebhookEndpoint(input: $input) { endpoint { id } secret } }`,
      {
        input: {
          url: receiver.url,
          description: 'takedowns',
          eventTypes: ['license.revoked'],
          idempotencyKey: randomUUID(),
        },
      },
      platform.token,
    );
    expect(created.errors).toBeUndefined();
    receiver.secrets.push(created.data!.createWebhookEndpoint.secret);

    const { holder, asHolder, work, license } = await licensedWork('Night Drive');
    const before = new Date().toISOString();
    await optOutOf(holder, asHolder, work);

    await receiver.until((received) => received.some((request) => request.verified));
    const [delivered] = receiver.accepted();
    expect(delivered!.verified).toMatchObject({
      type: 'license.revoked',
      data: {
        licenseId: license,
        work: { id: work, title: 'Night Drive' },
        holder: { id: holder, name: 'Night Drive Composer' },
      },
    });
    const data = delivered!.verified!.data as { revokedFrom: string; revokedAt: string };
    expect(Date.parse(data.revokedAt)).toBeGreaterThanOrEqual(Date.parse(before) - 1000);
    expect(Date.parse(data.revokedFrom)).not.toBeNaN();

    // A platform that missed it asks what was revoked since an instant.
    const since = await authorization.graphql<{
      licenses: { edges: { node: { id: string; revokedAt: string } }[] };
    }>(
      `query ($since: String!) { licenses(filter: { revokedSince: $since }, first: 10) {
         edges { node { id revokedAt } } } }`,
      { since: before },
      platform.token,
    );
    expect(since.errors).toBeUndefined();
    expect(since.data!.licenses.edges.map((edge) => edge.node.id)).toEqual([license]);

    // The delivery log says what happened.
    const log = await notifications.graphql<{
      webhookEndpoint: {
        deliveries: {
          edges: { node: { status: string; responseStatus: number; attempts: number } }[];
        };
      };
    }>(
      `query ($id: ID!) { webhookEndpoint(id: $id) { deliveries(first: 10) {
         edges { node { status responseStatus attempts } } } } }`,
      { id: created.data!.createWebhookEndpoint.endpoint.id },
      platform.token,
    );
    expect(log.data!.webhookEndpoint.deliveries.edges.map((edge) => edge.node)).toEqual([
      { status: 'SUCCEEDED', responseStatus: 204, attempts: 1 },
    ]);
  });

  it('should lose nothing when the notifications process is killed in the middle of a delivery', async () => {
    const { holder, asHolder, work, license } = await licensedWork('Morning Light');
    const firstArrived = receiver.received.length;
    // The receiver holds the first request of this license without answering.
    let held = false;
    receiver.answer = (request) => {
      if (!held && request.body.includes(license)) {
        held = true;
        return 'hang';
      }
      return { status: 200 };
    };
    await optOutOf(holder, asHolder, work);
    await receiver.until((received) =>
      received.slice(firstArrived).some((request) => request.body.includes(license)),
    );
    await notifications.kill();
    notifications = await startServiceProcess('notifications', { ...env, ...notificationsEnv });

    await receiver.until(
      (received) =>
        received.filter((request) => request.body.includes(license) && request.verified).length >=
        2,
      60_000,
    );
    const forLicense = receiver.received.filter((request) => request.body.includes(license));
    // The same message again, with the same webhook-id: the receiver keeps it once.
    expect(new Set(forLicense.map((request) => request.id)).size).toBe(1);
    expect(receiver.accepted().filter((request) => request.body.includes(license))).toHaveLength(1);
    await eventually(async () => {
      const log = await notifications.graphql<{
        webhookEndpoints: {
          edges: {
            node: { deliveries: { edges: { node: { status: string; messageId: string } }[] } };
          }[];
        };
      }>(
        `{ webhookEndpoints(first: 5) { edges { node { deliveries(first: 20) {
           edges { node { status messageId } } } } } } }`,
        {},
        platform.token,
      );
      const deliveries = log.data!.webhookEndpoints.edges.flatMap((edge) =>
        edge.node.deliveries.edges.map((delivery) => delivery.node),
      );
      return deliveries
        .filter((delivery) => delivery.messageId === forLicense[0]!.id)
        .every((delivery) => delivery.status === 'SUCCEEDED');
    });
  });
});
