/** Longest address accepted (RFC 5321's limit on a path). */
export const MAX_EMAIL_LENGTH = 254;

const SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * The one spelling an address is kept and looked up by: trimmed, Unicode NFC, lower case. Two
 * spellings of one mailbox are one account.
 */
export function normalizeEmail(value: string): string {
  return value.trim().normalize('NFC').toLowerCase();
}

/** Whether a normalized address looks like one a mail can be sent to. */
export function isEmail(normalized: string): boolean {
  return normalized.length <= MAX_EMAIL_LENGTH && SHAPE.test(normalized);
}
