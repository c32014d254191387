/** What the audit log records of an account; never a password, a token or a hash. */
export enum AuditEvent {
  SIGN_UP = 'sign-up',
  SIGN_IN_SUCCEEDED = 'sign-in-succeeded',
  SIGN_IN_FAILED = 'sign-in-failed',
  SIGN_IN_LOCKED = 'sign-in-locked',
  EMAIL_VERIFIED = 'email-verified',
  PASSWORD_RESET_REQUESTED = 'password-reset-requested',
  PASSWORD_CHANGED = 'password-changed',
  GRANT_GIVEN = 'grant-given',
  GRANT_ACCEPTED = 'grant-accepted',
  GRANT_REVOKED = 'grant-revoked',
}
