import type { PartyKind } from '#libs/contracts';
import { WEBHOOK_EVENT_TYPES, isWebhookEventType } from './event-types.js';

/** Endpoints one owner may have: enough for a few environments and teams, not a fan-out. */
export const MAX_ENDPOINTS_PER_OWNER = 20;

/** The longest description an endpoint may carry. */
export const MAX_DESCRIPTION_LENGTH = 500;

/** The longest URL an endpoint may have. */
export const MAX_URL_LENGTH = 2048;

/** The most hours a rotated secret may keep signing, whatever the configured default. */
export const MAX_OVERLAP_HOURS = 24 * 30;

/** The widest time range one redelivery may name. */
export const MAX_REDELIVERY_RANGE_DAYS = 7;

/** The most deliveries one redelivery of a time range may make. */
export const MAX_REDELIVERIES = 1000;

/** `whsec_` and the base64 of the random bytes, as Standard Webhooks writes a secret. */
export const SECRET_PREFIX = 'whsec_';

/** Random bytes in a new secret (Standard Webhooks: between 24 and 64). */
export const SECRET_BYTES = 32;

export function formatSecret(bytes: Uint8Array): string {
  return SECRET_PREFIX + Buffer.from(bytes).toString('base64');
}

/**
 * What is wrong with the event types asked for an owner of `kind` (empty: every type it may
 * receive), as a sentence naming the types refused; null when all may be delivered to it.
 */
export function eventTypesProblem(kind: PartyKind, types: readonly string[]): string | null {
  const unknown = types.filter((type) => !isWebhookEventType(type));
  if (unknown.length > 0) {
    return `eventTypes: unknown event types ${unknown.join(', ')}`;
  }
  const notForKind = types.filter(
    (type) => isWebhookEventType(type) && WEBHOOK_EVENT_TYPES[type] !== kind,
  );
  if (notForKind.length > 0) {
    return `eventTypes: a ${kind} does not receive ${notForKind.join(', ')}`;
  }
  return null;
}

/** The event types as stored: each once, in the order of the catalogue. */
export function normalizedEventTypes(types: readonly string[]): string[] {
  const wanted = new Set(types);
  return Object.keys(WEBHOOK_EVENT_TYPES).filter((type) => wanted.has(type));
}

/** The hours of overlap of a rotation: those asked, or the default; refused beyond the cap. */
export function overlapHours(
  requested: number | null | undefined,
  defaultHours: number,
): { hours: number } | { problem: string } {
  const hours = requested ?? Math.min(defaultHours, MAX_OVERLAP_HOURS);
  if (!Number.isInteger(hours) || hours < 0 || hours > MAX_OVERLAP_HOURS) {
    return { problem: `overlapHours must be a whole number from 0 to ${MAX_OVERLAP_HOURS}` };
  }
  return { hours };
}

export interface SecretTimes {
  id: string;
  /** Null while the secret is the current one. */
  expiresAt: Date | null;
}

/**
 * The expiry each secret gets when a new one becomes current at `now`: the current one keeps
 * signing for `hours`; an earlier one still in its overlap stops now (two secrets sign at
 * most). Secrets already expired are left as they are (absent from the answer).
 */
export function rotationExpiries(
  secrets: readonly SecretTimes[],
  now: Date,
  hours: number,
): Map<string, Date> {
  const expiries = new Map<string, Date>();
  for (const secret of secrets) {
    if (secret.expiresAt === null) {
      expiries.set(secret.id, new Date(now.getTime() + hours * 3_600_000));
    } else if (secret.expiresAt > now) {
      expiries.set(secret.id, now);
    }
  }
  return expiries;
}

/** Whether a secret still signs at `now`. */
export function secretActive(secret: SecretTimes, now: Date): boolean {
  return secret.expiresAt === null || secret.expiresAt > now;
}

/** What is wrong with a redelivery range [from, to), or null. */
export function redeliveryRangeProblem(from: Date, to: Date): string | null {
  if (!(from < to)) return 'from must be before to';
  if (to.getTime() - from.getTime() > MAX_REDELIVERY_RANGE_DAYS * 86_400_000) {
    return `a redelivery covers at most ${MAX_REDELIVERY_RANGE_DAYS} days; ask for a shorter range`;
  }
  return null;
}

/** Why an endpoint is off when its owner turned it off. */
export const DISABLED_BY_OWNER = 'BY_OWNER';

/** The part of an endpoint an update changes. */
export interface EndpointState {
  enabled: boolean;
  /** `BY_OWNER` or `FAILING` (the dispatcher's doing). */
  disabledReason: string | null;
  disabledAt: Date | null;
  failingSince: Date | null;
  failedAttempts: number;
}

/**
 * The endpoint's state after its owner turns it on or off at `now`. Turning on an endpoint that
 * was off (its owner's doing or for failing) clears its failure streak, so it is not disabled
 * again at its next failure; turning off says the owner did it. Unchanged when already so.
 */
export function switchedEndpoint(state: EndpointState, enabled: boolean, now: Date): EndpointState {
  if (enabled === state.enabled) return state;
  if (enabled) {
    return {
      enabled: true,
      disabledReason: null,
      disabledAt: null,
      failingSince: null,
      failedAttempts: 0,
    };
  }
  return {
    ...state,
    enabled: false,
    disabledReason: DISABLED_BY_OWNER,
    disabledAt: now,
  };
}

/** Whether a text names a delivery (a positive whole number that a bigint holds). */
export function isDeliveryId(value: string): boolean {
  return /^[1-9]\d{0,17}$/.test(value);
}
