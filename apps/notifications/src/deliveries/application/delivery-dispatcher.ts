import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { NotificationsConfig } from '#libs/config';
import { Alarm, ChannelListener } from '#libs/messaging';
import { LOGGER } from '#libs/runtime';
import {
  DEFAULT_ENDPOINT_HEALTH_POLICY,
  recordAttempt,
  shouldDisable,
  type EndpointHealthPolicy,
} from '../domain/endpoint-health.js';
import {
  afterFailure,
  DEFAULT_RETRY_POLICY,
  type RandomSource,
  type RetryPolicy,
} from '../domain/retry-schedule.js';
import { DELIVERIES_CHANNEL } from '../infrastructure/delivery-queue.js';
import { DeliveryStore, type ClaimedDelivery } from '../infrastructure/delivery-store.js';
import {
  DEFAULT_SENDER_SETTINGS,
  WebhookSender,
  type WebhookSenderSettings,
} from '../outbound/webhook-sender.js';

export interface DispatchSettings {
  /** Deliveries in flight at a time from this process. */
  concurrency: number;
  /** Deliveries in flight at a time to one endpoint, all processes together. */
  perEndpoint: number;
  /** How long a claimed delivery stays held (ms): longer than an attempt can take. */
  leaseMs: number;
  /** Longest wait between looks for due deliveries when no notification comes (ms). */
  pollIntervalMs: number;
  retry: RetryPolicy;
  health: EndpointHealthPolicy;
  sender: WebhookSenderSettings;
  /** The jitter's randomness (Math.random unless a test fixes it). */
  random?: RandomSource;
}

export const DISPATCH_SETTINGS = Symbol('DISPATCH_SETTINGS');

const DAY_UNITS = 24 * 3600;
/** Time a recording may take after the attempt's own timeout, within the lease. */
const RECORDING_MARGIN_MS = 5000;

/**
 * The dispatch settings from the app's configuration. The disabling period is counted in the
 * retry schedule's unit (days of a second-long unit in production), so a schedule sped up for
 * tests and benchmarks keeps its proportions.
 */
export function dispatchSettings(config: NotificationsConfig): DispatchSettings {
  const unitMs = config.WEBHOOK_RETRY_UNIT_MS;
  const timeoutMs = config.WEBHOOK_TIMEOUT_MS;
  return {
    concurrency: config.WEBHOOK_CONCURRENCY,
    perEndpoint: config.WEBHOOK_ENDPOINT_CONCURRENCY,
    leaseMs: timeoutMs + RECORDING_MARGIN_MS,
    pollIntervalMs: config.EVENT_POLL_INTERVAL_MS,
    retry: { ...DEFAULT_RETRY_POLICY, unitMs },
    health: {
      ...DEFAULT_ENDPOINT_HEALTH_POLICY,
      disableAfterMs: config.WEBHOOK_DISABLE_AFTER_DAYS * DAY_UNITS * unitMs,
    },
    sender: {
      ...DEFAULT_SENDER_SETTINGS,
      allowLoopback: config.webhookAllowLoopback,
      connectTimeoutMs: Math.min(DEFAULT_SENDER_SETTINGS.connectTimeoutMs, timeoutMs),
      responseTimeoutMs: timeoutMs,
    },
  };
}

/**
 * Sends due deliveries: claims them under a lease (one at a time per endpoint and ordering key,
 * within the per-endpoint and per-process limits), sends each, records the attempt and what
 * follows it (a retry, parking, the endpoint disabled). Woken by the queue's notifications, with
 * a poll as fallback and a timer for the next retry. A process that dies mid-delivery loses
 * nothing: the lease runs out and the delivery is sent again (same `webhook-id`).
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly alarm = new Alarm();
  private readonly inFlight = new Set<Promise<void>>();
  private listener: ChannelListener | undefined;
  private stopped = true;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: DeliveryStore,
    private readonly sender: WebhookSender,
    @Inject(DISPATCH_SETTINGS) private readonly settings: DispatchSettings,
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    const url = (this.dataSource.options as { url?: string }).url;
    if (url) {
      this.listener = new ChannelListener({
        url,
        channel: DELIVERIES_CHANNEL,
        applicationName: 'notifications:deliveries',
        onNotify: () => this.alarm.wake(),
      });
      await this.listener
        .start()
        .catch((error: unknown) =>
          this.logger.warn({ err: error }, 'delivery dispatcher could not listen; polling'),
        );
    } else {
      this.logger.warn('delivery dispatcher could not listen (no database URL); polling');
    }
    this.loop = this.run();
  }

  /** Stops claiming, waits for the attempts in flight to be recorded, closes connections. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.alarm.wake();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    await this.listener?.stop();
    this.sender.close();
  }

  private async run(): Promise<void> {
    const { concurrency, perEndpoint, leaseMs, pollIntervalMs } = this.settings;
    while (!this.stopped) {
      try {
        const free = concurrency - this.inFlight.size;
        const claim = await this.store.claim(free, perEndpoint, leaseMs, new Date());
        for (const delivery of claim.deliveries) this.attempt(delivery);
        if (claim.deliveries.length > 0 && claim.deliveries.length === free) continue;
        const next = await this.store.nextDueAt(claim.lookedAt);
        const wait = next ? Math.min(pollIntervalMs, next.getTime() - Date.now()) : pollIntervalMs;
        await this.alarm.sleep(Math.max(0, wait));
      } catch (error) {
        this.logger.error({ err: error }, 'delivery dispatch pass failed');
        await this.alarm.sleep(pollIntervalMs);
      }
    }
  }

  private attempt(delivery: ClaimedDelivery): void {
    const running = this.send(delivery)
      .catch((error: unknown) =>
        this.logger.error(
          { err: error, deliveryId: delivery.id },
          'delivery attempt could not be recorded; it is tried again when its lease runs out',
        ),
      )
      .finally(() => {
        this.inFlight.delete(running);
        this.alarm.wake();
      });
    this.inFlight.add(running);
  }

  private async send(delivery: ClaimedDelivery): Promise<void> {
    const { retry, health, random } = this.settings;
    const startedAt = new Date();
    const result = await this.sender.send({
      url: delivery.url,
      messageId: delivery.messageId,
      body: delivery.body,
      secrets: delivery.secrets,
    });
    const finishedAt = new Date();
    const next = result.ok
      ? null
      : afterFailure(
          {
            firstAttemptAt: delivery.firstAttemptAt,
            failedAt: finishedAt,
            failedAttempts: delivery.attempt,
          },
          retry,
          random,
        );
    const { disabled } = await this.store.record(
      { delivery, startedAt, finishedAt, ...result, next },
      (endpoint) => {
        const streak = recordAttempt(endpoint.streak, { ok: result.ok, at: finishedAt });
        return { streak, disable: shouldDisable(streak, finishedAt, health) };
      },
    );
    if (next?.kind === 'parked') {
      this.logger.warn(
        { deliveryId: delivery.id, endpointId: delivery.endpointId, attempts: delivery.attempt },
        'webhook delivery parked after its retries',
      );
    }
    if (disabled) {
      this.logger.warn(
        { endpointId: delivery.endpointId },
        'webhook endpoint disabled for failing',
      );
    }
  }
}
