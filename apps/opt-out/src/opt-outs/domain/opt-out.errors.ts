export enum OptOutErrorCode {
  INVALID_OPT_OUT = 'INVALID_OPT_OUT',
  NOT_FOUND = 'NOT_FOUND',
  NOT_ALLOWED = 'NOT_ALLOWED',
  KEY_REUSED = 'KEY_REUSED',
}

export class OptOutError extends Error {
  constructor(
    readonly code: OptOutErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OptOutError';
  }
}
