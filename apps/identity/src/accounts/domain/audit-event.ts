/** What the audit log records of an account; never a password, a token or a hash. */
export enum AuditEvent {
  SIGN_UP = 'sign-up',
  SIGN_IN_SUCCEEDED = 'sign-in-succeeded',
  SIGN_IN_FAILED = 'sign-in-failed',
  SIGN_IN_LOCKED = 'sign-in-locked',
  /** The right password, the second factor (a passkey) still to come: no sign-in yet. */
  PASSWORD_ACCEPTED = 'password-accepted',
  EMAIL_VERIFIED = 'email-verified',
  PASSWORD_RESET_REQUESTED = 'password-reset-requested',
  PASSWORD_CHANGED = 'password-changed',
  /** A mail to the account was not sent: it had been mailed too often lately. */
  MAIL_HELD = 'mail-held',
  SIGN_IN_PASSKEY = 'sign-in-passkey',
  PASSKEY_ADDED = 'passkey-added',
  PASSKEY_RENAMED = 'passkey-renamed',
  PASSKEY_REMOVED = 'passkey-removed',
  SECOND_FACTOR_CHANGED = 'second-factor-changed',
  LANGUAGE_CHANGED = 'language-changed',
  MAIL_PREFERENCES_CHANGED = 'mail-preferences-changed',
  DATA_EXPORTED = 'data-exported',
  ACCOUNT_DELETED = 'account-deleted',
  GRANT_GIVEN = 'grant-given',
  GRANT_ACCEPTED = 'grant-accepted',
  GRANT_REVOKED = 'grant-revoked',
}
