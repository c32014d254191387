import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Role } from '#libs/contracts';
import type { Caller } from './caller.js';
import { PUBLIC_KEY, ROLES_KEY, type RequestWithCaller } from './decorators.js';
import { apiError } from './graphql-errors.js';
import { InvalidTokenError, Tokens, bearerToken } from './tokens.js';

/**
 * Checks every GraphQL query and mutation in the subgraph itself (it never trusts the gateway or
 * a plain header): a bearer token, when present, must verify; the operation must declare its
 * roles (or @Public) and the caller must hold one of them. HTTP endpoints (health, metrics) are
 * not GraphQL and pass.
 */
@Injectable()
export class CallerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: Tokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic =
      this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const req = GqlExecutionContext.create(context).getContext<{ req: RequestWithCaller }>().req;
    const caller = await this.callerOf(req);
    if (isPublic) return true;
    if (!roles) throw apiError('FORBIDDEN', `${context.getHandler().name} declares no roles`);
    if (!caller) throw apiError('UNAUTHENTICATED', 'this operation needs a bearer token');
    if (!roles.includes(caller.role)) {
      throw apiError('FORBIDDEN', `role ${caller.role} may not ${context.getHandler().name}`);
    }
    return true;
  }

  private async callerOf(req: RequestWithCaller): Promise<Caller | null> {
    if (req.caller !== undefined) return req.caller;
    try {
      const token = bearerToken(req.headers.authorization);
      req.caller = token ? await this.tokens.verify(token) : null;
      return req.caller;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw apiError('UNAUTHENTICATED', error.message);
      throw error;
    }
  }
}
