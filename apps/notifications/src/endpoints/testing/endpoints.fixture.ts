import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { PartyKind, Role } from '#libs/contracts';
import { startTestService, type GraphQLResult, type TestService } from '#libs/testing';
import { UpstreamEvents } from '../../../../../test/support/upstream-events.js';
import { DeliveryQueue } from '../../deliveries/infrastructure/delivery-queue.js';
import { notificationsApp } from '../../notifications.app.js';
import { PARTIES } from '../domain/endpoint-access.scenarios.js';

export const ENDPOINT_FIELDS = `id ownerId url description eventTypes enabled disabledReason
  disabledAt failingSince lastSuccessAt createdAt updatedAt secrets { id createdAt expiresAt }`;

export const DELIVERY_FIELDS = `id messageId eventType status attempts createdAt firstAttemptAt
  lastAttemptAt nextAttemptAt responseStatus latencyMs error redeliveryOf
  attemptLog { attempt startedAt succeeded responseStatus latencyMs error responseExcerpt }`;

/** A loopback receiver's URL: allowed, as the service under test allows loopback. */
export const LOOPBACK_URL = 'http://127.0.0.1:9/hooks';

export interface EndpointView {
  id: string;
  ownerId: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: string | null;
  failingSince: string | null;
  lastSuccessAt: string | null;
  createdAt: string;
  updatedAt: string;
  secrets: { id: string; createdAt: string; expiresAt: string | null }[];
}

export interface DeliveryView {
  id: string;
  messageId: string;
  eventType: string;
  status: string;
  attempts: number;
  redeliveryOf: string | null;
  nextAttemptAt: string | null;
  responseStatus: number | null;
  latencyMs: number | null;
  attemptLog: { attempt: number; succeeded: boolean; responseStatus: number | null }[];
}

export interface EndpointsFixture {
  sut: TestService;
  dataSource: DataSource;
  parties: { platformA: string; platformB: string; society: string; holder: string };
  callers: {
    operator: Caller;
    platformA: Caller;
    platformB: Caller;
    society: Caller;
    holder: Caller;
  };
  create(
    input: Record<string, unknown>,
    caller: Caller | null,
  ): Promise<GraphQLResult<{ createWebhookEndpoint: { endpoint: EndpointView; secret: string } }>>;
  /** An endpoint of platform A (or the caller's party), made for the test. */
  endpointOf(caller: Caller, input?: Record<string, unknown>): Promise<EndpointView>;
  /** A message for the owner through the delivery queue: a delivery to each of its endpoints. */
  publish(ownerPartyId: string, eventType?: string): Promise<string>;
  close(): Promise<void>;
}

export const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
export const messageOf = (result: GraphQLResult) => result.errors?.[0]?.message;

/**
 * The notifications service on a fresh database, with the parties of the access scenarios: two
 * platforms, a society and a right holder.
 */
export async function startEndpoints(env: Record<string, string> = {}): Promise<EndpointsFixture> {
  const sut = await startTestService(notificationsApp, { WEBHOOK_ALLOW_LOOPBACK: 'true', ...env });
  const registry = new UpstreamEvents(sut.app);
  const parties = {
    platformA: await registry.party(PartyKind.PLATFORM, PARTIES.platformA),
    platformB: await registry.party(PartyKind.PLATFORM, PARTIES.platformB),
    society: await registry.party(PartyKind.SOCIETY, PARTIES.society),
    holder: await registry.party(PartyKind.RIGHT_HOLDER, PARTIES.holder),
  };
  await registry.settled();
  const callers = {
    operator: { role: Role.OPERATOR, partyId: randomUUID() },
    platformA: { role: Role.PLATFORM, partyId: parties.platformA },
    platformB: { role: Role.PLATFORM, partyId: parties.platformB },
    society: { role: Role.SOCIETY_ADMIN, partyId: parties.society },
    holder: { role: Role.RIGHT_HOLDER, partyId: parties.holder },
  };
  const dataSource = sut.app.get(DataSource);
  const create: EndpointsFixture['create'] = (input, caller) =>
    sut.graphql(
      `mutation ($input: CreateWebhookEndpointInput!) {
         createWebhookEndpoint(input: $input) { endpoint { ${ENDPOINT_FIELDS} } secret } }`,
      { input },
      caller,
    );
  return {
    sut,
    dataSource,
    parties,
    callers,
    create,
    async endpointOf(caller, input = {}) {
      const result = await create({ url: LOOPBACK_URL, ...input }, caller);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!.createWebhookEndpoint.endpoint;
    },
    async publish(ownerPartyId, eventType = 'license.revoked') {
      const queue = sut.app.get(DeliveryQueue);
      const id = await dataSource.transaction((manager) =>
        queue.enqueue(manager, {
          ownerPartyId,
          eventType,
          orderingKey: randomUUID(),
          sourceEventId: randomUUID(),
          occurredAt: new Date(),
          data: { test: true },
        }),
      );
      return id!;
    },
    close: () => sut.close(),
  };
}
