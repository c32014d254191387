import { HttpException, HttpStatus } from '@nestjs/common';
import { ClientsError, ClientsErrorCode } from '../domain/clients.errors.js';
import type { PlatformClientEntity } from '../infrastructure/platform-client.entity.js';

/** The HTTP status of each error of the module: the one place they are mapped. */
function statusOf(code: ClientsErrorCode): HttpStatus {
  switch (code) {
    case ClientsErrorCode.INVALID_REQUEST:
      return HttpStatus.BAD_REQUEST;
    case ClientsErrorCode.UNAUTHENTICATED:
      return HttpStatus.UNAUTHORIZED;
    case ClientsErrorCode.FORBIDDEN:
      return HttpStatus.FORBIDDEN;
    case ClientsErrorCode.NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ClientsErrorCode.CONFLICT:
      return HttpStatus.CONFLICT;
  }
}

/** Runs a use case, answering its errors with their status and sentence (nothing else). */
export async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ClientsError)) throw error;
    const status = statusOf(error.code);
    throw new HttpException(
      { statusCode: status, code: error.code, message: error.message },
      status,
    );
  }
}

/** A client as the API shows it (never a secret or a hash). */
export interface ClientView {
  clientId: string;
  name: string;
  party: string;
  tokenEndpointAuthMethod: string;
  jwk?: Record<string, unknown>;
  createdAt: string;
}

export function clientView(client: PlatformClientEntity): ClientView {
  return {
    clientId: client.clientId,
    name: client.name,
    party: client.partyId,
    tokenEndpointAuthMethod: client.authMethod,
    ...(client.jwk ? { jwk: client.jwk } : {}),
    createdAt: client.createdAt.toISOString(),
  };
}
