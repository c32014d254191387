import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { EventEnvelope } from '#libs/contracts';

/** Prometheus series of a service's messaging, in the service's registry. */
export class MessagingMetrics {
  readonly published: Counter;
  readonly deadLettered: Counter<'consumer' | 'reason'>;
  private readonly handledTotal: Counter<'consumer' | 'type'>;
  private readonly latency: Histogram<'consumer'>;

  constructor(registry: Registry, lag: () => Promise<Record<string, Record<string, number>>>) {
    const registers = [registry];
    this.published = new Counter({
      name: 'events_published_total',
      help: 'Events published from the outbox',
      registers,
    });
    this.handledTotal = new Counter({
      name: 'events_handled_total',
      help: 'Events applied by consumers',
      labelNames: ['consumer', 'type'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'events_dead_lettered_total',
      help: 'Events sent to a dead-letter topic',
      labelNames: ['consumer', 'reason'],
      registers,
    });
    this.latency = new Histogram({
      name: 'event_handle_latency_seconds',
      help: 'From the event occurring to its effect being committed by a consumer',
      labelNames: ['consumer'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    new Gauge({
      name: 'event_consumer_lag',
      help: 'Events not yet handled by a consumer, per topic',
      labelNames: ['consumer', 'topic'],
      registers,
      async collect() {
        this.reset();
        for (const [consumer, topics] of Object.entries(await lag())) {
          for (const [topic, value] of Object.entries(topics)) this.set({ consumer, topic }, value);
        }
      },
    });
  }

  handled(consumer: string, event: EventEnvelope): void {
    this.handledTotal.inc({ consumer, type: event.type });
    this.latency.observe(
      { consumer },
      Math.max(0, Date.now() - Date.parse(event.occurredAt)) / 1000,
    );
  }
}
