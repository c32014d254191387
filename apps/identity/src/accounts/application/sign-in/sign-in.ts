import { AccountError } from '../../domain/account-error.js';
import { AuditEvent } from '../../domain/audit-event.js';
import { normalizeEmail } from '../../domain/email.js';
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE } from '../../domain/throttle.js';
import { TokenPurpose } from '../../domain/token-purpose.js';
import {
  throttleKey,
  type AccountStore,
  type Actor,
  type ThrottledKey,
} from '../../infrastructure/account.store.js';
import { UNUSABLE_HASH, verifyPassword } from '../../infrastructure/password-hashing.js';
import { MailKind } from '../../../mail/mail-texts.js';
import type { AccountMail } from '../account-mail.js';

/**
 * Checks an address and password; answers the account id. Failures count against the address
 * typed and the client's network address whether an account exists or not (five for an
 * address, twenty for a network address in 15 minutes lock it for 15 minutes), so an unknown
 * address answers exactly as a known one: "wrong", then "locked". An attempt is counted before
 * its password is checked, and one meeting a lock is refused unchecked, so a burst sent at once
 * gets no more guesses than a sequence. An account whose
 * address is not verified yet is told so (and mailed a new link) only with its right password.
 * A sign-in is audited as succeeded only when it is complete: a right password with the second
 * factor still to come is audited as accepted, no more.
 */
export class SignIn {
  constructor(
    private readonly store: AccountStore,
    private readonly mail: AccountMail,
  ) {}

  async execute(input: { email: string; password: string }, actor: Actor = {}): Promise<string> {
    return (await this.withPassword(input, actor)).accountId;
  }

  /**
   * The same, for a sign-in that may ask for a second factor: `secondFactor` says whether the
   * account asks for one, and the answer whether it is still to come.
   */
  async withPassword(
    input: { email: string; password: string },
    actor: Actor = {},
    secondFactor: (accountId: string) => Promise<boolean> = () => Promise.resolve(false),
  ): Promise<{ accountId: string; secondFactorPending: boolean }> {
    const email = normalizeEmail(input.email);
    const keys: ThrottledKey[] = [{ key: throttleKey('email', email), policy: ACCOUNT_THROTTLE }];
    if (actor.clientAddress) {
      keys.push({ key: throttleKey('address', actor.clientAddress), policy: ADDRESS_THROTTLE });
    }
    const account = await this.store.findByEmail(email);
    const attempt = await this.store.transaction(async (store) => {
      const counted = await store.countAttempt(keys);
      if (counted === 'locked') await store.audit(AuditEvent.SIGN_IN_LOCKED, account?.id, actor);
      return counted;
    });
    if (attempt === 'locked') throw new AccountError('locked');

    const right = await verifyPassword(input.password, account?.passwordHash ?? UNUSABLE_HASH);
    if (!account || !right) {
      await this.store.audit(AuditEvent.SIGN_IN_FAILED, account?.id, actor);
      throw new AccountError(attempt === 'counted-and-locked' ? 'locked' : 'credentials-wrong');
    }
    // The right password: the attempt was no failure after all.
    await this.store.transaction(async (store) => {
      await store.clearThrottle(keys[0]!.key);
      if (keys[1]) await store.forgiveFailure(keys[1].key);
    });
    if (account.emailVerifiedAt === null) {
      const token = await this.store.transaction(async (store) =>
        (await store.mayMail(account, actor))
          ? await store.issueToken(account.id, TokenPurpose.VERIFY_EMAIL)
          : undefined,
      );
      if (token) await this.mail.send(MailKind.VERIFY_EMAIL, account, token);
      throw new AccountError('email-not-verified');
    }
    const secondFactorPending = await secondFactor(account.id);
    await this.store.audit(
      secondFactorPending ? AuditEvent.PASSWORD_ACCEPTED : AuditEvent.SIGN_IN_SUCCEEDED,
      account.id,
      actor,
    );
    return { accountId: account.id, secondFactorPending };
  }
}
