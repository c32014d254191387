import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** A request the receiver took, with what the specification's library made of its signature. */
export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** The parsed body when it verified with one of the receiver's secrets; undefined otherwise. */
  verified: { type: string; timestamp: string; data: Record<string, unknown> } | undefined;
  /** performance.now() when the request ended. */
  receivedAt: number;
}

/** What the receiver answers a request with: a status, after an optional delay, or never. */
export type ReceiverAnswer = { status: number; delayMs?: number } | 'hang';

export interface WebhookReceiver {
  url: string;
  /** Every request, in arrival order (redeliveries included). */
  received: ReceivedWebhook[];
  /** The verified bodies, one per `webhook-id`, as a receiver that dedupes keeps them. */
  accepted(): ReceivedWebhook[];
  /** Secrets it verifies with (any of them). */
  secrets: string[];
  /** Decides each answer; default 204. */
  answer: (request: ReceivedWebhook, index: number) => ReceiverAnswer;
  /** Resolves when `predicate` holds for the requests received (polled on each request). */
  until(predicate: (received: ReceivedWebhook[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real HTTP receiver on 127.0.0.1 that checks each request as an endpoint's owner would, with
 * the Standard Webhooks library (`webhook-id`, `webhook-timestamp`, `webhook-signature`).
 */
export async function startWebhookReceiver(path = '/hooks'): Promise<WebhookReceiver> {
  const waiters = new Set<() => void>();
  const hanging = new Set<ServerResponse>();
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    secrets: [],
    answer: () => ({ status: 204 }),
    accepted() {
      const seen = new Map<string, ReceivedWebhook>();
      for (const request of receiver.received) {
        if (request.verified && !seen.has(request.id)) seen.set(request.id, request);
      }
      return [...seen.values()];
    },
    until(predicate, timeoutMs = 30_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!predicate(receiver.received)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `the receiver did not get what was expected within ${timeoutMs} ms (${receiver.received.length} requests)`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close').catch(() => undefined);
    },
  };
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => String(request.headers[name] ?? '');
      const headers = {
        'webhook-id': header('webhook-id'),
        'webhook-timestamp': header('webhook-timestamp'),
        'webhook-signature': header('webhook-signature'),
      };
      const received: ReceivedWebhook = {
        id: headers['webhook-id'],
        timestamp: headers['webhook-timestamp'],
        signature: headers['webhook-signature'],
        body,
        verified: verify(receiver.secrets, body, headers),
        receivedAt: performance.now(),
      };
      if (request.url !== path) received.verified = undefined;
      const index = receiver.received.push(received) - 1;
      for (const waiter of [...waiters]) waiter();
      const answer = receiver.answer(received, index);
      if (answer === 'hang') {
        hanging.add(response);
        return;
      }
      const send = () => {
        if (!response.destroyed) response.writeHead(answer.status).end();
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  server.keepAliveTimeout = 1000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return receiver;
}

function verify(
  secrets: string[],
  body: string,
  headers: Record<string, string>,
): ReceivedWebhook['verified'] {
  for (const secret of secrets) {
    try {
      return new Webhook(secret).verify(body, headers) as ReceivedWebhook['verified'];
    } catch {
      // not this secret
    }
  }
  return undefined;
}
