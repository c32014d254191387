import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FailureStreak } from '../domain/endpoint-health.js';
import type { NextStep } from '../domain/retry-schedule.js';
import { MailNoticeKind } from '../../notices/domain/mail-notice-kinds.js';
import { MailNotices } from '../../notices/infrastructure/mail-notices.js';
import { DELIVERIES_CHANNEL } from './delivery-queue.js';

const S = '"notifications"';

/** A delivery a dispatcher holds (its lease) for one attempt, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  /** The number of this attempt (1 for the first). */
  attempt: number;
  firstAttemptAt: Date;
  endpointId: string;
  messageId: string;
  body: string;
  url: string;
  /** The endpoint's secrets that sign now, newest first. */
  secrets: string[];
}

/** The deliveries one claim took, and the database time it looked at. */
export interface Claim {
  deliveries: ClaimedDelivery[];
  lookedAt: Date;
}

/** What one attempt gave, and what follows it. */
export interface AttemptRecord {
  delivery: ClaimedDelivery;
  startedAt: Date;
  finishedAt: Date;
  ok: boolean;
  status: number | null;
  latencyMs: number;
  excerpt: string | null;
  error: string | null;
  /** After a failure: the retry or parking the schedule says; null after a success. */
  next: NextStep | null;
}

/** The endpoint's state as the health rule sees it, locked until the recording commits. */
export interface EndpointHealthRow {
  ownerPartyId: string;
  enabled: boolean;
  streak: FailureStreak;
}

/** What the recording did to the endpoint. */
export interface EndpointChange {
  streak: FailureStreak;
  /** The endpoint was disabled for failing (its owner is to be told). */
  disable: boolean;
}

/**
 * The deliveries' persistence for the dispatcher: claiming due deliveries under a lease, and
 * recording each attempt with its consequences in one transaction.
 */
@Injectable()
export class DeliveryStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes up to `limit` due deliveries for one attempt each, for `leaseMs`: only the earliest
   * pending delivery of each (endpoint, ordering key), of enabled endpoints, and no more per
   * endpoint than `perEndpoint` counting those already in flight anywhere. Claims of all
   * dispatchers take turns on one transaction lock, so the per-endpoint limit holds across
   * processes; rows are taken FOR UPDATE SKIP LOCKED.
   */
  async claim(limit: number, perEndpoint: number, leaseMs: number, now: Date): Promise<Claim> {
    return this.dataSource.transaction(async (manager) => {
      const [{ looked_at: lookedAt }] = await manager.query<[{ looked_at: Date }]>(
        `SELECT now() AS "looked_at", pg_advisory_xact_lock(hashtext('notifications.deliveries.claim'))`,
      );
      const claim = (deliveries: ClaimedDelivery[]): Claim => ({
        deliveries,
        lookedAt: new Date(lookedAt),
      });
      if (limit <= 0) return claim([]);
      const candidates = await manager.query<{ id: string }[]>(
        `WITH inflight AS (
           SELECT "endpoint_id", count(*)::int AS "n" FROM ${S}."webhook_deliveries"
            WHERE "status" = 'PENDING' AND "locked_until" > now()
            GROUP BY "endpoint_id"
         ), ready AS (
           SELECT d."id", d."endpoint_id", d."next_attempt_at",
                  row_number() OVER (PARTITION BY d."endpoint_id" ORDER BY d."next_attempt_at", d."id") AS "rank"
             FROM ${S}."webhook_deliveries" d
             JOIN ${S}."webhook_endpoints" e ON e."id" = d."endpoint_id" AND e."enabled"
            WHERE d."status" = 'PENDING' AND d."next_attempt_at" <= now()
              AND (d."locked_until" IS NULL OR d."locked_until" <= now())
              AND NOT EXISTS (
                SELECT 1 FROM ${S}."webhook_deliveries" p
                 WHERE p."endpoint_id" = d."endpoint_id" AND p."ordering_key" = d."ordering_key"
                   AND p."status" = 'PENDING' AND p."id" < d."id")
         )
         SELECT r."id"::text AS "id" FROM ready r LEFT JOIN inflight i USING ("endpoint_id")
          WHERE r."rank" + coalesce(i."n", 0) <= $1
          ORDER BY r."next_attempt_at", r."id"
          LIMIT $2`,
        [perEndpoint, limit],
      );
      if (candidates.length === 0) return claim([]);
      // An UPDATE ... RETURNING answers [rows, count].
      const [rows] = await manager.query<
        [
          {
            id: string;
            attempt: number;
            first_attempt_at: Date;
            endpoint_id: string;
            message_id: string;
            body: string;
            url: string;
            secrets: string[];
          }[],
          number,
        ]
      >(
        `UPDATE ${S}."webhook_deliveries" d
            SET "locked_until" = now() + $2::int * interval '1 millisecond',
                "attempts" = d."attempts" + 1,
                "first_attempt_at" = coalesce(d."first_attempt_at", $3)
           FROM (SELECT "id" FROM ${S}."webhook_deliveries"
                  WHERE "id" = ANY($1::bigint[]) AND "status" = 'PENDING'
                    AND ("locked_until" IS NULL OR "locked_until" <= now())
                  FOR UPDATE SKIP LOCKED) c,
                ${S}."webhook_messages" m, ${S}."webhook_endpoints" e
          WHERE d."id" = c."id" AND m."id" = d."message_id" AND e."id" = d."endpoint_id"
          RETURNING d."id"::text AS "id", d."attempts" AS "attempt", d."first_attempt_at",
                    d."endpoint_id", m."id" AS "message_id", m."body", e."url",
                    ARRAY(SELECT s."secret" FROM ${S}."webhook_secrets" s
                           WHERE s."endpoint_id" = e."id"
                             AND (s."expires_at" IS NULL OR s."expires_at" > now())
                           ORDER BY s."created_at" DESC) AS "secrets"`,
        [candidates.map((c) => c.id), Math.ceil(leaseMs), now],
      );
      return claim(
        rows.map((row) => ({
          id: row.id,
          attempt: row.attempt,
          firstAttemptAt: new Date(row.first_attempt_at),
          endpointId: row.endpoint_id,
          messageId: row.message_id,
          body: row.body,
          url: row.url,
          secrets: row.secrets,
        })),
      );
    });
  }

  /**
   * Records an attempt: its row in the log, the delivery's new state (succeeded, retry at a
   * time, parked) unless another dispatcher has taken it since the lease ran out, and the
   * endpoint's health, decided by `decide` on the endpoint row locked for it. An endpoint
   * disabled for failing has its pending deliveries cancelled and a notice made for its owner.
   */
  async record(
    attempt: AttemptRecord,
    decide: (endpoint: EndpointHealthRow) => EndpointChange,
  ): Promise<{ disabled: boolean }> {
    const { delivery } = attempt;
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO ${S}."webhook_attempts"
           ("delivery_id", "attempt", "started_at", "response_status", "latency_ms", "succeeded", "error", "response_excerpt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT DO NOTHING`,
        [
          delivery.id,
          delivery.attempt,
          attempt.startedAt,
          attempt.status,
          attempt.latencyMs,
          attempt.ok,
          attempt.error,
          attempt.excerpt,
        ],
      );
      const next = attempt.next;
      const status = attempt.ok ? 'SUCCEEDED' : next?.kind === 'parked' ? 'PARKED' : 'PENDING';
      const done = status !== 'PENDING';
      const [updated] = await manager.query<[{ id: string }[], number]>(
        `UPDATE ${S}."webhook_deliveries"
            SET "status" = $3, "locked_until" = NULL,
                "next_attempt_at" = coalesce($4, "next_attempt_at"),
                "last_attempt_at" = $5, "last_response_status" = $6, "last_latency_ms" = $7,
                "last_error" = $8, "completed_at" = CASE WHEN $9 THEN $10::timestamptz END
          WHERE "id" = $1 AND "attempts" = $2 AND "status" = 'PENDING'
          RETURNING "id"`,
        [
          delivery.id,
          delivery.attempt,
          status,
          next?.kind === 'retry' ? next.at : null,
          attempt.startedAt,
          attempt.status,
          attempt.latencyMs,
          attempt.error,
          done,
          attempt.finishedAt,
        ],
      );
      if (updated.length === 0) return { disabled: false };
      // Its key's next delivery, or a slot of the endpoint, may be free for any dispatcher now.
      await manager.query('SELECT pg_notify($1, $2)', [DELIVERIES_CHANNEL, '']);

      const [row] = await manager.query<
        {
          owner_party_id: string;
          enabled: boolean;
          failing_since: Date | null;
          failed_attempts: number;
          url: string;
        }[]
      >(
        `SELECT "owner_party_id", "enabled", "failing_since", "failed_attempts", "url"
           FROM ${S}."webhook_endpoints" WHERE "id" = $1 FOR UPDATE`,
        [delivery.endpointId],
      );
      if (!row) return { disabled: false };
      const change = decide({
        ownerPartyId: row.owner_party_id,
        enabled: row.enabled,
        streak: {
          since: row.failing_since ? new Date(row.failing_since) : null,
          failedAttempts: row.failed_attempts,
        },
      });
      const disable = change.disable && row.enabled;
      await manager.query(
        `UPDATE ${S}."webhook_endpoints"
            SET "failing_since" = $2, "failed_attempts" = $3,
                "last_success_at" = CASE WHEN $4 THEN $5::timestamptz ELSE "last_success_at" END,
                "enabled" = "enabled" AND NOT $6,
                "disabled_reason" = CASE WHEN $6 THEN 'FAILING' ELSE "disabled_reason" END,
                "disabled_at" = CASE WHEN $6 THEN $5::timestamptz ELSE "disabled_at" END,
                "updated_at" = CASE WHEN $6 THEN $5::timestamptz ELSE "updated_at" END
          WHERE "id" = $1`,
        [
          delivery.endpointId,
          change.streak.since,
          change.streak.failedAttempts,
          attempt.ok,
          attempt.finishedAt,
          disable,
        ],
      );
      if (!disable) return { disabled: false };
      await manager.query(
        `UPDATE ${S}."webhook_deliveries" SET "status" = 'CANCELLED', "locked_until" = NULL, "completed_at" = $2
          WHERE "endpoint_id" = $1 AND "status" = 'PENDING'`,
        [delivery.endpointId, attempt.finishedAt],
      );
      await MailNotices.add(manager, {
        partyId: row.owner_party_id,
        kind: MailNoticeKind.WEBHOOK_ENDPOINT_DISABLED,
        params: {
          endpointId: delivery.endpointId,
          url: row.url,
          failingSince: change.streak.since?.toISOString() ?? null,
          // The portal's home: the endpoint is managed through the API (webhookEndpoint).
          path: '/',
          failedAttempts: change.streak.failedAttempts,
          lastError: attempt.error,
        },
        // One notice per disabling: the endpoint may be turned on and fail again later.
        sourceId: randomUUID(),
      });
      return { disabled: true };
    });
  }

  /**
   * The next time after a claim looked (`after`) a delivery falls due or a lease runs out; null
   * when there is none. Deliveries due when it looked and not taken wait for an earlier one of
   * their key or a slot of their endpoint: the recording that frees them notifies.
   */
  async nextDueAt(after: Date): Promise<Date | null> {
    const [row] = await this.dataSource.query<{ at: Date | null }[]>(
      `SELECT min("at") AS "at" FROM (
         SELECT greatest(d."next_attempt_at", coalesce(d."locked_until", d."next_attempt_at")) AS "at"
           FROM ${S}."webhook_deliveries" d
           JOIN ${S}."webhook_endpoints" e ON e."id" = d."endpoint_id" AND e."enabled"
          WHERE d."status" = 'PENDING') due
        WHERE "at" > $1`,
      [after],
    );
    return row?.at ? new Date(row.at) : null;
  }
}
