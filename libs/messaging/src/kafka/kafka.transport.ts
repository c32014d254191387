import {
  Kafka,
  Partitioners,
  logLevel,
  type Admin,
  type Consumer,
  type IHeaders,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import type { Logger } from 'pino';
import type {
  DeliveredRecord,
  EventTransport,
  OutgoingRecord,
  RunningSubscription,
  Subscription,
  TopicSpec,
} from '../transport/event-transport.js';

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** Replication factor of created topics; -1 takes the broker's default. */
  replicationFactor?: number;
  sessionTimeoutMs?: number;
  /** Partitions one member handles at once (records of a partition stay in order). */
  partitionsConsumedConcurrently?: number;
}

/**
 * The event transport on Apache Kafka (kafkajs). The producer is idempotent with acks from all
 * in-sync replicas and one request in flight, so a partition keeps the order records were sent
 * in; the message key is the aggregate id; event type, version and correlation id travel as
 * headers. Topics are created at start-up, never implicitly. Consumer groups start from the
 * earliest offset and commit after the handler's transaction has committed (at least once; the
 * inbox makes redelivery harmless).
 */
export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private producerReady: Promise<void> | undefined;
  private readonly consumers = new Set<Consumer>();

  constructor(private readonly options: KafkaTransportOptions) {
    const { logger } = options;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ namespace, level, log }: LogEntry) => {
          const { message, ...rest } = log;
          const line = { component: 'kafkajs', namespace, ...rest };
          if (level <= logLevel.ERROR) logger.error(line, message);
          else if (level === logLevel.WARN) logger.warn(line, message);
          else logger.debug(line, message);
        },
    });
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    await this.withAdmin(async (admin) => {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((topic) => !existing.has(topic.name));
      if (missing.length === 0) return;
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map(({ name, partitions }) => ({
          topic: name,
          numPartitions: partitions,
          replicationFactor: this.options.replicationFactor ?? -1,
        })),
      });
    });
  }

  async publish(records: OutgoingRecord[]): Promise<void> {
    if (records.length === 0) return;
    this.producerReady ??= this.producer.connect();
    await this.producerReady;
    const byTopic = new Map<string, OutgoingRecord[]>();
    for (const record of records)
      byTopic.set(record.topic, [...(byTopic.get(record.topic) ?? []), record]);
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, batch]) => ({
        topic,
        messages: batch.map((record) => ({
          key: record.key,
          value: record.json ?? JSON.stringify(record.value),
          headers: record.headers,
        })),
      })),
    });
  }

  async subscribe(subscription: Subscription): Promise<RunningSubscription> {
    const consumer = this.kafka.consumer({
      groupId: subscription.groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      allowAutoTopicCreation: false,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: subscription.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: true,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 4,
      // Offsets are resolved and committed by kafkajs once this resolves, after the handler's
      // transaction has committed.
      eachBatch: async (payload) => {
        const { batch } = payload;
        const records: DeliveredRecord[] = batch.messages.map((message) => ({
          topic: batch.topic,
          partition: batch.partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? '',
          value: parseValue(message.value),
          headers: decodeHeaders(message.headers),
        }));
        if (records.length === 0) return;
        await subscription.handle(records, { inTransaction: () => Promise.resolve() });
        await payload.heartbeat();
      },
    });
    this.consumers.add(consumer);
    return {
      lag: () => this.lag(subscription.groupId, subscription.topics),
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async seek(groupId: string, topic: string, partition: number, nextOffset: bigint): Promise<void> {
    // Kafka accepts new offsets only for a group without active members.
    await this.withAdmin((admin) =>
      admin.setOffsets({
        groupId,
        topic,
        partitions: [{ partition, offset: nextOffset.toString() }],
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.disconnect()));
    this.consumers.clear();
    if (this.producerReady) await this.producer.disconnect();
  }

  /** End offsets minus the group's committed offsets, per topic. */
  async lag(groupId: string, topics: string[]): Promise<Record<string, number>> {
    return this.withAdmin(async (admin) => {
      const committed = await admin.fetchOffsets({ groupId, topics });
      const result: Record<string, number> = {};
      for (const { topic, partitions } of committed) {
        const ends = await admin.fetchTopicOffsets(topic);
        result[topic] = partitions.reduce((sum, { partition, offset }) => {
          const end = ends.find((candidate) => candidate.partition === partition);
          const low = Number(end?.low ?? 0);
          const position = Number(offset) < 0 ? low : Number(offset);
          return sum + Math.max(0, Number(end?.high ?? 0) - position);
        }, 0);
      }
      return result;
    });
  }

  async unhandledOlderThan(groupId: string, topics: string[], ageMs: number): Promise<boolean> {
    return this.withAdmin(async (admin) => {
      const committed = await admin.fetchOffsets({ groupId, topics });
      for (const { topic, partitions } of committed) {
        // Offsets of the first records at or after the cut-off: anything before them is older.
        const atCutOff = await admin.fetchTopicOffsetsByTimestamp(topic, Date.now() - ageMs);
        const ends = await admin.fetchTopicOffsets(topic);
        for (const { partition, offset } of partitions) {
          const cutOff = atCutOff.find((candidate) => candidate.partition === partition);
          const end = ends.find((candidate) => candidate.partition === partition);
          const low = Number(end?.low ?? 0);
          const position = Number(offset) < 0 ? low : Number(offset);
          // No record at or after the cut-off: the offset returned is -1 or the end.
          const firstRecent =
            Number(cutOff?.offset ?? -1) < 0 ? Number(end?.high ?? 0) : Number(cutOff!.offset);
          if (position < firstRecent) return true;
        }
      }
      return false;
    });
  }

  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }
}

function parseValue(value: Buffer | null): unknown {
  if (value === null) return null;
  const text = value.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}
