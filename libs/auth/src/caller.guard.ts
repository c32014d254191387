import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Role } from '#libs/contracts';
import { Authenticator } from './authenticator.js';
import { PUBLIC_KEY, ROLES_KEY, type RequestWithCaller } from './decorators.js';
import { apiError } from './graphql-errors.js';

/**
 * Checks every GraphQL query and mutation in the subgraph itself (it never trusts the gateway or
 * a plain header): the request's caller (see Authenticator) must be one that may act; the
 * operation must declare its roles (or @Public) and the caller must hold one of them. HTTP
 * endpoints (health, metrics) are not GraphQL and pass.
 */
@Injectable()
export class CallerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic =
      this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const req = GqlExecutionContext.create(context).getContext<{ req: RequestWithCaller }>().req;
    await this.authenticator.authenticate(req);
    if (req.authProblem) throw apiError('UNAUTHENTICATED', req.authProblem);
    const caller = req.caller ?? null;
    if (isPublic) return true;
    if (!roles) throw apiError('FORBIDDEN', `${context.getHandler().name} declares no roles`);
    if (!caller) throw apiError('UNAUTHENTICATED', 'this operation needs a bearer token');
    if (!roles.includes(caller.role)) {
      throw apiError('FORBIDDEN', `role ${caller.role} may not ${context.getHandler().name}`);
    }
    return true;
  }
}
