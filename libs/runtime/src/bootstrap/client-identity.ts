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
     * Who is calling, for per-client limits: `caller:<role>:<party>` for a bearer token that
     * verifies (an API key counts as the platform its exchanged token names), else
     * `address:<ip>`. Computed once, when first asked (after the API-key exchange of the gateway).
     */
    clientKey: () => Promise<string>;
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

  /**
   * The caller a verified token names (for an API key, the token it was exchanged for names the
   * platform: all keys of one platform are one client), else the address.
   */
  async keyOf(request: FastifyRequest): Promise<string> {
    const caller = await this.callerOf(request.headers.authorization);
    return caller ? `caller:${caller.role}:${caller.partyId}` : `address:${request.ip}`;
  }
}

/** Who is calling, for per-client limits (see FastifyRequest.clientKey). */
export const clientKey = (request: FastifyRequest): Promise<string> => request.clientKey();
