import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';
import { checkWebhookUrl } from '../domain/webhook-url.js';
import {
  resolveTarget,
  systemLookup,
  type LookupAll,
  type ResolvedAddress,
} from './target-address.js';

export interface WebhookSenderSettings {
  /** Plain http to loopback hosts is allowed (development only; off in production). */
  allowLoopback: boolean;
  /** Longest endpoint URL accepted, in characters. */
  maxUrlLength: number;
  /** Time to open the TCP connection (ms). */
  connectTimeoutMs: number;
  /** Time from the start of the request to the end of the part of the answer kept (ms). */
  responseTimeoutMs: number;
  /** Bytes of the response body read; the rest is not read (the connection is closed). */
  maxResponseBytes: number;
  /** Characters of the response body kept as its excerpt. */
  excerptChars: number;
  userAgent: string;
  /** Certificate authorities trusted in place of the system's (a private PKI); unset in production. */
  ca?: string;
}

export const DEFAULT_SENDER_SETTINGS: WebhookSenderSettings = {
  allowLoopback: false,
  maxUrlLength: 2048,
  connectTimeoutMs: 10_000,
  responseTimeoutMs: 15_000,
  maxResponseBytes: 1024,
  excerptChars: 256,
  userAgent: 'Clearinghouse-Webhooks/1.0 (Extended Collective Licensing notifications)',
};

/** One attempt at one message to one endpoint. */
export interface OutgoingWebhook {
  url: string;
  /** The message's `webhook-id`: the same on every attempt, so the receiver can drop repeats. */
  messageId: string;
  /** The JSON text sent, exactly as signed. */
  body: string;
  /** Every secret of the endpoint that is active now (two during a rotation's overlap). */
  secrets: readonly string[];
  /** The `webhook-timestamp`: the time of this attempt unless given. */
  timestamp?: Date;
}

/** What became of one attempt, as the delivery log shows it. */
export interface DeliveryResult {
  /** The receiver answered 2xx. */
  ok: boolean;
  /** The HTTP status answered, or null when no answer came. */
  status: number | null;
  latencyMs: number;
  /** The start of the response body (UTF-8 text), or null when no answer came. */
  excerpt: string | null;
  /** Why the attempt failed, as a sentence for the endpoint's owner; null when it succeeded. */
  error: string | null;
}

class Timeout extends Error {
  constructor(readonly sentence: string) {
    super(sentence);
  }
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

/** A sentence for a connection that failed before any answer (never the error's internals). */
function describeFailure(error: unknown): string {
  if (error instanceof Timeout) return error.sentence;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  switch (code) {
    case 'ECONNREFUSED':
      return 'The receiver refused the connection.';
    case 'ECONNRESET':
      return 'The receiver closed the connection without answering.';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return "The receiver's network could not be reached.";
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_INVALID_STATUS':
    case 'HPE_INVALID_HEADER_TOKEN':
      return 'The receiver did not answer in HTTP.';
  }
  if (/CERT|ALTNAME|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) {
    return `The receiver's TLS certificate was not accepted (${code}).`;
  }
  if (code === 'EPROTO' || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')) {
    return 'The TLS handshake with the receiver failed.';
  }
  return `The connection to the receiver failed${code ? ` (${code})` : ''}.`;
}

function describeStatus(status: number): string | null {
  if (status >= 200 && status < 300) return null;
  const answer = `The receiver answered ${status}${http.STATUS_CODES[status] ? ` ${http.STATUS_CODES[status]}` : ''}`;
  return status >= 300 && status < 400 ? `${answer}; redirects are not followed.` : `${answer}.`;
}

/** The kept bytes as text: an incomplete last character is left out, then at most `chars` characters. */
function excerptOf(bytes: Buffer, chars: number): string {
  const text = new TextDecoder('utf-8').decode(bytes, { stream: true });
  return Array.from(text).slice(0, chars).join('');
}

/** A lookup that answers only the addresses already checked, so the connection goes there. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
    const usable = addresses.filter((a) => wanted === undefined || a.family === wanted);
    if (usable.length === 0) {
      const error: NodeJS.ErrnoException = new Error('No checked address of that family.');
      error.code = 'ENOTFOUND';
      callback(error, '', undefined);
    } else if (options.all) {
      callback(
        null,
        usable.map(({ address, family }) => ({ address, family })),
      );
    } else {
      callback(null, usable[0]!.address, usable[0]!.family);
    }
  };
}

/**
 * Sends one webhook: a POST of the JSON body signed after the Standard Webhooks specification
 * with every active secret, to the addresses checked by the address rule, without following
 * redirects, within the timeouts, reading at most a few bytes of the answer. It keeps no state
 * between calls but its connection pools, so any number of sends may run at once.
 */
export class WebhookSender {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(
    private readonly settings: WebhookSenderSettings = DEFAULT_SENDER_SETTINGS,
    private readonly lookupAll: LookupAll = systemLookup,
  ) {
    this.httpAgent = new http.Agent({ keepAlive: true });
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      ...(settings.ca ? { ca: settings.ca } : {}),
    });
  }

  async send(webhook: OutgoingWebhook): Promise<DeliveryResult> {
    const failed = (error: string): DeliveryResult => ({
      ok: false,
      status: null,
      latencyMs: 0,
      excerpt: null,
      error,
    });
    if (webhook.secrets.length === 0) return failed('The endpoint has no active signing secret.');
    const url = checkWebhookUrl(webhook.url, {
      allowLoopback: this.settings.allowLoopback,
      maxLength: this.settings.maxUrlLength,
    });
    if (!url.ok) return failed(url.reason);
    const target = await resolveTarget(
      url.url,
      { allowLoopback: this.settings.allowLoopback },
      this.lookupAll,
    );
    if (!target.ok) return failed(target.reason);
    let signature: string;
    const timestamp = webhook.timestamp ?? new Date();
    try {
      signature = webhook.secrets
        .map((secret) => new Webhook(secret).sign(webhook.messageId, timestamp, webhook.body))
        .join(' ');
    } catch {
      return failed('A signing secret of the endpoint is not valid.');
    }
    return this.post(url.url, target.addresses, webhook, timestamp, signature);
  }

  /** Closes the idle connections kept for the next deliveries. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private post(
    url: URL,
    addresses: ResolvedAddress[],
    webhook: OutgoingWebhook,
    timestamp: Date,
    signature: string,
  ): Promise<DeliveryResult> {
    const { settings } = this;
    const body = Buffer.from(webhook.body, 'utf8');
    const secure = url.protocol === 'https:';
    const started = performance.now();
    return new Promise<DeliveryResult>((resolve) => {
      let settled = false;
      let status: number | null = null;
      const kept: Buffer[] = [];
      let keptBytes = 0;
      let connectTimer: NodeJS.Timeout | undefined;
      const finish = (error: string | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        clearTimeout(connectTimer);
        const answered = status !== null;
        resolve({
          ok: answered && error === null && describeStatus(status!) === null,
          status,
          latencyMs: Math.round(performance.now() - started),
          excerpt: answered ? excerptOf(Buffer.concat(kept), settings.excerptChars) : null,
          error: answered ? (describeStatus(status!) ?? error) : error,
        });
      };
      const request = (secure ? https : http).request(
        url,
        {
          method: 'POST',
          agent: secure ? this.httpsAgent : this.httpAgent,
          lookup: pinnedLookup(addresses),
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            'user-agent': settings.userAgent,
            'webhook-id': webhook.messageId,
            'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
            'webhook-signature': signature,
          },
        },
        (response) => {
          status = response.statusCode ?? null;
          response.on('data', (chunk: Buffer) => {
            const room = settings.maxResponseBytes - keptBytes;
            if (room > 0) {
              const part = chunk.subarray(0, room);
              kept.push(part);
              keptBytes += part.length;
            }
            if (keptBytes >= settings.maxResponseBytes) {
              // The rest is never read: the connection closes instead.
              finish(null);
              response.destroy();
            }
          });
          response.on('end', () => finish(null));
          // The answer broke off after its status: the status stands.
          response.on('error', () => finish(null));
          response.on('close', () => finish(null));
        },
      );
      const deadline = setTimeout(() => {
        if (status !== null) finish(null);
        request.destroy(
          new Timeout(`The receiver did not answer within ${seconds(settings.responseTimeoutMs)}.`),
        );
      }, settings.responseTimeoutMs);
      request.on('socket', (socket) => {
        if (!socket.connecting) return;
        connectTimer = setTimeout(() => {
          request.destroy(
            new Timeout(
              `The receiver could not be reached within ${seconds(settings.connectTimeoutMs)}.`,
            ),
          );
        }, settings.connectTimeoutMs);
        socket.once('connect', () => clearTimeout(connectTimer));
      });
      request.on('error', (error) => finish(describeFailure(error)));
      request.end(body);
    });
  }
}
