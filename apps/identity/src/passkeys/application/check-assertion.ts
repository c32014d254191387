import {
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
} from '@simplewebauthn/server';
import { PasskeyError } from '../domain/passkey-rules.js';
import type { RelyingParty } from '../domain/relying-party.js';
import type { PasskeyEntity } from '../infrastructure/passkey.entity.js';
import type { PasskeyStore } from '../infrastructure/passkey.store.js';
import { parseCredential } from './credential-json.js';

/**
 * Checks a browser's passkey answer (an assertion) to a challenge taken from the store: the
 * passkey of its credential id, of `accountId` when one is named, signed over the challenge for
 * the issuer's origin and RP ID, with the user verified and a counter that did not go back
 * (`@simplewebauthn/server` checks each). A good answer updates the passkey's counter, backup
 * flags and last use; the passkey is returned. A bad one is `passkey-failed` (with the passkey,
 * when one was named, for the audit).
 */
export async function checkAssertion(
  passkeys: PasskeyStore,
  rp: RelyingParty,
  credential: string,
  waiting: { challenge: string; accountId: string | null } | undefined,
): Promise<PasskeyEntity> {
  const response = parseCredential<AuthenticationResponseJSON>(credential);
  if (!response || !waiting?.challenge) throw new PasskeyError('passkey-failed');
  const passkey = await passkeys.find(response.id);
  if (!passkey || (waiting.accountId !== null && passkey.accountId !== waiting.accountId)) {
    throw new PasskeyError('passkey-failed', waiting.accountId ?? undefined);
  }
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: waiting.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: passkey.id,
      publicKey: new Uint8Array(passkey.publicKey),
      counter: passkey.counter,
      transports: passkey.transports as never,
    },
    requireUserVerification: true,
  }).catch(() => undefined);
  if (!verification?.verified) throw new PasskeyError('passkey-failed', passkey.accountId);
  const info = verification.authenticationInfo;
  await passkeys.used(passkey.id, {
    counter: info.newCounter,
    backedUp: info.credentialBackedUp,
    deviceType: info.credentialDeviceType,
  });
  return passkey;
}
