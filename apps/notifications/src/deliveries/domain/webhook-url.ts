import ipaddr from 'ipaddr.js';

/**
 * The URL rule of a webhook endpoint: an absolute http(s) URL without user name, password or
 * fragment, of bounded length; `https:` unless the host is a loopback address or name and the
 * operator allows loopback (development). Where the host's addresses may lead is the address
 * rule's concern (outbound/target-address.ts), checked when the endpoint is saved and again at
 * every delivery.
 */
export interface WebhookUrlPolicy {
  /** Plain http and loopback hosts are accepted (development only; off in production). */
  allowLoopback: boolean;
  /** Longest URL accepted, in characters. */
  maxLength: number;
}

export const DEFAULT_WEBHOOK_URL_POLICY: WebhookUrlPolicy = {
  allowLoopback: false,
  maxLength: 2048,
};

export type WebhookUrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

/** The host of a URL without the brackets of an IPv6 literal, lower case, no trailing dot. */
export function bareHost(url: URL): string {
  return url.hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
}

/**
 * A loopback host: `localhost` or a name under it (RFC 6761), 127.0.0.0/8, ::1, or the
 * IPv4-mapped form of a loopback address. The URL parser has already turned decimal, octal and
 * hexadecimal IPv4 forms (`2130706433`, `0x7f.1`) into dotted quads.
 */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (!ipaddr.isValid(host)) return false;
  return ipaddr.process(host).range() === 'loopback';
}

const refuse = (reason: string): WebhookUrlVerdict => ({ ok: false, reason });

/** Checks a webhook URL as its owner typed it; the reason is a sentence shown to the owner. */
export function checkWebhookUrl(
  raw: string,
  policy: WebhookUrlPolicy = DEFAULT_WEBHOOK_URL_POLICY,
): WebhookUrlVerdict {
  if (raw.length > policy.maxLength) {
    return refuse(`The URL is longer than ${policy.maxLength} characters.`);
  }
  if ([...raw].some((char) => /\s/.test(char) || char.charCodeAt(0) < 0x20 || char === '\u007f')) {
    return refuse('The URL must not contain spaces or control characters.');
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('The URL is not a valid absolute URL (such as https://example.com/webhooks).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse('The URL must start with https://.');
  }
  if (url.username !== '' || url.password !== '') {
    return refuse(
      'The URL must not contain a user name or password: each delivery is signed instead.',
    );
  }
  if (raw.includes('#')) {
    return refuse('The URL must not contain a fragment (the part after #).');
  }
  if (url.protocol === 'http:' && !(policy.allowLoopback && isLoopbackHost(bareHost(url)))) {
    return refuse(
      policy.allowLoopback
        ? 'The URL must start with https:// (plain http:// is accepted only for a loopback host).'
        : 'The URL must start with https://.',
    );
  }
  return { ok: true, url };
}
