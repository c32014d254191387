import { describe, expect, it } from '@jest/globals';
import { PartyKind } from '#libs/contracts';
import {
  eventTypesProblem,
  formatSecret,
  isDeliveryId,
  MAX_OVERLAP_HOURS,
  normalizedEventTypes,
  overlapHours,
  redeliveryRangeProblem,
  rotationExpiries,
  secretActive,
  switchedEndpoint,
} from './endpoint-rules.js';

const at = (iso: string) => new Date(iso);

describe('endpoint rules', () => {
  it('should write a secret as Standard Webhooks does: whsec_ and base64', () => {
    const secret = formatSecret(new Uint8Array(32).fill(1));
    expect(secret).toBe(`whsec_${Buffer.alloc(32, 1).toString('base64')}`);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
  });

  it('should name the unknown event types, then those the owner’s kind does not receive', () => {
    expect(eventTypesProblem(PartyKind.PLATFORM, [])).toBeNull();
    expect(eventTypesProblem(PartyKind.PLATFORM, ['license.revoked'])).toBeNull();
    expect(eventTypesProblem(PartyKind.PLATFORM, ['license.revoked', 'nope', 'x.y'])).toBe(
      'eventTypes: unknown event types nope, x.y',
    );
    expect(eventTypesProblem(PartyKind.PLATFORM, ['batch.approved'])).toBe(
      'eventTypes: a PLATFORM does not receive batch.approved',
    );
    expect(eventTypesProblem(PartyKind.SOCIETY, ['claim.settled', 'license.granted'])).toBe(
      'eventTypes: a SOCIETY does not receive license.granted',
    );
  });

  it('should keep each event type once, in the order of the catalogue', () => {
    expect(normalizedEventTypes(['license.granted', 'license.revoked', 'license.granted'])).toEqual(
      ['license.revoked', 'license.granted'],
    );
  });

  it('should take the overlap asked, or the default, and refuse one beyond the cap', () => {
    expect(overlapHours(undefined, 24)).toEqual({ hours: 24 });
    expect(overlapHours(0, 24)).toEqual({ hours: 0 });
    expect(overlapHours(null, 10_000)).toEqual({ hours: MAX_OVERLAP_HOURS });
    expect(overlapHours(MAX_OVERLAP_HOURS + 1, 24)).toEqual({
      problem: `overlapHours must be a whole number from 0 to ${MAX_OVERLAP_HOURS}`,
    });
    expect(overlapHours(-1, 24)).toHaveProperty('problem');
  });

  it('should let the current secret sign for the overlap and end an earlier overlap now', () => {
    const now = at('2026-01-01T00:00:00Z');
    const expiries = rotationExpiries(
      [
        { id: 'current', expiresAt: null },
        { id: 'previous', expiresAt: at('2026-01-01T05:00:00Z') },
        { id: 'expired', expiresAt: at('2025-12-31T00:00:00Z') },
      ],
      now,
      24,
    );
    expect(expiries).toEqual(
      new Map([
        ['current', at('2026-01-02T00:00:00Z')],
        ['previous', now],
      ]),
    );
    expect(secretActive({ id: 'previous', expiresAt: now }, now)).toBe(false);
    expect(secretActive({ id: 'current', expiresAt: null }, now)).toBe(true);
  });

  it('should refuse a redelivery range that is empty, reversed or wider than 7 days', () => {
    const from = at('2026-01-01T00:00:00Z');
    expect(redeliveryRangeProblem(from, at('2026-01-08T00:00:00Z'))).toBeNull();
    expect(redeliveryRangeProblem(from, from)).toBe('from must be before to');
    expect(redeliveryRangeProblem(from, at('2026-01-08T00:00:01Z'))).toBe(
      'a redelivery covers at most 7 days; ask for a shorter range',
    );
  });

  it('should clear the failure streak when an endpoint is turned on, and say who turned it off', () => {
    const now = at('2026-01-01T00:00:00Z');
    const failing = {
      enabled: false,
      disabledReason: 'FAILING',
      disabledAt: at('2025-12-30T00:00:00Z'),
      failingSince: at('2025-12-25T00:00:00Z'),
      failedAttempts: 40,
    };
    expect(switchedEndpoint(failing, true, now)).toEqual({
      enabled: true,
      disabledReason: null,
      disabledAt: null,
      failingSince: null,
      failedAttempts: 0,
    });
    expect(switchedEndpoint(failing, false, now)).toBe(failing);
    const healthy = { ...failing, enabled: true, disabledReason: null, disabledAt: null };
    expect(switchedEndpoint(healthy, false, now)).toMatchObject({
      enabled: false,
      disabledReason: 'BY_OWNER',
      disabledAt: now,
    });
  });

  it('should take only positive whole numbers for delivery ids', () => {
    expect(isDeliveryId('42')).toBe(true);
    expect(isDeliveryId('0')).toBe(false);
    expect(isDeliveryId('-1')).toBe(false);
    expect(isDeliveryId('1e3')).toBe(false);
    expect(isDeliveryId('1'.repeat(19))).toBe(false);
  });
});
