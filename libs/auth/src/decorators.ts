import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '#libs/contracts';
import type { Caller } from './caller.js';

export const ROLES_KEY = 'clearinghouse:roles';
export const PUBLIC_KEY = 'clearinghouse:public';

/** The roles allowed to call an operation. Every query and mutation declares its roles or @Public. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** An operation open to anonymous callers (the opt-out register, work search). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export interface RequestWithCaller {
  headers: Record<string, string | string[] | undefined>;
  /** Set by the Authenticator: the verified caller, or null when anonymous or refused. */
  caller?: Caller | null;
  /** Set by the Authenticator: why the request names no caller that may act. */
  authProblem?: string;
  /** Set by the Authenticator: the request carries the gateway's credential. */
  viaGateway?: boolean;
  /** Set when the caller could not be checked (the service's database is unreachable). */
  authUnavailable?: boolean;
}

/** The verified caller of the current GraphQL operation (null when anonymous). */
export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller | null => {
    const req = GqlExecutionContext.create(context).getContext<{ req: RequestWithCaller }>().req;
    return req.caller ?? null;
  },
);
