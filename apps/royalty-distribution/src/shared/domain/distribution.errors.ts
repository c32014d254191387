import { CodedError } from '#libs/contracts';

export enum DistributionErrorCode {
  INVALID = 'INVALID',
  NOT_FOUND = 'NOT_FOUND',
  NOT_ALLOWED = 'NOT_ALLOWED',
  CONFLICT = 'CONFLICT',
}

/** A request refused whole: nothing of it is stored. */
export class DistributionError extends CodedError<DistributionErrorCode> {}
