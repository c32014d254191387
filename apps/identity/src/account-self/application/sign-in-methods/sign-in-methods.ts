import type { AccountMail } from '../../../accounts/application/account-mail.js';
import type { AccountStore, Actor } from '../../../accounts/infrastructure/account.store.js';
import { MailKind } from '../../../mail/mail-texts.js';
import type { ManagePasskeys } from '../../../passkeys/application/manage-passkeys/manage-passkeys.js';
import type {
  RegisterPasskey,
  SignedInAccount,
} from '../../../passkeys/application/register-passkey/register-passkey.js';
import { AccountSelfError, changeNeedsPassword } from '../../domain/account-self-rules.js';
import { confirmPassword } from '../confirm-password.js';

/**
 * How the person on the account page confirms a change of how they sign in: the session's own
 * sign-in (when it was within ten minutes), else their current password typed in the form.
 */
export interface ChangeConfirmation {
  /** When the session the page is open in was signed in. */
  sessionSignedInAt: Date | undefined;
  /** The current password, as typed (empty when not). */
  password: string;
}

/**
 * Adding or removing a passkey and turning the second factor on or off, from the account page:
 * each needs the person to confirm it is them (see ChangeConfirmation), and each is mailed to
 * them (in their language), so a change they did not make does not go unseen.
 */
export class ChangeSignInMethods {
  constructor(
    private readonly accounts: AccountStore,
    private readonly registerPasskey: RegisterPasskey,
    private readonly passkeys: ManagePasskeys,
    private readonly mail: AccountMail,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async addPasskey(
    person: SignedInAccount,
    input: { credential: string; name: string },
    confirmation: ChangeConfirmation,
    actor: Actor = {},
  ): Promise<void> {
    const account = await this.confirmed(person.accountId, confirmation, actor);
    await this.registerPasskey.execute(person, input, actor);
    await this.mail.send(MailKind.PASSKEY_ADDED, account);
  }

  async removePasskey(
    accountId: string,
    id: string,
    confirmation: ChangeConfirmation,
    actor: Actor = {},
  ): Promise<void> {
    const account = await this.confirmed(accountId, confirmation, actor);
    await this.passkeys.remove(accountId, id, actor);
    await this.mail.send(MailKind.PASSKEY_REMOVED, account);
  }

  async setSecondFactor(
    accountId: string,
    on: boolean,
    confirmation: ChangeConfirmation,
    actor: Actor = {},
  ): Promise<void> {
    const account = await this.confirmed(accountId, confirmation, actor);
    const before = await this.passkeys.secondFactor(accountId);
    await this.passkeys.setSecondFactor(accountId, on, actor);
    const after = await this.passkeys.secondFactor(accountId);
    // A repeated form changes nothing and mails nothing.
    if (after !== before) {
      await this.mail.send(after ? MailKind.SECOND_FACTOR_ON : MailKind.SECOND_FACTOR_OFF, account);
    }
  }

  private async confirmed(accountId: string, confirmation: ChangeConfirmation, actor: Actor) {
    const account = await this.accounts.findById(accountId);
    if (!account) throw new AccountSelfError('not-found');
    if (changeNeedsPassword(confirmation.sessionSignedInAt, this.now())) {
      if (!confirmation.password) throw new AccountSelfError('confirmation-needed');
      await confirmPassword(this.accounts, account, confirmation.password, actor);
    }
    return account;
  }
}
