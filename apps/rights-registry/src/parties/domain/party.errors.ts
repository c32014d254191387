import { CodedError } from '#libs/contracts';

export enum PartyErrorCode {
  INVALID_PARTY = 'INVALID_PARTY',
  PARTY_NOT_FOUND = 'PARTY_NOT_FOUND',
  NOT_ALLOWED = 'NOT_ALLOWED',
  DUPLICATE_IPI = 'DUPLICATE_IPI',
  KEY_REUSED = 'KEY_REUSED',
}

export class PartyError extends CodedError<PartyErrorCode> {}
