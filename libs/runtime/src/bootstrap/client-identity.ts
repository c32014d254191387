import type { FastifyRequest } from 'fastify';
import {
  InvalidTokenError,
  bearerToken,
  resolveTokens,
  type Caller,
  type TokenSettings,
  type Tokens,
} from '#libs/auth';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Who is calling, for per-client limits: `api-key:<hash>` for an API key the gateway
     * exchanged, `caller:<role>:<party>` for a bearer token that verifies, else `address:<ip>`.
     * Computed once, when first asked (after the API-key exchange of the gateway).
     */
    clientKey: () => Promise<string>;
    /** The SHA-256 (base64url) of the API key the gateway exchanged for this request's token. */
    apiKeyId: string | null;
  }
}

/**
 * Tells verified callers from everyone else with the process's own token keys: per-client
 * limits and GraphQL budgets follow what a credential proves, not what a header says (a
 * `Bearer` with extra spaces, or a forged token, is no new client: it is its address).
 */
export class ClientIdentities {
  private tokens: Promise<Tokens> | undefined;

  constructor(private readonly settings: TokenSettings) {}

  /** The caller a bearer `Authorization` header proves, undefined when none or unverifiable. */
  async callerOf(authorization: string | undefined): Promise<Caller | undefined> {
    try {
      const token = bearerToken(authorization);
      if (!token) return undefined;
      this.tokens ??= resolveTokens(this.settings);
      return await (await this.tokens).verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) return undefined;
      throw error;
    }
  }

  readonly signedIn = async (authorization: string | undefined): Promise<boolean> =>
    (await this.callerOf(authorization)) !== undefined;

  async keyOf(request: FastifyRequest): Promise<string> {
    if (request.apiKeyId) return `api-key:${request.apiKeyId}`;
    const caller = await this.callerOf(request.headers.authorization);
    return caller ? `caller:${caller.role}:${caller.partyId}` : `address:${request.ip}`;
  }
}

/** Who is calling, for per-client limits (see FastifyRequest.clientKey). */
export const clientKey = (request: FastifyRequest): Promise<string> => request.clientKey();
