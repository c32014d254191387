import { describe, expect, it } from '@jest/globals';
import { Role } from '#libs/contracts';
import { ClientsError, ClientsErrorCode } from './clients.errors.js';
import {
  apiKeyClientId,
  assertMayManageClients,
  type ClientManager,
  graceEnd,
  liveSecrets,
  mayManageClientOf,
  parseRegistration,
  publicJwkProblem,
} from './platform-client.js';

const A = '0190a000-0000-7000-8000-00000000000a';
const B = '0190a000-0000-7000-8000-00000000000b';
const staffOf = (party: string): ClientManager => ({ subject: 's', role: Role.PLATFORM, party });
const operator: ClientManager = { subject: 'o', role: Role.OPERATOR, party: undefined };

function codeOf(work: () => unknown): ClientsErrorCode | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    if (error instanceof ClientsError) return error.code;
    throw error;
  }
}

describe('platform client rules', () => {
  it('should let platform staff and the operator manage clients, and no other role', () => {
    expect(codeOf(() => assertMayManageClients(staffOf(A)))).toBeUndefined();
    expect(codeOf(() => assertMayManageClients(operator))).toBeUndefined();
    expect(
      codeOf(() => assertMayManageClients({ subject: 'h', role: Role.RIGHT_HOLDER, party: A })),
    ).toBe(ClientsErrorCode.FORBIDDEN);
    expect(
      codeOf(() => assertMayManageClients({ subject: 'p', role: Role.PLATFORM, party: undefined })),
    ).toBe(ClientsErrorCode.FORBIDDEN);
  });

  it('should let platform staff manage only their own platform’s clients', () => {
    expect(mayManageClientOf(staffOf(A), A)).toBe(true);
    expect(mayManageClientOf(staffOf(A), B)).toBe(false);
    expect(mayManageClientOf(operator, B)).toBe(true);
  });

  it('should bind a registration to the caller’s platform, or the one the operator names', () => {
    expect(parseRegistration(staffOf(A), { name: ' feed ' })).toEqual({
      name: 'feed',
      authMethod: 'client_secret_basic',
      jwk: undefined,
      party: A,
    });
    expect(parseRegistration(operator, { name: 'feed', party: B }).party).toBe(B);
    expect(codeOf(() => parseRegistration(operator, { name: 'feed' }))).toBe(
      ClientsErrorCode.INVALID_REQUEST,
    );
    expect(codeOf(() => parseRegistration(staffOf(A), { name: 'feed', party: B }))).toBe(
      ClientsErrorCode.NOT_FOUND,
    );
    expect(codeOf(() => parseRegistration(staffOf(A), { name: 'feed', party: 'x' }))).toBe(
      ClientsErrorCode.INVALID_REQUEST,
    );
  });

  it('should take only a public key for private_key_jwt, and a key only for it', () => {
    const jwk = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' };
    expect(
      parseRegistration(staffOf(A), { name: 'm', tokenEndpointAuthMethod: 'private_key_jwt', jwk })
        .jwk,
    ).toEqual(jwk);
    expect(publicJwkProblem({ ...jwk, d: 'secret' })).toBe(
      'jwk must be the public key only: never send the private key',
    );
    expect(publicJwkProblem({ kty: 'oct', k: 'abc' })).toBeDefined();
    expect(publicJwkProblem('key')).toBeDefined();
    expect(
      codeOf(() =>
        parseRegistration(staffOf(A), {
          name: 'm',
          tokenEndpointAuthMethod: 'client_secret_basic',
          jwk,
        }),
      ),
    ).toBe(ClientsErrorCode.INVALID_REQUEST);
  });

  it('should keep a replaced secret for the grace period, never longer than it had', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const day = 24 * 3600_000;
    expect(graceEnd(null, now, day)).toEqual(new Date('2026-12-01T12:00:00Z'));
    const sooner = new Date('2026-11-30T13:00:00Z');
    expect(graceEnd(sooner, now, day)).toEqual(sooner);
  });

  it('should accept the secrets that have not expired', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const current = { hash: 'a', expiresAt: null };
    const inGrace = { hash: 'b', expiresAt: new Date('2026-11-30T12:00:01Z') };
    const expired = { hash: 'c', expiresAt: now };
    expect(liveSecrets([current, inGrace, expired], now)).toEqual([current, inGrace]);
  });

  it('should name an API key’s client by the start of the key’s SHA-256', () => {
    expect(apiKeyClientId('AB'.repeat(32))).toBe(`apikey-${'ab'.repeat(16)}`);
  });
});
