import { describe, expect, it } from '@jest/globals';
import { checkWebhookUrl, isLoopbackHost, type WebhookUrlPolicy } from './webhook-url.js';

const production: WebhookUrlPolicy = { allowLoopback: false, maxLength: 2048 };
const development: WebhookUrlPolicy = { allowLoopback: true, maxLength: 2048 };

describe(checkWebhookUrl.name, () => {
  it.each([
    'https://hooks.example.com/clearinghouse',
    'https://hooks.example.com:8443/in?source=ecl',
    'https://[2606:4700::1111]/in',
    'https://203.0.113.10/in',
  ])('should accept %s', (raw) => {
    const verdict = checkWebhookUrl(raw, production);
    expect(verdict.ok).toBe(true);
  });

  it.each([
    [
      'hooks.example.com/in',
      'The URL is not a valid absolute URL (such as https://example.com/webhooks).',
    ],
    [
      '/relative/path',
      'The URL is not a valid absolute URL (such as https://example.com/webhooks).',
    ],
    ['ftp://hooks.example.com/in', 'The URL must start with https://.'],
    ['javascript:alert(1)', 'The URL must start with https://.'],
    ['http://hooks.example.com/in', 'The URL must start with https://.'],
    ['http://localhost:8080/in', 'The URL must start with https://.'],
    [
      'https://user:secret@hooks.example.com/in',
      'The URL must not contain a user name or password: each delivery is signed instead.',
    ],
    [
      'https://token@hooks.example.com/in',
      'The URL must not contain a user name or password: each delivery is signed instead.',
    ],
    [
      'https://hooks.example.com/in#part',
      'The URL must not contain a fragment (the part after #).',
    ],
    ['https://hooks.example.com/in#', 'The URL must not contain a fragment (the part after #).'],
    [' https://hooks.example.com/in', 'The URL must not contain spaces or control characters.'],
    ['https://hooks.example.com/a b', 'The URL must not contain spaces or control characters.'],
    ['https://hooks.example.com/\nin', 'The URL must not contain spaces or control characters.'],
  ])('should refuse %j: %s', (raw, reason) => {
    expect(checkWebhookUrl(raw, production)).toEqual({ ok: false, reason });
  });

  it('should refuse a URL longer than the cap', () => {
    const raw = `https://hooks.example.com/${'a'.repeat(2048)}`;
    expect(checkWebhookUrl(raw, production)).toEqual({
      ok: false,
      reason: 'The URL is longer than 2048 characters.',
    });
    expect(checkWebhookUrl('https://a.example/x', { ...production, maxLength: 10 }).ok).toBe(false);
  });

  it('should accept plain http for a loopback host only when the operator allows loopback', () => {
    for (const raw of [
      'http://localhost:8080/in',
      'http://127.0.0.1:8080/in',
      'http://[::1]:8080/in',
      'http://2130706433/in',
      'http://0x7f.1/in',
      'http://[::ffff:127.0.0.1]/in',
      'http://hooks.localhost/in',
    ]) {
      expect(checkWebhookUrl(raw, development).ok).toBe(true);
      expect(checkWebhookUrl(raw, production).ok).toBe(false);
    }
    expect(checkWebhookUrl('http://hooks.example.com/in', development)).toEqual({
      ok: false,
      reason:
        'The URL must start with https:// (plain http:// is accepted only for a loopback host).',
    });
    expect(checkWebhookUrl('http://10.0.0.1/in', development).ok).toBe(false);
  });
});

describe(isLoopbackHost.name, () => {
  it.each([
    ['localhost', true],
    ['api.localhost', true],
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:7f00:1', true],
    ['localhost.example.com', false],
    ['10.0.0.1', false],
    ['::2', false],
  ])('should say whether %s is a loopback host (%s)', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
