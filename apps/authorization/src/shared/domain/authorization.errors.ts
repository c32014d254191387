import { CodedError } from '#libs/contracts';

export enum AuthorizationErrorCode {
  INVALID_REQUEST = 'INVALID_REQUEST',
  NOT_FOUND = 'NOT_FOUND',
  NOT_ALLOWED = 'NOT_ALLOWED',
  KEY_REUSED = 'KEY_REUSED',
}

export class AuthorizationError extends CodedError<AuthorizationErrorCode> {}
