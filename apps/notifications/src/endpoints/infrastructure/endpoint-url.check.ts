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
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  refused.addSubnet(network, prefix, 'ipv6');
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/**
 * The address as its family writes it: an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`,
 * `::ffff:a00:1`) is the IPv4 address it carries, checked by the IPv4 ranges.
 */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  if (isIP(address) !== 6) return { address, family: 'ipv4' };
  const mapped = /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!mapped) return { address, family: 'ipv6' };
  if (mapped[1]) return { address: mapped[1], family: 'ipv4' };
  const value = (parseInt(mapped[2]!, 16) << 16) | parseInt(mapped[3]!, 16);
  const octets = [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff);
  return { address: octets.join('.'), family: 'ipv4' };
}

const inList = (list: BlockList, address: string) => {
  const plain = unmapped(address);
  return list.check(plain.address, plain.family);
};

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
  const isLoopback = addresses.every((address) => inList(loopback, address));
  if (isLoopback && allowLoopback) return null;
  if (url.protocol !== 'https:') return 'url: must be an https URL';
  if (addresses.some((address) => inList(refused, address))) {
    return `url: the host ${host} is a private, loopback or link-local address, where webhooks are not sent`;
  }
  return null;
}
