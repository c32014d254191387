import { CodedError } from '#libs/contracts';

export enum PartyErrorCode {
  INVALID_PARTY = 'INVALID_PARTY',
  PARTY_NOT_FOUND = 'PARTY_NOT_FOUND',
  NOT_ALLOWED = 'NOT_ALLOWED',
  DUPLICATE_IPI = 'DUPLICATE_IPI',
  KEY_REUSED = 'KEY_REUSED',
  /** The holder is a member of another society on the day the membership would start. */
  MEMBER_ELSEWHERE = 'MEMBER_ELSEWHERE',
  /** No membership offer the caller may see has this id. */
  OFFER_NOT_FOUND = 'OFFER_NOT_FOUND',
  /** The membership offer was accepted or declined already. */
  OFFER_CLOSED = 'OFFER_CLOSED',
}

export class PartyError extends CodedError<PartyErrorCode> {}
