import { Role } from '#libs/contracts';
import { ClientsError, ClientsErrorCode } from './clients.errors.js';

/** How a platform's machine proves it is the client at the token endpoint. */
export const CLIENT_AUTH_METHODS = [
  'client_secret_basic',
  'client_secret_post',
  'private_key_jwt',
] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** Who calls the management API: the role and party of a verified access token. */
export interface ClientManager {
  subject: string;
  role: string;
  party: string | undefined;
}

/** A public key a platform registers for `private_key_jwt`, as a JWK. */
export type PublicJwk = Record<string, unknown>;

export interface ClientRegistration {
  name: string;
  authMethod: ClientAuthMethod;
  /** The platform's public key (`private_key_jwt` only). */
  jwk: PublicJwk | undefined;
  /** The platform the client acts for: the caller's own, or the one the operator names. */
  party: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'];
const KEY_TYPES = ['EC', 'RSA', 'OKP'];
const NAME_MAX = 200;

/**
 * Platform clients are managed by platform staff (their own platform's only) and by the
 * operator (any platform's). Any other role may not, whatever the client.
 */
export function assertMayManageClients(caller: ClientManager): void {
  if (caller.role === (Role.OPERATOR as string)) return;
  if (caller.role === (Role.PLATFORM as string) && caller.party) return;
  throw new ClientsError(
    ClientsErrorCode.FORBIDDEN,
    'only platform staff and the operator manage platform clients',
  );
}

/** Whether the caller may see and change a client of `party` (others are NOT_FOUND to it). */
export function mayManageClientOf(caller: ClientManager, party: string): boolean {
  if (caller.role === (Role.OPERATOR as string)) return true;
  return caller.role === (Role.PLATFORM as string) && caller.party === party;
}

/**
 * The platform an operation is for: platform staff act for their own party (naming another
 * is refused as NOT_FOUND, like any other platform's client); the operator names one.
 */
export function partyOfOperation(caller: ClientManager, named: unknown): string {
  if (named !== undefined && (typeof named !== 'string' || !UUID.test(named))) {
    throw new ClientsError(ClientsErrorCode.INVALID_REQUEST, 'party must be a party id (a UUID)');
  }
  if (caller.role === (Role.OPERATOR as string)) {
    if (named === undefined) {
      throw new ClientsError(
        ClientsErrorCode.INVALID_REQUEST,
        'party is required: the operator names the platform the client acts for',
      );
    }
    return named;
  }
  const own = caller.party!;
  if (named !== undefined && named.toLowerCase() !== own.toLowerCase()) {
    throw new ClientsError(ClientsErrorCode.NOT_FOUND, `no platform ${named}`);
  }
  return own;
}

/** A registration request as sent, checked: every problem is a sentence, the first one thrown. */
export function parseRegistration(caller: ClientManager, body: unknown): ClientRegistration {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ClientsError(ClientsErrorCode.INVALID_REQUEST, 'send a JSON object');
  }
  const input = body as Record<string, unknown>;
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name || name.length > NAME_MAX) {
    throw new ClientsError(
      ClientsErrorCode.INVALID_REQUEST,
      `name is required (1 to ${NAME_MAX} characters)`,
    );
  }
  const authMethod = input.tokenEndpointAuthMethod ?? 'client_secret_basic';
  if (!(CLIENT_AUTH_METHODS as readonly unknown[]).includes(authMethod)) {
    throw new ClientsError(
      ClientsErrorCode.INVALID_REQUEST,
      `tokenEndpointAuthMethod must be one of ${CLIENT_AUTH_METHODS.join(', ')}`,
    );
  }
  const method = authMethod as ClientAuthMethod;
  const jwk = input.jwk;
  if (method === 'private_key_jwt') {
    const problem = publicJwkProblem(jwk);
    if (problem) throw new ClientsError(ClientsErrorCode.INVALID_REQUEST, problem);
  } else if (jwk !== undefined) {
    throw new ClientsError(
      ClientsErrorCode.INVALID_REQUEST,
      'jwk is only for tokenEndpointAuthMethod private_key_jwt',
    );
  }
  return {
    name,
    authMethod: method,
    jwk: method === 'private_key_jwt' ? (jwk as PublicJwk) : undefined,
    party: partyOfOperation(caller, input.party),
  };
}

/** Why a registered key is not a usable public JWK, or undefined. */
export function publicJwkProblem(jwk: unknown): string | undefined {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) {
    return 'jwk is required for private_key_jwt: the public key of the platform, as a JWK';
  }
  const key = jwk as Record<string, unknown>;
  if (PRIVATE_JWK_MEMBERS.some((member) => member in key)) {
    return 'jwk must be the public key only: never send the private key';
  }
  if (typeof key.kty !== 'string' || !KEY_TYPES.includes(key.kty)) {
    return `jwk.kty must be one of ${KEY_TYPES.join(', ')}`;
  }
  return undefined;
}

/** A client's secret as stored: its hash, and when it stops being accepted (if it does). */
export interface StoredSecret {
  hash: string;
  expiresAt: Date | null;
}

/** The secrets a client may still authenticate with at `now`, newest first as given. */
export function liveSecrets<T extends StoredSecret>(secrets: T[], now: Date): T[] {
  return secrets.filter((secret) => secret.expiresAt === null || secret.expiresAt > now);
}

/**
 * When the secrets a rotation replaces stop working: after the grace period, so machines can
 * move to the new one; a secret that was to expire sooner keeps its earlier end.
 */
export function graceEnd(previous: Date | null, now: Date, graceMs: number): Date {
  const end = new Date(now.getTime() + graceMs);
  return previous !== null && previous < end ? previous : end;
}

/**
 * The client id an API key of the authorization service became: `apikey-` and the first 32
 * hex digits of the key's SHA-256 (which that service stored), so whoever holds the key can
 * name its client.
 */
export function apiKeyClientId(keySha256Hex: string): string {
  return `apikey-${keySha256Hex.slice(0, 32).toLowerCase()}`;
}
