import { randomUUID } from 'node:crypto';
import { IsBoolean, IsInt, IsOptional, IsString, Min } from 'class-validator';
import pino from 'pino';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { EventCatalog, defineEvent, type EventEnvelope, type Topic } from '#libs/contracts';
import type { ServiceDatabase } from '#libs/database';
import {
  EventConsumer,
  OutboxRelay,
  PostgresEventLogTransport,
  createMessagingTables,
  KafkaTransport,
  handlerFor,
  type EventTransport,
} from '#libs/messaging';

/** Schema of the service the contract suite plays. */
export const CONTRACT_SCHEMA = 'contract_service';

class CreateContractTables1700000000000 implements MigrationInterface {
  name = 'CreateContractTables1700000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTables(queryRunner, CONTRACT_SCHEMA);
    await queryRunner.query(`
      CREATE TABLE "${CONTRACT_SCHEMA}"."handled" (
        "seq" bigserial PRIMARY KEY,
        "event_id" uuid NOT NULL,
        "key" text NOT NULL,
        "n" integer NOT NULL,
        "handled_at" timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${CONTRACT_SCHEMA}"."handled"`);
  }
}

export const contractDatabase: ServiceDatabase = {
  service: 'contract-service',
  schema: CONTRACT_SCHEMA,
  entities: [],
  migrations: [CreateContractTables1700000000000],
};

/** The contract's own event: the n-th item of a key. */
export class ItemSequencedV1 {
  @IsString()
  key: string;

  @IsInt()
  @Min(0)
  n: number;

  /** A handler that meets this item fails every time. */
  @IsOptional()
  @IsBoolean()
  poison?: boolean;
}

/** Each run uses its own topic, so runs against a shared broker never see each other. */
export function contractEvents(topic: string) {
  const v1 = defineEvent({
    type: 'contract.item.sequenced',
    version: 1,
    topic: topic as Topic,
    payload: ItemSequencedV1,
  });
  const v2 = defineEvent({ ...v1, version: 2 });
  return {
    v1,
    v2,
    /** What the consumers know. */
    catalog: new EventCatalog([v1]),
    /** A newer producer's catalog, for the unknown-version case. */
    newerCatalog: new EventCatalog([v1, v2]),
  };
}

export function newTopic(): string {
  return `contract.items.${randomUUID().slice(0, 8)}`;
}

export type TransportKind = 'postgres' | 'kafka';

export const logger = pino({ level: process.env.CONTRACT_LOG_LEVEL ?? 'silent' });

export function createTransport(
  kind: TransportKind,
  dataSource: DataSource,
  url: string,
): EventTransport {
  if (kind === 'kafka') {
    const brokers = process.env.KAFKA_BROKERS;
    if (!brokers) throw new Error('KAFKA_BROKERS is not set');
    return new KafkaTransport({
      brokers: brokers.split(','),
      clientId: `contract-${process.pid}`,
      logger,
      sessionTimeoutMs: 10_000,
    });
  }
  return new PostgresEventLogTransport({ dataSource, url, logger, pollIntervalMs: 500 });
}

export function createRelay(
  dataSource: DataSource,
  url: string,
  transport: EventTransport,
): OutboxRelay {
  return new OutboxRelay({
    dataSource,
    url,
    schema: CONTRACT_SCHEMA,
    transport,
    logger,
    batchSize: 200,
  });
}

export interface ConsumerSettings {
  group: string;
  topic: string;
  /** Milliseconds each handled item takes (to be caught mid-batch). */
  handleDelayMs?: number;
  maxAttempts?: number;
  /** Called once an item's effect is committed. */
  onHandled?: (item: ItemSequencedV1) => void;
}

/** A consumer recording each item it handles in `handled`, several items per statement. */
export function createConsumer(
  dataSource: DataSource,
  transport: EventTransport,
  settings: ConsumerSettings,
): EventConsumer {
  const { v1, catalog } = contractEvents(settings.topic);
  const handleItems = async (events: EventEnvelope<ItemSequencedV1>[], manager: EntityManager) => {
    const poison = events.find((event) => event.payload.poison);
    if (poison) throw new Error(`poison item ${poison.payload.key}#${poison.payload.n}`);
    if (settings.handleDelayMs)
      await new Promise((r) => setTimeout(r, settings.handleDelayMs! * events.length));
    await manager.query(
      `INSERT INTO "${CONTRACT_SCHEMA}"."handled" ("event_id", "key", "n")
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[])`,
      [
        events.map((e) => e.eventId),
        events.map((e) => e.payload.key),
        events.map((e) => e.payload.n),
      ],
    );
  };
  return new EventConsumer({
    name: settings.group,
    dataSource,
    schema: CONTRACT_SCHEMA,
    transport,
    logger,
    catalog,
    maxAttempts: settings.maxAttempts ?? 3,
    retryDelayMs: 10,
    onHandled: (event) => settings.onHandled?.(event.payload as ItemSequencedV1),
    handlers: [
      handlerFor(
        v1,
        async (event: EventEnvelope<ItemSequencedV1>, manager: EntityManager) => {
          await handleItems([event], manager);
        },
        (events: EventEnvelope<ItemSequencedV1>[], manager: EntityManager) =>
          handleItems(events, manager),
      ),
    ],
  });
}
