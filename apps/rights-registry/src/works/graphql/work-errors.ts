import { refusalMapper } from '#libs/auth';
import { WorkError, WorkErrorCode } from '../domain/work.errors.js';

/** Runs a use case, turning its WorkError into the API's error. */
export const mapWorkErrors = refusalMapper(WorkError, {
  [WorkErrorCode.INVALID_WORK]: { code: 'BAD_USER_INPUT', problems: true },
  [WorkErrorCode.WORK_NOT_FOUND]: 'NOT_FOUND',
  [WorkErrorCode.NOT_ALLOWED]: 'FORBIDDEN',
  [WorkErrorCode.DUPLICATE_IDENTIFIER]: 'CONFLICT',
  [WorkErrorCode.LIKELY_DUPLICATE]: 'CONFLICT',
  [WorkErrorCode.SHARES_CONFLICT]: 'CONFLICT',
  [WorkErrorCode.KEY_REUSED]: 'CONFLICT',
  [WorkErrorCode.TOO_MANY_DISPUTES]: 'FORBIDDEN',
  [WorkErrorCode.DISPUTE_CLOSED]: 'CONFLICT',
});
