import { describe, expect, it } from '@jest/globals';
import { endpointUrlProblem } from './endpoint-url.check.js';

// Addresses written as IP literals, or names resolved by the stand-in below: no DNS is asked.
const PUBLIC_ONLY = /webhooks are delivered only to public internet addresses\.$/;
const resolvesTo = (address: string) => () => Promise.resolve([{ address, family: 4 as const }]);

describe(endpointUrlProblem.name, () => {
  it('should take an https URL of a public address', async () => {
    expect(await endpointUrlProblem('https://8.8.8.8/hooks?x=1', false)).toBeNull();
    expect(await endpointUrlProblem('https://[2001:4860:4860::8888]:8443/h', false)).toBeNull();
    expect(
      await endpointUrlProblem('https://hooks.example.com/h', false, resolvesTo('8.8.4.4')),
    ).toBeNull();
  });

  it('should take loopback, even over http, only when loopback is allowed', async () => {
    expect(await endpointUrlProblem('http://127.0.0.1:8080/hooks', true)).toBeNull();
    expect(await endpointUrlProblem('http://[::1]:8080/hooks', true)).toBeNull();
    expect(await endpointUrlProblem('http://127.0.0.1:8080/hooks', false)).toBe(
      'url: The URL must start with https://.',
    );
    expect(await endpointUrlProblem('https://127.0.0.1/hooks', false)).toMatch(PUBLIC_ONLY);
  });

  it.each([
    ['10.0.0.1'],
    ['172.16.5.4'],
    ['169.254.169.254'],
    ['100.64.0.1'],
    ['[fe80::1]'],
    ['[fd12::1]'],
    ['[::ffff:10.0.0.1]'],
  ])('should refuse %s even when loopback is allowed', async (host) => {
    const problem = await endpointUrlProblem(`https://${host}/hooks`, true);
    expect(problem).toMatch(/^url: /);
    expect(problem).toMatch(PUBLIC_ONLY);
  });

  it('should refuse a name that resolves to a private address', async () => {
    expect(
      await endpointUrlProblem('https://hooks.example.com/h', false, resolvesTo('10.1.2.3')),
    ).toBe(
      'url: hooks.example.com resolves to 10.1.2.3, a private network address (RFC 1918); webhooks are delivered only to public internet addresses.',
    );
  });

  it('should refuse other schemes, credentials and fragments, each with its sentence', async () => {
    expect(await endpointUrlProblem('ftp://8.8.8.8/x', false)).toBe(
      'url: The URL must start with https://.',
    );
    expect(await endpointUrlProblem('https://a:b@8.8.8.8/x', false)).toMatch(
      /^url: The URL must not contain a user name or password/,
    );
    expect(await endpointUrlProblem('https://8.8.8.8/x#frag', false)).toMatch(
      /^url: The URL must not contain a fragment/,
    );
    expect(await endpointUrlProblem('/relative', false)).toMatch(
      /^url: The URL is not a valid absolute URL/,
    );
  });
});
