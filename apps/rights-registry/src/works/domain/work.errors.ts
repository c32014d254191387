import { CodedError } from '#libs/contracts';

export enum WorkErrorCode {
  INVALID_WORK = 'INVALID_WORK',
  WORK_NOT_FOUND = 'WORK_NOT_FOUND',
  NOT_ALLOWED = 'NOT_ALLOWED',
  DUPLICATE_IDENTIFIER = 'DUPLICATE_IDENTIFIER',
  SHARES_CONFLICT = 'SHARES_CONFLICT',
  KEY_REUSED = 'KEY_REUSED',
}

export class WorkError extends CodedError<WorkErrorCode> {}
