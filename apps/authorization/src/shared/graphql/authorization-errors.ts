import { refusalMapper } from '#libs/auth';
import { AuthorizationError, AuthorizationErrorCode } from '../domain/authorization.errors.js';

/** Runs a use case, turning its AuthorizationError into the API's error (problems listed). */
export const mapAuthorizationErrors = refusalMapper(AuthorizationError, {
  [AuthorizationErrorCode.INVALID_REQUEST]: { code: 'BAD_USER_INPUT', problems: true },
  [AuthorizationErrorCode.NOT_FOUND]: { code: 'NOT_FOUND', problems: true },
  [AuthorizationErrorCode.NOT_ALLOWED]: { code: 'FORBIDDEN', problems: true },
  [AuthorizationErrorCode.KEY_REUSED]: { code: 'CONFLICT', problems: true },
});
