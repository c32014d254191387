import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One event for one owner, as every endpoint of the owner receives it: its id is the
 * `webhook-id` (the same on every attempt and redelivery, so a receiver dedupes by it), its
 * payload the body. Made once per source event and owner.
 */
@Entity({ name: 'webhook_messages' })
@Index('webhook_messages_source', ['sourceEventId', 'ownerPartyId', 'eventType'], { unique: true })
@Index('webhook_messages_owner', ['ownerPartyId', 'createdAt'])
export class WebhookMessageEntity {
  /** `msg_` and a UUID without dashes: the `webhook-id`. */
  @PrimaryColumn('text')
  id: string;

  @Column({ name: 'owner_party_id', type: 'uuid' })
  ownerPartyId: string;

  /** e.g. `license.revoked`. */
  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  /** Messages of one key reach an endpoint in the order they were made (a license, a report). */
  @Column({ name: 'ordering_key', type: 'text' })
  orderingKey: string;

  /** The event of the log the message was made from; null for a test ping. */
  @Column({ name: 'source_event_id', type: 'uuid', nullable: true })
  sourceEventId: string | null;

  /** The JSON body sent, exactly as signed. */
  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
