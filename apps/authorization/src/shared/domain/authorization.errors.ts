export enum AuthorizationErrorCode {
  INVALID_REQUEST = 'INVALID_REQUEST',
  NOT_FOUND = 'NOT_FOUND',
  NOT_ALLOWED = 'NOT_ALLOWED',
  KEY_REUSED = 'KEY_REUSED',
}

export class AuthorizationError extends Error {
  constructor(
    readonly code: AuthorizationErrorCode,
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(message);
    this.name = 'AuthorizationError';
  }
}
