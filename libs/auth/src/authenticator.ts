import { timingSafeEqual, createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isUuid, type PartyKind } from '#libs/contracts';
import { callerProblem, partyKindFor, type Caller } from './caller.js';
import type { RequestWithCaller } from './decorators.js';
import { InvalidTokenError, Tokens, bearerToken } from './tokens.js';

/** Header carrying the gateway's credential to the subgraphs it forwards requests to. */
export const GATEWAY_CREDENTIAL_HEADER = 'x-gateway-credential';

/** The service's parties (its own table or its read model of the registry's), by id. */
export interface PartyDirectory {
  kindOf(partyId: string): Promise<PartyKind | undefined>;
}
export const PARTY_DIRECTORY = Symbol('PARTY_DIRECTORY');

/** The secret the gateway proves itself with to subgraphs (SUBGRAPH_SECRET). */
export class GatewayCredential {
  private readonly digest: Buffer;

  constructor(readonly secret: string) {
    this.digest = createHash('sha256').update(secret).digest();
  }

  /** Whether a request header carries this credential (compared in constant time). */
  matches(header: string | string[] | undefined): boolean {
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) return false;
    return timingSafeEqual(createHash('sha256').update(value).digest(), this.digest);
  }
}

/** Parties never change kind and are never deleted: known kinds are kept, up to this many. */
const KNOWN_KINDS_LIMIT = 50_000;

/**
 * Who is calling a subgraph, decided once per request before any resolver runs (root fields,
 * entity references and field resolvers alike read the result):
 * - a bearer token must verify (Tokens: an access token of the OpenID issuer by its JWKS, or a
 *   shared-secret token where those are accepted) and name a registered party of the kind its
 *   role needs (the operator needs none);
 * - without a token, the request is anonymous only when it comes through the gateway (its
 *   credential header): a subgraph is not open to anonymous callers straight.
 * A refusal is kept as `authProblem` and answered UNAUTHENTICATED for every operation.
 */
@Injectable()
export class Authenticator {
  private readonly kinds = new Map<string, PartyKind>();

  constructor(
    private readonly tokens: Tokens,
    @Inject(PARTY_DIRECTORY) private readonly parties: PartyDirectory,
    private readonly gateway: GatewayCredential,
  ) {}

  async authenticate(req: RequestWithCaller): Promise<void> {
    if (req.caller !== undefined || req.authProblem !== undefined) return;
    req.viaGateway = this.gateway.matches(req.headers[GATEWAY_CREDENTIAL_HEADER]);
    try {
      const token = bearerToken(req.headers.authorization);
      if (!token) {
        req.caller = null;
        if (!req.viaGateway) {
          req.authProblem = 'call this service through the gateway, or with a bearer token';
        }
        return;
      }
      req.caller = await this.callerOf(token);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      req.caller = null;
      req.authProblem = error.message;
    }
  }

  /** The caller a bearer token names; InvalidTokenError when it names none that may act. */
  async callerOf(token: string): Promise<Caller> {
    const caller = await this.tokens.verify(token);
    // Every caller, the operator too, is stored by its id where it acts: a UUID.
    if (!isUuid(caller.partyId)) {
      throw new InvalidTokenError('invalid', "the token's subject is not a party id (a UUID)");
    }
    if (partyKindFor(caller.role) === undefined) return caller;
    const problem = callerProblem(caller, await this.kindOf(caller));
    if (problem) throw new InvalidTokenError('invalid', problem);
    return caller;
  }

  private async kindOf(caller: Caller): Promise<PartyKind | undefined> {
    const known = this.kinds.get(caller.partyId);
    if (known) return known;
    const kind = await this.parties.kindOf(caller.partyId);
    if (kind) {
      if (this.kinds.size >= KNOWN_KINDS_LIMIT) this.kinds.clear();
      this.kinds.set(caller.partyId, kind);
    }
    return kind;
  }
}
