import { describe, expect, it } from '@jest/globals';
import { checkWebhookUrl } from '../domain/webhook-url.js';
import {
  addressProblem,
  resolveTarget,
  type LookupAll,
  type ResolvedAddress,
} from './target-address.js';

const production = { allowLoopback: false };
const development = { allowLoopback: true };

/** A resolver answering from a table, as DNS would for these names. */
const zone: Record<string, string[]> = {
  'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'mixed.example.com': ['93.184.215.14', '10.0.0.7'],
  'rebind.example.com': ['169.254.169.254'],
  'v6private.example.com': ['fd12:3456::1'],
  'nat64.example.com': ['64:ff9b::5db8:d70e'],
  localhost: ['127.0.0.1', '::1'],
};
const tableLookup: LookupAll = (hostname) => {
  const addresses = zone[hostname];
  if (!addresses) return Promise.reject(new Error(`ENOTFOUND ${hostname}`));
  return Promise.resolve(
    addresses.map((address): ResolvedAddress => ({
      address,
      family: address.includes(':') ? 6 : 4,
    })),
  );
};

async function verdictFor(raw: string, policy = production) {
  const url = checkWebhookUrl(raw, { ...policy, maxLength: 2048 });
  if (!url.ok) throw new Error(`the URL rule refused ${raw}: ${url.reason}`);
  return resolveTarget(url.url, policy, tableLookup);
}

describe(addressProblem.name, () => {
  it.each([
    ['10.1.2.3', 'a private network address (RFC 1918)'],
    ['172.16.0.1', 'a private network address (RFC 1918)'],
    ['172.31.255.255', 'a private network address (RFC 1918)'],
    ['192.168.1.1', 'a private network address (RFC 1918)'],
    ['127.0.0.1', 'a loopback address (this machine)'],
    ['127.255.0.9', 'a loopback address (this machine)'],
    ['169.254.169.254', 'a cloud metadata address'],
    ['169.254.1.1', 'a link-local address (169.254.0.0/16)'],
    ['100.64.0.1', 'a carrier-grade NAT address (100.64.0.0/10)'],
    ['100.127.255.254', 'a carrier-grade NAT address (100.64.0.0/10)'],
    ['100.100.100.200', 'a cloud metadata address'],
    ['0.0.0.0', "a 'this network' address (0.0.0.0/8)"],
    ['0.1.2.3', "a 'this network' address (0.0.0.0/8)"],
    ['224.0.0.1', 'a multicast address'],
    ['239.255.255.250', 'a multicast address'],
    ['255.255.255.255', 'the broadcast address'],
    ['240.0.0.1', 'a reserved, documentation or benchmarking address'],
    ['192.0.2.10', 'a reserved, documentation or benchmarking address'],
    ['198.51.100.10', 'a reserved, documentation or benchmarking address'],
    ['203.0.113.10', 'a reserved, documentation or benchmarking address'],
    ['198.18.0.1', 'a reserved, documentation or benchmarking address'],
    ['192.0.0.8', 'a reserved, documentation or benchmarking address'],
    ['::1', 'a loopback address (this machine)'],
    ['::', 'the unspecified address (::)'],
    ['fe80::1', 'a link-local address (fe80::/10)'],
    ['fe80::1%eth0', 'a link-local address (fe80::/10)'],
    ['fc00::1', 'a private network address (unique local, fc00::/7)'],
    ['fd00:ec2::254', 'a cloud metadata address'],
    ['fec0::1', 'a site-local address (fec0::/10)'],
    ['ff02::1', 'a multicast address'],
    ['2001:db8::1', 'a reserved or documentation address'],
    ['::ffff:127.0.0.1', 'a loopback address (this machine) written as IPv6'],
    ['::ffff:7f00:1', 'a loopback address (this machine) written as IPv6'],
    ['::ffff:10.0.0.1', 'a private network address (RFC 1918) written as IPv6'],
    ['::ffff:169.254.169.254', 'a cloud metadata address written as IPv6'],
    ['::127.0.0.1', 'a loopback address (this machine) written as IPv6'],
    ['::8.8.8.8', 'an IPv4-compatible IPv6 address (deprecated)'],
    ['64:ff9b::10.0.0.1', 'a private network address (RFC 1918) written as IPv6'],
    ['64:ff9b:1::1', 'a special-purpose address'],
    ['2002:a00:1::1', 'a special-purpose address'],
    ['2001::1', 'a special-purpose address'],
    ['4000::1', 'an address outside global unicast (2000::/3)'],
  ])('should refuse %s as %s', (address, problem) => {
    expect(addressProblem(address, production)).toBe(problem);
  });

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '1.1.1.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
  ])('should accept the public address %s', (address) => {
    expect(addressProblem(address, production)).toBeNull();
  });

  it('should accept loopback, and only loopback, when the operator allows it', () => {
    expect(addressProblem('127.0.0.1', development)).toBeNull();
    expect(addressProblem('::1', development)).toBeNull();
    expect(addressProblem('::ffff:127.0.0.1', development)).toBeNull();
    expect(addressProblem('10.0.0.1', development)).not.toBeNull();
    expect(addressProblem('169.254.169.254', development)).not.toBeNull();
  });
});

describe(resolveTarget.name, () => {
  it.each([
    ['https://2130706433/', '127.0.0.1 is a loopback address (this machine)'],
    ['https://0x7f.1/', '127.0.0.1 is a loopback address (this machine)'],
    ['https://0177.0.0.1/', '127.0.0.1 is a loopback address (this machine)'],
    [
      'https://[::ffff:127.0.0.1]/',
      '::ffff:7f00:1 is a loopback address (this machine) written as IPv6',
    ],
    ['https://localhost:8080/', 'localhost is this machine (loopback)'],
  ])('should refuse %s even in other spellings (%s)', async (raw, start) => {
    const verdict = await verdictFor(raw, { allowLoopback: false });
    expect(verdict).toEqual({
      ok: false,
      kind: 'refused',
      reason: `${start}; webhooks are delivered only to public internet addresses.`,
    });
  });

  it('should refuse metadata services by name and by address', async () => {
    await expect(
      verdictFor('https://metadata.google.internal/computeMetadata/v1/'),
    ).resolves.toEqual({
      ok: false,
      kind: 'refused',
      reason:
        'metadata.google.internal is a cloud metadata service; webhooks are delivered only to public internet addresses.',
    });
    await expect(verdictFor('https://METADATA.GOOGLE.INTERNAL./')).resolves.toMatchObject({
      kind: 'refused',
    });
    await expect(verdictFor('https://169.254.169.254/latest/meta-data/')).resolves.toMatchObject({
      reason: expect.stringContaining('cloud metadata address'),
    });
    await expect(verdictFor('https://[fd00:ec2::254]/')).resolves.toMatchObject({
      kind: 'refused',
    });
  });

  it('should refuse a name when any of its addresses is not public', async () => {
    await expect(verdictFor('https://mixed.example.com/hooks')).resolves.toEqual({
      ok: false,
      kind: 'refused',
      reason:
        'mixed.example.com resolves to 10.0.0.7, a private network address (RFC 1918); webhooks are delivered only to public internet addresses.',
    });
    await expect(verdictFor('https://rebind.example.com/')).resolves.toMatchObject({
      kind: 'refused',
    });
    await expect(verdictFor('https://v6private.example.com/')).resolves.toMatchObject({
      kind: 'refused',
    });
  });

  it('should give every address of a public name, to connect to those only', async () => {
    await expect(verdictFor('https://hooks.example.com/in')).resolves.toEqual({
      ok: true,
      host: 'hooks.example.com',
      addresses: [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
      ],
    });
    await expect(verdictFor('https://nat64.example.com/in')).resolves.toMatchObject({ ok: true });
  });

  it('should say when a name does not resolve', async () => {
    await expect(verdictFor('https://nowhere.example.com/')).resolves.toEqual({
      ok: false,
      kind: 'unresolved',
      reason: 'The host name nowhere.example.com could not be resolved.',
    });
  });

  it('should accept loopback targets when the operator allows them', async () => {
    await expect(verdictFor('http://localhost:8080/', development)).resolves.toEqual({
      ok: true,
      host: 'localhost',
      addresses: [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ],
    });
    await expect(verdictFor('http://2130706433:9000/', development)).resolves.toMatchObject({
      ok: true,
    });
  });
});
