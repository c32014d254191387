import { refusalMapper } from '#libs/auth';
import { OptOutError, OptOutErrorCode } from '../domain/opt-out.errors.js';

/** Runs a use case, turning its OptOutError into the API's error. */
export const mapOptOutErrors = refusalMapper(OptOutError, {
  [OptOutErrorCode.INVALID_OPT_OUT]: 'BAD_USER_INPUT',
  [OptOutErrorCode.NOT_FOUND]: 'NOT_FOUND',
  [OptOutErrorCode.NOT_ALLOWED]: 'FORBIDDEN',
  [OptOutErrorCode.KEY_REUSED]: 'CONFLICT',
});
