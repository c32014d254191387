/** Who the passkeys are for: the site a browser shows and checks (WebAuthn's relying party). */
export interface RelyingParty {
  /** The RP ID: the issuer's host name (a passkey works on that site and its subdomains). */
  id: string;
  /** The origin the browser reports in its answers: the issuer's (the gateway's, through it). */
  origin: string;
  name: string;
}

export const RELYING_PARTY_NAME = 'Clearinghouse';

/** The relying party of the issuer's site: its host name and origin. */
export function relyingPartyOf(issuer: string): RelyingParty {
  const url = new URL(issuer);
  return { id: url.hostname, origin: url.origin, name: RELYING_PARTY_NAME };
}

/**
 * Whether browsers accept passkeys for this relying party: its ID must be a host name (such as
 * `localhost` or `id.example.jp`), never an IP address (`127.0.0.1`, `[::1]`).
 */
export function passkeysPossible(rp: RelyingParty): boolean {
  const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(rp.id);
  const ipv6 = rp.id.startsWith('[') || rp.id.includes(':');
  return !ipv4 && !ipv6;
}
