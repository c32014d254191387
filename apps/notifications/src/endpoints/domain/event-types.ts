import { PartyKind } from '#libs/contracts';

/**
 * The event types an endpoint may ask for, and the kind of party that receives each: a
 * platform hears about its licenses and usage reports, a society about its batches and the
 * claims on its reserves. `webhook.test` is the ping an owner sends to its own endpoint.
 */
export const WEBHOOK_EVENT_TYPES = {
  'license.revoked': PartyKind.PLATFORM,
  'license.granted': PartyKind.PLATFORM,
  'usage-report.processed': PartyKind.PLATFORM,
  'batch.calculated': PartyKind.SOCIETY,
  'batch.approved': PartyKind.SOCIETY,
  'claim.settled': PartyKind.SOCIETY,
} as const satisfies Record<string, PartyKind>;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;

/** The type of the ping message; delivered to the one endpoint it was sent to, whatever it asks for. */
export const TEST_EVENT_TYPE = 'webhook.test';

export function isWebhookEventType(value: string): value is WebhookEventType {
  return Object.hasOwn(WEBHOOK_EVENT_TYPES, value);
}

/** The event types a party of this kind may receive (none for a right holder). */
export function eventTypesFor(kind: PartyKind): WebhookEventType[] {
  return (Object.keys(WEBHOOK_EVENT_TYPES) as WebhookEventType[]).filter(
    (type) => WEBHOOK_EVENT_TYPES[type] === kind,
  );
}

/** Whether an endpoint asking for `wanted` (empty: all its owner may receive) takes `type`. */
export function endpointTakes(wanted: readonly string[], type: string): boolean {
  return wanted.length === 0 || wanted.includes(type);
}
