import { describe, expect, it } from '@jest/globals';
import { endpointUrlProblem } from './endpoint-url.check.js';

// Addresses written as IP literals: the check resolves no name for them.
const REFUSED = 'is a private, loopback or link-local address, where webhooks are not sent';

describe(endpointUrlProblem.name, () => {
  it('should take an https URL of a public address', async () => {
    expect(await endpointUrlProblem('https://8.8.8.8/hooks?x=1', false)).toBeNull();
    expect(await endpointUrlProblem('https://[2001:4860:4860::8888]:8443/h', false)).toBeNull();
  });

  it('should take loopback, even over http, only when loopback is allowed', async () => {
    expect(await endpointUrlProblem('http://127.0.0.1:8080/hooks', true)).toBeNull();
    expect(await endpointUrlProblem('http://[::1]:8080/hooks', true)).toBeNull();
    expect(await endpointUrlProblem('http://127.0.0.1:8080/hooks', false)).toBe(
      'url: must be an https URL',
    );
    expect(await endpointUrlProblem('https://127.0.0.1/hooks', false)).toBe(
      `url: the host 127.0.0.1 ${REFUSED}`,
    );
  });

  it.each([
    ['10.0.0.1'],
    ['172.16.5.4'],
    ['192.168.0.10'],
    ['169.254.169.254'],
    ['100.64.0.1'],
    ['0.0.0.0'],
    ['[fe80::1]'],
    ['[fd12::1]'],
  ])('should refuse %s even when loopback is allowed', async (host) => {
    expect(await endpointUrlProblem(`https://${host}/hooks`, true)).toBe(
      `url: the host ${host.replace(/^\[(.*)\]$/, '$1')} ${REFUSED}`,
    );
  });

  it('should check an IPv4-mapped IPv6 address as the IPv4 address it carries', async () => {
    expect(await endpointUrlProblem('https://[::ffff:10.0.0.1]/hooks', false)).toBe(
      `url: the host ::ffff:a00:1 ${REFUSED}`,
    );
    expect(await endpointUrlProblem('https://[::ffff:169.254.169.254]/hooks', false)).toBe(
      `url: the host ::ffff:a9fe:a9fe ${REFUSED}`,
    );
    expect(await endpointUrlProblem('https://[::ffff:8.8.8.8]/hooks', false)).toBeNull();
  });

  it('should refuse other schemes, credentials and fragments, each with its sentence', async () => {
    expect(await endpointUrlProblem('ftp://8.8.8.8/x', false)).toBe('url: must be an https URL');
    expect(await endpointUrlProblem('https://a:b@8.8.8.8/x', false)).toBe(
      'url: must not carry a user name or password',
    );
    expect(await endpointUrlProblem('https://8.8.8.8/x#frag', false)).toBe(
      'url: must not have a fragment',
    );
    expect(await endpointUrlProblem('/relative', false)).toBe('url: not an absolute URL');
  });
});
