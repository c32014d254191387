export enum UsageErrorCode {
  INVALID_REPORT = 'INVALID_REPORT',
  KEY_REUSED = 'KEY_REUSED',
}

/** A report refused whole: nothing of it is stored. */
export class UsageError extends Error {
  constructor(
    readonly code: UsageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
