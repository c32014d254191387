import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import type { MessagingConfig } from '#libs/config';
import { deadLetterTopic, type EventEnvelope, type Topic } from '#libs/contracts';
import {
  EventConsumer,
  type DeadLetterReason,
  type EventHandler,
} from './consumer/event-consumer.js';
import { KafkaTransport } from './kafka/kafka.transport.js';
import { MessagingMetrics } from './messaging.metrics.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { Outbox } from './outbox/outbox.js';
import { migrateEventLog } from './postgres/event-log.database.js';
import { PostgresEventLogTransport } from './postgres/postgres-event-log.transport.js';
import type { EventTransport } from './transport/event-transport.js';

export interface MessagingOptions {
  service: string;
  /** Service schema holding the outbox and inbox. */
  schema: string;
  /** Topics the service publishes to (created at start-up with their dead-letter topics). */
  produces: Topic[];
  config: MessagingConfig;
  databaseUrl: string;
  logger: Logger;
  /** The service's Prometheus registry. */
  registry: Registry;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const EVENT_TRANSPORT = Symbol('EVENT_TRANSPORT');

const DAY_MS = 86_400_000;

/**
 * A service's messaging at run time: the outbox relay and the consumers its modules registered
 * start once the application is up and stop before the database closes.
 */
@Injectable()
export class Messaging implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly registrations: { name: string; handlers: EventHandler[] }[] = [];
  private readonly consumers: EventConsumer[] = [];
  private readonly relay: OutboxRelay;
  private readonly metrics: MessagingMetrics;
  private started = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(EVENT_TRANSPORT) readonly transport: EventTransport,
    private readonly dataSource: DataSource,
  ) {
    this.metrics = new MessagingMetrics(options.registry, () => this.lagByConsumer());
    this.relay = new OutboxRelay({
      dataSource,
      url: options.databaseUrl,
      schema: options.schema,
      transport,
      logger: options.logger.child({ component: 'outbox-relay' }),
      pollIntervalMs: options.config.EVENT_POLL_INTERVAL_MS,
      onPublished: (count) => this.metrics.published.inc(count),
    });
  }

  /** Declares a consumer (group and inbox name, e.g. `authorization.works`) and its handlers. */
  register(name: string, handlers: EventHandler[]): void {
    if (this.started) throw new Error(`consumer ${name} registered after start-up`);
    this.registrations.push({ name, handlers });
  }

  async onApplicationBootstrap(): Promise<void> {
    const { produces, config, logger, schema } = this.options;
    const partitions = config.EVENT_TOPIC_PARTITIONS;
    // Topics this service consumes are ensured too: it may start before their producer.
    const consumed = this.registrations.flatMap(({ handlers }) =>
      handlers.map((handler) => handler.definition.topic),
    );
    await this.transport.ensureTopics(
      [...new Set([...produces, ...consumed])].flatMap((topic) => [
        { name: topic, partitions },
        { name: deadLetterTopic(topic), partitions },
      ]),
    );
    for (const { name, handlers } of this.registrations) {
      const consumer = new EventConsumer({
        name,
        dataSource: this.dataSource,
        schema,
        transport: this.transport,
        handlers,
        logger: logger.child({ component: 'consumer', consumer: name }),
        maxAttempts: config.EVENT_MAX_ATTEMPTS,
        partitions,
        onHandled: (event: EventEnvelope) => this.metrics.handled(name, event),
        onDeadLetter: (reason: DeadLetterReason) =>
          this.metrics.deadLettered.inc({ consumer: name, reason }),
      });
      await consumer.start();
      this.consumers.push(consumer);
    }
    await this.relay.start();
    this.started = true;
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const consumer of this.consumers.splice(0)) await consumer.stop();
    await this.relay.stop();
    await this.transport.close();
  }

  /** Unpublished outbox rows and each consumer's lag, for readiness details. */
  async status(): Promise<{
    transport: string;
    outboxPending: number;
    lag: Record<string, Record<string, number>>;
  }> {
    const [row] = await this.dataSource.query<{ pending: number }[]>(
      `SELECT count(*)::int AS pending FROM "${this.options.schema}"."outbox"`,
    );
    return {
      transport: this.transport.kind,
      outboxPending: row?.pending ?? 0,
      lag: await this.lagByConsumer(),
    };
  }

  private async lagByConsumer(): Promise<Record<string, Record<string, number>>> {
    const entries = await Promise.all(
      this.consumers.map(
        async (consumer, index) => [this.registrations[index]!.name, await consumer.lag()] as const,
      ),
    );
    return Object.fromEntries(entries);
  }
}

/**
 * Reports the transport, the outbox backlog and consumer lag; down when they cannot be read.
 * A readiness check for the service's health module (which provides HealthIndicatorService).
 */
@Injectable()
export class MessagingReadiness {
  constructor(
    private readonly messaging: Messaging,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('messaging');
    try {
      return indicator.up(await this.messaging.status());
    } catch {
      // Readiness is public: no addresses or driver messages.
      return indicator.down({ message: 'the event transport does not answer' });
    }
  }
}

/**
 * Events for one service: its `Outbox` (write events in the use case's transaction), the event
 * transport chosen by configuration, the relay and the consumers registered with `Messaging`.
 */
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: Outbox, useValue: new Outbox(options.service, options.schema) },
        {
          provide: EVENT_TRANSPORT,
          inject: [DataSource],
          useFactory: async (dataSource: DataSource): Promise<EventTransport> => {
            const { config, logger, databaseUrl, service } = options;
            if (config.eventTransport === 'kafka') {
              return new KafkaTransport({
                brokers: config.kafkaBrokers,
                clientId: service,
                logger: logger.child({ component: 'kafka' }),
                replicationFactor: config.KAFKA_REPLICATION_FACTOR,
              });
            }
            await migrateEventLog(databaseUrl);
            return new PostgresEventLogTransport({
              dataSource,
              url: databaseUrl,
              logger: logger.child({ component: 'eventlog' }),
              pollIntervalMs: config.EVENT_POLL_INTERVAL_MS,
              retentionMs: config.EVENT_LOG_RETENTION_DAYS
                ? config.EVENT_LOG_RETENTION_DAYS * DAY_MS
                : undefined,
            });
          },
        },
        Messaging,
      ],
      exports: [Outbox, EVENT_TRANSPORT, Messaging],
    };
  }
}
