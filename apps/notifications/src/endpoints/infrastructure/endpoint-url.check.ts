import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where deliveries may not go: private, loopback, link-local (cloud metadata at 169.254.169.254
 * among them), shared, multicast and reserved ranges, in IPv4 and IPv6.
 */
const refused = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  refused.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['::ffff:0:0', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  refused.addSubnet(network, prefix, 'ipv6');
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * What is wrong with an endpoint's URL, as a sentence, or null: `https:` unless the host is
 * loopback and loopback is allowed (development and tests), no user name or password, no
 * fragment, and a host that resolves to public addresses only. The dispatcher checks the
 * address again at every delivery (a name may resolve elsewhere later).
 */
export async function endpointUrlProblem(
  value: string,
  allowLoopback: boolean,
): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'url: not an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'url: must be an https URL';
  if (url.username || url.password) return 'url: must not carry a user name or password';
  if (url.hash || value.includes('#')) return 'url: must not have a fragment';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      return `url: the host ${host} does not resolve`;
    }
  }
  const isLoopback = addresses.every((address) => loopback.check(address, family(address)));
  if (isLoopback && allowLoopback) return null;
  if (url.protocol !== 'https:') return 'url: must be an https URL';
  if (addresses.some((address) => refused.check(address, family(address)))) {
    return `url: the host ${host} is a private, loopback or link-local address, where webhooks are not sent`;
  }
  return null;
}
