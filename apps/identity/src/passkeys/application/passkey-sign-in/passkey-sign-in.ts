import {
  generateAuthenticationOptions,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { AuditEvent } from '../../../accounts/domain/audit-event.js';
import type { AccountStore, Actor } from '../../../accounts/infrastructure/account.store.js';
import { ChallengePurpose, PasskeyError } from '../../domain/passkey-rules.js';
import { passkeysPossible, type RelyingParty } from '../../domain/relying-party.js';
import type { PasskeyStore } from '../../infrastructure/passkey.store.js';
import { checkAssertion } from '../check-assertion.js';

/**
 * Signs in with a passkey in an interaction of the provider: alone (a discoverable credential,
 * any account's) or as the second factor after a right password (only that account's
 * passkeys). User verification is required; the challenge is bound to the interaction, lasts
 * five minutes and is used once; the counter and backup flags are kept up to date.
 */
export class PasskeySignIn {
  constructor(
    private readonly passkeys: PasskeyStore,
    private readonly accounts: AccountStore,
    private readonly rp: RelyingParty,
  ) {}

  /** Whether browsers can use passkeys here (the issuer is on a host name, not an IP address). */
  get available(): boolean {
    return passkeysPossible(this.rp);
  }

  /** Whether a sign-in with this account's password also asks for a passkey. */
  secondFactorRequired(accountId: string): Promise<boolean> {
    return this.passkeys.secondFactor(accountId);
  }

  /** Remembers, for this interaction only, that the account's password was right. */
  async startSecondFactor(interaction: string, accountId: string): Promise<void> {
    await this.passkeys.putChallenge(ChallengePurpose.SECOND_FACTOR, interaction, '', accountId);
  }

  async options(
    interaction: string,
    purpose: ChallengePurpose.SIGN_IN | ChallengePurpose.SECOND_FACTOR,
  ): Promise<PublicKeyCredentialRequestOptionsJSON> {
    let accountId: string | null = null;
    let allowCredentials: { id: string; transports?: never }[] | undefined;
    if (purpose === ChallengePurpose.SECOND_FACTOR) {
      const pending = await this.passkeys.peekChallenge(purpose, interaction);
      if (!pending?.accountId) throw new PasskeyError('passkey-failed');
      accountId = pending.accountId;
      allowCredentials = (await this.passkeys.list(accountId)).map((passkey) => ({
        id: passkey.id,
        transports: passkey.transports as never,
      }));
    }
    const options = await generateAuthenticationOptions({
      rpID: this.rp.id,
      userVerification: 'required',
      allowCredentials,
    });
    await this.passkeys.putChallenge(purpose, interaction, options.challenge, accountId);
    return options;
  }

  /** Checks the browser's answer; the account it signs in. */
  async execute(
    interaction: string,
    purpose: ChallengePurpose.SIGN_IN | ChallengePurpose.SECOND_FACTOR,
    credential: string,
    actor: Actor = {},
  ): Promise<string> {
    const waiting = await this.passkeys.takeChallenge(purpose, interaction);
    try {
      const passkey = await checkAssertion(this.passkeys, this.rp, credential, waiting);
      // A second factor completes a sign-in that began with the password.
      const event =
        purpose === ChallengePurpose.SECOND_FACTOR
          ? AuditEvent.SIGN_IN_SUCCEEDED
          : AuditEvent.SIGN_IN_PASSKEY;
      await this.accounts.audit(event, passkey.accountId, actor);
      return passkey.accountId;
    } catch (error) {
      if (error instanceof PasskeyError && error.accountId) {
        await this.accounts.audit(AuditEvent.SIGN_IN_FAILED, error.accountId, actor);
      }
      throw error;
    }
  }
}
