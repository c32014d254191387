import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The channel a dispatcher listens on; a commit that adds deliveries notifies it. */
export const DELIVERIES_CHANNEL = 'notifications_deliveries';

/** An event for one owner, as its endpoints receive it. */
export interface OutgoingMessage {
  ownerPartyId: string;
  /** e.g. `license.revoked` (endpoints/domain/event-types.ts). */
  eventType: string;
  /** Messages of one key reach an endpoint in the order they were made: a license id, a report id. */
  orderingKey: string;
  /** The event of the log it is made from: the same event never makes a second message. */
  sourceEventId: string | null;
  /** When it happened (the body's `timestamp`). */
  occurredAt: Date;
  /** The body's `data`. */
  data: Record<string, unknown>;
}

/** A `webhook-id`: `msg_` and 32 hex digits. */
export function newMessageId(): string {
  return `msg_${randomUUID().replaceAll('-', '')}`;
}

/**
 * The body every endpoint receives, as Standard Webhooks suggests: `type`, `timestamp` and
 * `data`. Made once per message and stored as sent, so a redelivery signs the same bytes.
 */
export function messageBody(message: OutgoingMessage): string {
  return JSON.stringify({
    type: message.eventType,
    timestamp: message.occurredAt.toISOString(),
    data: message.data,
  });
}

/**
 * Puts messages on their way, inside the caller's transaction: the message once per source
 * event and owner, and one delivery for each enabled endpoint of the owner that takes its type
 * at that moment. The commit wakes the dispatchers.
 */
@Injectable()
export class DeliveryQueue {
  /**
   * Makes the message and its deliveries; returns the message id, or undefined when the source
   * event had made it already (a redelivered event has no second effect).
   */
  async enqueue(manager: EntityManager, message: OutgoingMessage): Promise<string | undefined> {
    const id = newMessageId();
    const inserted = await manager.query<{ id: string }[]>(
      `INSERT INTO "notifications"."webhook_messages"
         ("id", "owner_party_id", "event_type", "ordering_key", "source_event_id", "body", "created_at")
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT ("source_event_id", "owner_party_id", "event_type") DO NOTHING
       RETURNING "id"`,
      [
        id,
        message.ownerPartyId,
        message.eventType,
        message.orderingKey,
        message.sourceEventId,
        messageBody(message),
      ],
    );
    if (inserted.length === 0) return undefined;
    const deliveries = await manager.query<{ id: string }[]>(
      `INSERT INTO "notifications"."webhook_deliveries"
         ("message_id", "endpoint_id", "ordering_key", "status", "next_attempt_at", "created_at")
       SELECT $1, e."id", $2, 'PENDING', now(), now()
       FROM "notifications"."webhook_endpoints" e
       WHERE e."owner_party_id" = $3 AND e."enabled"
         AND (cardinality(e."event_types") = 0 OR $4 = ANY (e."event_types"))
       ORDER BY e."id"
       RETURNING "id"`,
      [id, message.orderingKey, message.ownerPartyId, message.eventType],
    );
    if (deliveries.length > 0) await wakeDispatchers(manager);
    return id;
  }

  /** A message for one endpoint only, whatever types it asks for (the owner's test ping). */
  async enqueueTo(
    manager: EntityManager,
    endpointId: string,
    message: OutgoingMessage,
  ): Promise<{ messageId: string; deliveryId: string }> {
    const id = newMessageId();
    await manager.query(
      `INSERT INTO "notifications"."webhook_messages"
         ("id", "owner_party_id", "event_type", "ordering_key", "source_event_id", "body", "created_at")
       VALUES ($1, $2, $3, $4, $5, $6, now())`,
      [
        id,
        message.ownerPartyId,
        message.eventType,
        message.orderingKey,
        message.sourceEventId,
        messageBody(message),
      ],
    );
    const [delivery] = await manager.query<{ id: string }[]>(
      `INSERT INTO "notifications"."webhook_deliveries"
         ("message_id", "endpoint_id", "ordering_key", "status", "next_attempt_at", "created_at")
       VALUES ($1, $2, $3, 'PENDING', now(), now())
       RETURNING "id"`,
      [id, endpointId, message.orderingKey],
    );
    await wakeDispatchers(manager);
    return { messageId: id, deliveryId: String(delivery!.id) };
  }

  /**
   * Sends again, as new deliveries with the same `webhook-id`s, the messages an endpoint was
   * given: the delivery named, or every delivery made in [from, to). Returns the new ids.
   */
  async redeliver(
    manager: EntityManager,
    endpointId: string,
    which: { deliveryId: string } | { from: Date; to: Date },
  ): Promise<string[]> {
    const filter =
      'deliveryId' in which
        ? { sql: `d."id" = $2`, params: [which.deliveryId] }
        : { sql: `d."created_at" >= $2 AND d."created_at" < $3`, params: [which.from, which.to] };
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO "notifications"."webhook_deliveries"
         ("message_id", "endpoint_id", "ordering_key", "status", "next_attempt_at", "created_at", "redelivery_of")
       SELECT d."message_id", d."endpoint_id", d."ordering_key", 'PENDING', now(), now(), d."id"
       FROM "notifications"."webhook_deliveries" d
       WHERE d."endpoint_id" = $1 AND ${filter.sql}
       ORDER BY d."id"
       RETURNING "id"`,
      [endpointId, ...filter.params],
    );
    if (rows.length > 0) await wakeDispatchers(manager);
    return rows.map((row) => String(row.id));
  }
}

/** NOTIFY is sent at commit: dispatchers wake when the deliveries are visible. */
async function wakeDispatchers(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [DELIVERIES_CHANNEL, '']);
}
