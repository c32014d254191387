import { createHash } from 'node:crypto';
import { Role, isUuid } from '#libs/contracts';
import type { Caller } from './caller.js';

/** Where an issuer puts the caller's role and party (AUTH_ROLE_CLAIM, AUTH_PARTY_CLAIM). */
export interface ClaimMapping {
  /** A claim name, or a dotted path into nested claims (`realm_access.roles`). */
  role: string;
  party: string;
}

export const DEFAULT_CLAIMS: ClaimMapping = { role: 'role', party: 'party' };

const KNOWN_ROLES = new Set<string>(Object.values(Role));

function claimAt(payload: Record<string, unknown>, path: string): unknown {
  if (path in payload) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The id an operator acts under when its token names no party: its `sub` when that is a UUID,
 * else a UUID made from issuer and subject (the same operator always gets the same id).
 */
export function operatorActorId(issuer: string, subject: string): string {
  if (isUuid(subject)) return subject;
  const hex = createHash('sha256').update(`${issuer}\n${subject}`).digest('hex');
  // Shaped as a version 8 (custom) UUID with the RFC 9562 variant.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The caller a verified access token names, or the sentence saying why it names none: the
 * role claim must hold exactly one clearinghouse role, and every role but the operator's needs
 * the party claim (a party id, a UUID). Whether the party is registered is checked later.
 */
export function callerFromClaims(
  payload: Record<string, unknown>,
  mapping: ClaimMapping,
): Caller | string {
  const raw = claimAt(payload, mapping.role);
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const roles = values.filter(
    (value): value is Role => typeof value === 'string' && KNOWN_ROLES.has(value),
  );
  if (roles.length === 0) return `the token carries no known role in its "${mapping.role}" claim`;
  if (roles.length > 1) return `the token carries several roles in its "${mapping.role}" claim`;
  const role = roles[0]!;
  const party = claimAt(payload, mapping.party);
  if (party === undefined && role === Role.OPERATOR) {
    const { iss, sub } = payload;
    if (typeof iss !== 'string' || typeof sub !== 'string' || sub.length === 0) {
      return 'the token names no subject';
    }
    return { role, partyId: operatorActorId(iss, sub) };
  }
  if (typeof party !== 'string' || !isUuid(party)) {
    return `the token's "${mapping.party}" claim is not a party id (a UUID)`;
  }
  return { role, partyId: party };
}
