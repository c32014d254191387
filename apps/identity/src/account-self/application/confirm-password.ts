import { AccountError } from '../../accounts/domain/account-error.js';
import { AuditEvent } from '../../accounts/domain/audit-event.js';
import { ACCOUNT_THROTTLE } from '../../accounts/domain/throttle.js';
import type { AccountEntity } from '../../accounts/infrastructure/account.entity.js';
import {
  throttleKey,
  type AccountStore,
  type Actor,
} from '../../accounts/infrastructure/account.store.js';
import { verifyPassword } from '../../accounts/infrastructure/password-hashing.js';
import { AccountSelfError } from '../domain/account-self-rules.js';

/**
 * Checks the signed-in person's current password before a change that needs it. A wrong one
 * counts against the account's sign-in throttle (the same five in 15 minutes as the sign-in
 * page), so a session left open is no way to guess the password; a right one clears it.
 */
export async function confirmPassword(
  accounts: AccountStore,
  account: AccountEntity,
  password: string,
  actor: Actor,
): Promise<void> {
  const key = throttleKey('email', account.email);
  const attempt = await accounts.transaction((store) =>
    store.countAttempt([{ key, policy: ACCOUNT_THROTTLE }]),
  );
  if (attempt === 'locked') throw new AccountError('locked');
  if (!(await verifyPassword(password, account.passwordHash))) {
    await accounts.audit(AuditEvent.SIGN_IN_FAILED, account.id, actor);
    if (attempt === 'counted-and-locked') throw new AccountError('locked');
    throw new AccountSelfError('password-wrong');
  }
  await accounts.clearThrottle(key);
}
