import { CodedError } from '#libs/contracts';

export enum OptOutErrorCode {
  INVALID_OPT_OUT = 'INVALID_OPT_OUT',
  NOT_FOUND = 'NOT_FOUND',
  NOT_ALLOWED = 'NOT_ALLOWED',
  KEY_REUSED = 'KEY_REUSED',
}

export class OptOutError extends CodedError<OptOutErrorCode> {}
