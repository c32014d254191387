import {
  generateAuthenticationOptions,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { AuditEvent } from '../../../accounts/domain/audit-event.js';
import type { AccountStore, Actor } from '../../../accounts/infrastructure/account.store.js';
import { ChallengePurpose, PasskeyError } from '../../domain/passkey-rules.js';
import type { RelyingParty } from '../../domain/relying-party.js';
import type { PasskeyStore } from '../../infrastructure/passkey.store.js';
import { checkAssertion } from '../check-assertion.js';

/**
 * The signed-in person confirms it is them with one of their passkeys (instead of the
 * password), before deleting their account: a challenge bound to the session, for their own
 * passkeys only, user verification required.
 */
export class ConfirmWithPasskey {
  constructor(
    private readonly passkeys: PasskeyStore,
    private readonly accounts: AccountStore,
    private readonly rp: RelyingParty,
  ) {}

  async options(
    accountId: string,
    sessionId: string,
  ): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const own = await this.passkeys.list(accountId);
    if (own.length === 0) throw new PasskeyError('passkey-none');
    const options = await generateAuthenticationOptions({
      rpID: this.rp.id,
      userVerification: 'required',
      allowCredentials: own.map((passkey) => ({
        id: passkey.id,
        transports: passkey.transports as never,
      })),
    });
    await this.passkeys.putChallenge(
      ChallengePurpose.CONFIRM,
      sessionId,
      options.challenge,
      accountId,
    );
    return options;
  }

  async execute(
    accountId: string,
    sessionId: string,
    credential: string,
    actor: Actor = {},
  ): Promise<void> {
    const waiting = await this.passkeys.takeChallenge(ChallengePurpose.CONFIRM, sessionId);
    if (waiting?.accountId !== accountId) throw new PasskeyError('passkey-failed');
    try {
      await checkAssertion(this.passkeys, this.rp, credential, waiting);
    } catch (error) {
      if (error instanceof PasskeyError) {
        await this.accounts.audit(AuditEvent.SIGN_IN_FAILED, accountId, actor);
      }
      throw error;
    }
  }
}
