import { refusalMapper } from '#libs/auth';
import { PartyError, PartyErrorCode } from '../domain/party.errors.js';

/** Runs a use case, turning its PartyError into the API's error. */
export const mapPartyErrors = refusalMapper(PartyError, {
  [PartyErrorCode.INVALID_PARTY]: 'BAD_USER_INPUT',
  [PartyErrorCode.PARTY_NOT_FOUND]: 'NOT_FOUND',
  [PartyErrorCode.NOT_ALLOWED]: 'FORBIDDEN',
  [PartyErrorCode.DUPLICATE_IPI]: 'CONFLICT',
  [PartyErrorCode.KEY_REUSED]: 'CONFLICT',
  [PartyErrorCode.MEMBER_ELSEWHERE]: 'CONFLICT',
  [PartyErrorCode.OFFER_NOT_FOUND]: 'NOT_FOUND',
  [PartyErrorCode.OFFER_CLOSED]: 'CONFLICT',
});
