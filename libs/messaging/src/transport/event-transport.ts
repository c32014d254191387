import type { EntityManager } from 'typeorm';

/** A message as a producer hands it to the transport. */
export interface OutgoingRecord {
  topic: string;
  /** Message key (the aggregate id): records with one key keep their order. */
  key: string;
  /** The event envelope (any JSON value: dead letters keep what was received). */
  value: unknown;
  /** `value` already serialized as JSON, when the producer has it (saves a parse and a stringify). */
  json?: string;
  headers?: Record<string, string>;
}

/** A message as a consumer receives it. */
export interface DeliveredRecord extends OutgoingRecord {
  partition: number;
  /** Position in the partition, as a decimal string. */
  offset: string;
  headers: Record<string, string>;
}

export interface TopicSpec {
  name: string;
  partitions: number;
}

/**
 * How a consumer marks records done. `inTransaction` runs inside the transaction that applies the
 * records' effects and marks everything up to `upTo` (inclusive) handled: the PostgreSQL event log
 * commits the offset there, so effects and offset commit together; other transports commit once
 * the handler has resolved.
 */
export interface RecordAcknowledger {
  inTransaction(manager: EntityManager, upTo: DeliveredRecord): Promise<void>;
}

export interface Subscription {
  /** Consumer group: each record is handled by one member of the group. */
  groupId: string;
  topics: string[];
  /**
   * Called with consecutive records of one partition, in offset order, one call at a time per
   * partition. Resolves once their effects are committed; rejecting stops the partition (the
   * records are delivered again later), so handlers deal with their own failures (retries,
   * dead letters).
   */
  handle(records: DeliveredRecord[], ack: RecordAcknowledger): Promise<void>;
}

export interface RunningSubscription {
  /** Records not yet handled by the group, per topic. */
  lag(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/** The event transport port; adapters: PostgreSQL event log (default) and Kafka. */
export interface EventTransport {
  readonly kind: 'postgres' | 'kafka';
  /** Creates missing topics (and their dead-letter topics are created the same way). */
  ensureTopics(topics: TopicSpec[]): Promise<void>;
  /**
   * Appends records. Given `manager`, the PostgreSQL event log appends inside that transaction;
   * Kafka sends at once (idempotent producer, acks from all in-sync replicas).
   */
  publish(records: OutgoingRecord[], manager?: EntityManager): Promise<void>;
  subscribe(subscription: Subscription): Promise<RunningSubscription>;
  /**
   * Moves a group's position in a partition (replay or skip); takes effect when the group's
   * members next start. Redelivered events find their inbox rows and have no second effect.
   */
  seek(groupId: string, topic: string, partition: number, nextOffset: bigint): Promise<void>;
  /**
   * Whether the group has not yet handled a record of `topics` appended more than `ageMs` ago:
   * how a service tells that a read model is behind by more than it may be (fail closed).
   */
  unhandledOlderThan(groupId: string, topics: string[], ageMs: number): Promise<boolean>;
  close(): Promise<void>;
}
