import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { AuditEvent } from '../../../accounts/domain/audit-event.js';
import type { AccountStore, Actor } from '../../../accounts/infrastructure/account.store.js';
import { ChallengePurpose, PasskeyError, passkeyName } from '../../domain/passkey-rules.js';
import { passkeysPossible, type RelyingParty } from '../../domain/relying-party.js';
import type { PasskeyStore } from '../../infrastructure/passkey.store.js';
import { parseCredential } from '../credential-json.js';

/** The signed-in person, as the account page knows them. */
export interface SignedInAccount {
  accountId: string;
  email: string;
  /** The provider's session the page was opened in: what a challenge is bound to. */
  sessionId: string;
}

/**
 * Adds a passkey to the signed-in person's account: options with a challenge kept server-side
 * (bound to the session, five minutes, used once), then the browser's answer checked by
 * `@simplewebauthn/server` against the issuer's origin and RP ID, with user verification
 * required and a discoverable credential asked for (so it can sign in alone).
 */
export class RegisterPasskey {
  constructor(
    private readonly passkeys: PasskeyStore,
    private readonly accounts: AccountStore,
    private readonly rp: RelyingParty,
  ) {}

  /** Whether browsers can use passkeys here (the issuer is on a host name, not an IP address). */
  get available(): boolean {
    return passkeysPossible(this.rp);
  }

  async options(person: SignedInAccount): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const existing = await this.passkeys.list(person.accountId);
    const options = await generateRegistrationOptions({
      rpName: this.rp.name,
      rpID: this.rp.id,
      userName: person.email,
      userID: new TextEncoder().encode(person.accountId),
      attestationType: 'none',
      excludeCredentials: existing.map((passkey) => ({
        id: passkey.id,
        transports: passkey.transports as never,
      })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    await this.passkeys.putChallenge(
      ChallengePurpose.REGISTER,
      person.sessionId,
      options.challenge,
      person.accountId,
    );
    return options;
  }

  async execute(
    person: SignedInAccount,
    input: { credential: string; name: string },
    actor: Actor = {},
  ): Promise<void> {
    const name = passkeyName(input.name);
    if (!name) throw new PasskeyError('passkey-name-invalid');
    const response = parseCredential<RegistrationResponseJSON>(input.credential);
    const waiting = await this.passkeys.takeChallenge(ChallengePurpose.REGISTER, person.sessionId);
    if (!response || !waiting || waiting.accountId !== person.accountId) {
      throw new PasskeyError('passkey-failed');
    }
    const verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: waiting.challenge,
      expectedOrigin: this.rp.origin,
      expectedRPID: this.rp.id,
      requireUserVerification: true,
    }).catch(() => undefined);
    if (!verification?.verified) throw new PasskeyError('passkey-failed');
    const info = verification.registrationInfo;
    if (await this.passkeys.find(info.credential.id)) throw new PasskeyError('passkey-failed');
    await this.passkeys.add({
      id: info.credential.id,
      accountId: person.accountId,
      name,
      publicKey: Buffer.from(info.credential.publicKey),
      counter: info.credential.counter,
      transports: info.credential.transports ?? [],
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
    });
    await this.accounts.audit(AuditEvent.PASSKEY_ADDED, person.accountId, actor);
  }
}
