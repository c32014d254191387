import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller-supplied id from `header` when it is well formed. */
export function incomingId(req: IncomingMessage, header: string): string | undefined {
  const value = req.headers[header];
  const id = Array.isArray(value) ? value[0] : value;
  return id !== undefined && ACCEPTABLE_ID.test(id) ? id : undefined;
}

/** The request id: the caller's `x-request-id` when well formed, otherwise a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  return incomingId(req, REQUEST_ID_HEADER) ?? randomUUID();
}
