/** What a mailed token is for; a token serves its own purpose only. */
export enum TokenPurpose {
  VERIFY_EMAIL = 'verify-email',
  RESET_PASSWORD = 'reset-password',
}

/** How long a mailed link works: a day to verify an address, an hour to reset a password. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  [TokenPurpose.VERIFY_EMAIL]: 24 * 3600_000,
  [TokenPurpose.RESET_PASSWORD]: 3600_000,
};
