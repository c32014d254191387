import { CodedError } from '#libs/contracts';

export enum WorkErrorCode {
  INVALID_WORK = 'INVALID_WORK',
  WORK_NOT_FOUND = 'WORK_NOT_FOUND',
  NOT_ALLOWED = 'NOT_ALLOWED',
  DUPLICATE_IDENTIFIER = 'DUPLICATE_IDENTIFIER',
  /** Same title, category and holders as a registered work, not confirmed. */
  LIKELY_DUPLICATE = 'LIKELY_DUPLICATE',
  SHARES_CONFLICT = 'SHARES_CONFLICT',
  KEY_REUSED = 'KEY_REUSED',
  /** A party opened as many disputes in 24 hours as it may. */
  TOO_MANY_DISPUTES = 'TOO_MANY_DISPUTES',
  /** The dispute is settled or withdrawn already. */
  DISPUTE_CLOSED = 'DISPUTE_CLOSED',
}

export class WorkError extends CodedError<WorkErrorCode> {}
