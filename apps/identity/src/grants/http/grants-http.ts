import { HttpException, HttpStatus } from '@nestjs/common';
import { GrantsError, GrantsErrorCode } from '../domain/grant-rules.js';
import type { GrantEntity } from '../infrastructure/grant.entity.js';

/** The HTTP status of each error of the module: the one place they are mapped. */
function statusOf(code: GrantsErrorCode): HttpStatus {
  switch (code) {
    case GrantsErrorCode.INVALID_REQUEST:
      return HttpStatus.BAD_REQUEST;
    case GrantsErrorCode.UNAUTHENTICATED:
      return HttpStatus.UNAUTHORIZED;
    case GrantsErrorCode.FORBIDDEN:
      return HttpStatus.FORBIDDEN;
    case GrantsErrorCode.NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case GrantsErrorCode.CONFLICT:
      return HttpStatus.CONFLICT;
    case GrantsErrorCode.TOO_MANY_REQUESTS:
      return HttpStatus.TOO_MANY_REQUESTS;
    case GrantsErrorCode.UNAVAILABLE:
      return HttpStatus.SERVICE_UNAVAILABLE;
  }
}

/** Runs a use case, answering its errors with their status and sentence (nothing else). */
export async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof GrantsError)) throw error;
    const status = statusOf(error.code);
    throw new HttpException(
      { statusCode: status, code: error.code, message: error.message },
      status,
    );
  }
}

/** A grant as the API shows it. */
export interface GrantView {
  id: string;
  role: string;
  party: { id: string; name: string | null; kind: string | null } | null;
  grantedBy: string;
  createdAt: string;
}

export function grantView(grant: GrantEntity): GrantView {
  return {
    id: grant.id,
    role: grant.role,
    party: grant.partyId
      ? { id: grant.partyId, name: grant.partyName, kind: grant.partyKind }
      : null,
    grantedBy: grant.grantedBy,
    createdAt: grant.createdAt.toISOString(),
  };
}
