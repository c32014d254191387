import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { bareHost, isLoopbackHost } from '../domain/webhook-url.js';

/**
 * The address rule: a webhook goes only to public internet addresses. Every address the host
 * resolves to must be one (a name that also resolves to a private address is refused), and the
 * request then connects to exactly those addresses (see webhook-sender.ts), so a DNS answer that
 * changes between the check and the connection cannot lead it elsewhere.
 */
export interface TargetAddressPolicy {
  /** Loopback addresses and names are accepted (development only; off in production). */
  allowLoopback: boolean;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address of a host name, as the system resolver gives them. */
export type LookupAll = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemLookup: LookupAll = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

export type TargetVerdict =
  | { ok: true; host: string; addresses: ResolvedAddress[] }
  | { ok: false; kind: 'refused' | 'unresolved'; reason: string };

/** Names of cloud metadata services (their addresses are link-local or private anyway). */
const METADATA_NAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);
/** Addresses of cloud metadata services: AWS, GCP, Azure (IPv4 and IPv6), ECS tasks, Alibaba. */
const METADATA_ADDRESSES = new Set([
  '169.254.169.254',
  'fd00:ec2::254',
  '169.254.170.2',
  '100.100.100.200',
]);

const IPV4_LABELS: Record<string, string> = {
  unspecified: "a 'this network' address (0.0.0.0/8)",
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (169.254.0.0/16)',
  loopback: 'a loopback address (this machine)',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10)',
  private: 'a private network address (RFC 1918)',
  reserved: 'a reserved, documentation or benchmarking address',
};
const IPV6_LABELS: Record<string, string> = {
  unspecified: 'the unspecified address (::)',
  linkLocal: 'a link-local address (fe80::/10)',
  multicast: 'a multicast address',
  loopback: 'a loopback address (this machine)',
  uniqueLocal: 'a private network address (unique local, fc00::/7)',
  deprecatedSiteLocal: 'a site-local address (fec0::/10)',
  reserved: 'a reserved or documentation address',
};
const SPECIAL = 'a special-purpose address';
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');

function ipv4Problem(address: ipaddr.IPv4, policy: TargetAddressPolicy): string | null {
  if (METADATA_ADDRESSES.has(address.toString())) return 'a cloud metadata address';
  const range = address.range();
  if (range === 'unicast' || (range === 'loopback' && policy.allowLoopback)) return null;
  return IPV4_LABELS[range] ?? SPECIAL;
}

/** The IPv4 address an IPv6 form carries: mapped, translated, NAT64 or the old compatible form. */
function embeddedIPv4(address: ipaddr.IPv6): { v4: ipaddr.IPv4; compatible: boolean } | null {
  const range = address.range();
  const last32 = () => {
    const bytes = address.toByteArray().slice(12);
    return new ipaddr.IPv4(bytes);
  };
  if (range === 'ipv4Mapped' || range === 'rfc6145' || address.match(NAT64)) {
    return { v4: last32(), compatible: false };
  }
  const parts = address.parts;
  if (range === 'unicast' && parts.slice(0, 6).every((part) => part === 0)) {
    return { v4: last32(), compatible: true };
  }
  return null;
}

function ipv6Problem(address: ipaddr.IPv6, policy: TargetAddressPolicy): string | null {
  if (METADATA_ADDRESSES.has(address.toString())) return 'a cloud metadata address';
  const embedded = embeddedIPv4(address);
  if (embedded) {
    const problem = ipv4Problem(embedded.v4, policy);
    if (problem) return `${problem} written as IPv6`;
    return embedded.compatible ? 'an IPv4-compatible IPv6 address (deprecated)' : null;
  }
  const range = address.range();
  if (range === 'loopback' && policy.allowLoopback) return null;
  if (range !== 'unicast') return IPV6_LABELS[range] ?? SPECIAL;
  if (!address.match(GLOBAL_UNICAST)) return 'an address outside global unicast (2000::/3)';
  return null;
}

/**
 * An IP address in canonical form. ipaddr.js reads `::a.b.c.d` (IPv4-compatible) as if it were
 * `::ffff:a.b.c.d` (IPv4-mapped); the URL parser writes IPv6 with the IPv4 part in hexadecimal.
 * A zone (`fe80::1%eth0`) is left out: it names an interface, not an address.
 */
function canonical(address: string): string {
  if (isIP(address) !== 6) return address;
  const withoutZone = address.replace(/%.*$/, '');
  return new URL(`http://[${withoutZone}]/`).hostname.slice(1, -1);
}

/**
 * What makes an address unfit for a webhook, as words for a sentence (`a loopback address (this
 * machine)`), or null when it is a public address.
 */
export function addressProblem(address: string, policy: TargetAddressPolicy): string | null {
  if (isIP(address) === 0) return 'not an IP address';
  const parsed = ipaddr.parse(canonical(address));
  return parsed.kind() === 'ipv4'
    ? ipv4Problem(parsed as ipaddr.IPv4, policy)
    : ipv6Problem(parsed as ipaddr.IPv6, policy);
}

const PUBLIC_ONLY = 'webhooks are delivered only to public internet addresses.';

/**
 * Resolves the URL's host and checks every address; the reason is a sentence shown to the
 * endpoint's owner. A host that does not resolve is `unresolved` (it may later), not refused.
 */
export async function resolveTarget(
  url: URL,
  policy: TargetAddressPolicy,
  lookupAll: LookupAll = systemLookup,
): Promise<TargetVerdict> {
  const host = bareHost(url);
  if (METADATA_NAMES.has(host)) {
    return {
      ok: false,
      kind: 'refused',
      reason: `${host} is a cloud metadata service; ${PUBLIC_ONLY}`,
    };
  }
  if (!policy.allowLoopback && isIP(host) === 0 && isLoopbackHost(host)) {
    return {
      ok: false,
      kind: 'refused',
      reason: `${host} is this machine (loopback); ${PUBLIC_ONLY}`,
    };
  }
  let addresses: ResolvedAddress[];
  if (isIP(host) !== 0) {
    addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await lookupAll(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) {
      return {
        ok: false,
        kind: 'unresolved',
        reason: `The host name ${host} could not be resolved.`,
      };
    }
  }
  for (const { address } of addresses) {
    const problem = addressProblem(address, policy);
    if (problem) {
      const subject = address === host ? host : `${host} resolves to ${address},`;
      const sentence = address === host ? `${subject} is ${problem}` : `${subject} ${problem}`;
      return { ok: false, kind: 'refused', reason: `${sentence}; ${PUBLIC_ONLY}` };
    }
  }
  return { ok: true, host, addresses };
}
