import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DeliveryStatus } from '../../deliveries/infrastructure/webhook-delivery.entity.js';
import type { EndpointListScope } from '../domain/endpoint-access.js';
import { WebhookEndpointDeletionEntity } from './webhook-endpoint-deletion.entity.js';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';
import { WebhookSecretEntity } from './webhook-secret.entity.js';

export interface EndpointPage {
  endpoints: WebhookEndpointEntity[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface AttemptRecord {
  attempt: number;
  startedAt: Date;
  succeeded: boolean;
  responseStatus: number | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

/** A delivery as its log shows it, with the message's type and every attempt. */
export interface DeliveryRecord {
  id: string;
  endpointId: string;
  messageId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  createdAt: Date;
  firstAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  responseStatus: number | null;
  latencyMs: number | null;
  error: string | null;
  redeliveryOf: string | null;
  attemptLog: AttemptRecord[];
}

export interface DeliveryFilter {
  status?: DeliveryStatus | null;
  /** Deliveries made at or after. */
  since?: Date | null;
  /** Deliveries made before. */
  until?: Date | null;
}

export interface DeliveryPage {
  deliveries: DeliveryRecord[];
  hasNextPage: boolean;
  totalCount: number;
}

const S = '"notifications"';

/** Webhook endpoints, their secrets, and the delivery log the dispatcher writes. */
@Injectable()
export class EndpointRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Serializes the changes of one owner's endpoints until the transaction ends (the cap holds). */
  async lockOwner(manager: EntityManager, ownerPartyId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('webhook_endpoints:' || $1))`, [
      ownerPartyId,
    ]);
  }

  countOfOwner(manager: EntityManager, ownerPartyId: string): Promise<number> {
    return manager.count(WebhookEndpointEntity, { where: { ownerPartyId } });
  }

  async insert(
    manager: EntityManager,
    endpoint: WebhookEndpointEntity,
    secret: WebhookSecretEntity,
  ): Promise<void> {
    await manager.insert(WebhookEndpointEntity, endpoint);
    await manager.insert(WebhookSecretEntity, secret);
  }

  /** The endpoint, locked for the transaction when `lock`; null when there is none. */
  find(manager: EntityManager, id: string, lock = false): Promise<WebhookEndpointEntity | null> {
    const query = manager
      .getRepository(WebhookEndpointEntity)
      .createQueryBuilder('endpoint')
      .where('endpoint.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  async save(manager: EntityManager, endpoint: WebhookEndpointEntity): Promise<void> {
    await manager.save(WebhookEndpointEntity, endpoint);
  }

  /** The endpoints' secrets, newest first. */
  secrets(
    endpointIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<WebhookSecretEntity[]> {
    if (endpointIds.length === 0) return Promise.resolve([]);
    return manager.find(WebhookSecretEntity, {
      where: { endpointId: In([...endpointIds]) },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  secret(manager: EntityManager, id: string): Promise<WebhookSecretEntity | null> {
    return manager.findOneBy(WebhookSecretEntity, { id });
  }

  async insertSecret(manager: EntityManager, secret: WebhookSecretEntity): Promise<void> {
    await manager.insert(WebhookSecretEntity, secret);
  }

  async expireSecret(manager: EntityManager, id: string, expiresAt: Date): Promise<void> {
    await manager.update(WebhookSecretEntity, { id }, { expiresAt });
  }

  /**
   * Removes the endpoint and its secrets, remembering its owner (`deletion`); its deliveries
   * still pending are CANCELLED. The log (deliveries and attempts) stays in the database, out
   * of every caller's reach.
   */
  async delete(manager: EntityManager, endpoint: WebhookEndpointEntity, by: string): Promise<void> {
    const id = endpoint.id;
    await manager.insert(WebhookEndpointDeletionEntity, {
      endpointId: id,
      ownerPartyId: endpoint.ownerPartyId,
      deletedAt: new Date(),
      deletedBy: by,
    });
    await manager.query(
      `UPDATE ${S}."webhook_deliveries" SET "status" = $2, "completed_at" = now(), "locked_until" = NULL
       WHERE "endpoint_id" = $1 AND "status" = $3`,
      [id, DeliveryStatus.CANCELLED, DeliveryStatus.PENDING],
    );
    await manager.delete(WebhookSecretEntity, { endpointId: id });
    await manager.delete(WebhookEndpointEntity, { id });
  }

  /** What remains of a deleted endpoint, or null. */
  deletion(manager: EntityManager, id: string): Promise<WebhookEndpointDeletionEntity | null> {
    return manager.findOneBy(WebhookEndpointDeletionEntity, { endpointId: id });
  }

  /** A page of the endpoints the scope shows, newest first, keyed after the endpoint `after`. */
  async list(scope: EndpointListScope, first: number, after: string | null): Promise<EndpointPage> {
    if ('nothing' in scope) return { endpoints: [], hasNextPage: false, totalCount: 0 };
    const query = () => {
      const q = this.dataSource.getRepository(WebhookEndpointEntity).createQueryBuilder('e');
      if (scope.owner !== null) q.where('e.ownerPartyId = :owner', { owner: scope.owner });
      return q;
    };
    const totalCount = await query().getCount();
    const page = query();
    if (after) {
      page.andWhere(
        `(e.created_at, e.id) < (SELECT a.created_at, a.id FROM ${S}."webhook_endpoints" a WHERE a.id = :after)`,
        { after },
      );
    }
    const rows = await page
      .orderBy('e.createdAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(first + 1)
      .getMany();
    return { endpoints: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }

  /** The endpoint a delivery went to, or null when there is no such delivery. */
  async endpointOfDelivery(manager: EntityManager, deliveryId: string): Promise<string | null> {
    const [row] = await manager.query<{ endpoint_id: string }[]>(
      `SELECT "endpoint_id" FROM ${S}."webhook_deliveries" WHERE "id" = $1`,
      [deliveryId],
    );
    return row?.endpoint_id ?? null;
  }

  /** How many deliveries to the endpoint were made in [from, to). */
  async countDeliveriesIn(
    manager: EntityManager,
    endpointId: string,
    from: Date,
    to: Date,
  ): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS "n" FROM ${S}."webhook_deliveries"
       WHERE "endpoint_id" = $1 AND "created_at" >= $2 AND "created_at" < $3`,
      [endpointId, from, to],
    );
    return row!.n;
  }

  /** A page of an endpoint's deliveries, newest first, keyed after the delivery `after`. */
  async deliveries(
    endpointId: string,
    filter: DeliveryFilter,
    first: number,
    after: string | null,
  ): Promise<DeliveryPage> {
    const params: unknown[] = [endpointId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`d."endpoint_id" = $1`];
    if (filter.status) where.push(`d."status" = ${param(filter.status)}`);
    if (filter.since) where.push(`d."created_at" >= ${param(filter.since)}`);
    if (filter.until) where.push(`d."created_at" < ${param(filter.until)}`);
    const [{ n: totalCount }] = await this.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS "n" FROM ${S}."webhook_deliveries" d WHERE ${where.join(' AND ')}`,
      params,
    );
    if (after) where.push(`d."id" < ${param(after)}::bigint`);
    const ids = await this.dataSource.query<{ id: string }[]>(
      `SELECT d."id" FROM ${S}."webhook_deliveries" d WHERE ${where.join(' AND ')}
       ORDER BY d."id" DESC LIMIT ${param(first + 1)}`,
      params,
    );
    const page = ids.slice(0, first).map((row) => String(row.id));
    return {
      deliveries: await this.deliveryRecords(page),
      hasNextPage: ids.length > first,
      totalCount,
    };
  }

  /** The deliveries named, in the order named, each with its attempts. */
  async deliveryRecords(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DeliveryRecord[]> {
    if (ids.length === 0) return [];
    const rows = await manager.query<Record<string, unknown>[]>(
      `SELECT d."id"::text AS "id", d."endpoint_id" AS "endpointId", d."message_id" AS "messageId",
              m."event_type" AS "eventType", d."status", d."attempts", d."created_at" AS "createdAt",
              d."first_attempt_at" AS "firstAttemptAt", d."last_attempt_at" AS "lastAttemptAt",
              CASE WHEN d."status" = 'PENDING' THEN d."next_attempt_at" END AS "nextAttemptAt",
              d."last_response_status" AS "responseStatus", d."last_latency_ms" AS "latencyMs",
              d."last_error" AS "error", d."redelivery_of"::text AS "redeliveryOf"
       FROM ${S}."webhook_deliveries" d
       JOIN ${S}."webhook_messages" m ON m."id" = d."message_id"
       WHERE d."id" = ANY($1::bigint[])`,
      [ids],
    );
    const attempts = await manager.query<(AttemptRecord & { deliveryId: string })[]>(
      `SELECT "delivery_id"::text AS "deliveryId", "attempt", "started_at" AS "startedAt",
              "succeeded", "response_status" AS "responseStatus", "latency_ms" AS "latencyMs",
              "error", "response_excerpt" AS "responseExcerpt"
       FROM ${S}."webhook_attempts" WHERE "delivery_id" = ANY($1::bigint[])
       ORDER BY "delivery_id", "attempt"`,
      [ids],
    );
    const byId = new Map(
      rows.map((row) => [
        row.id as string,
        { ...(row as unknown as DeliveryRecord), attemptLog: [] as AttemptRecord[] },
      ]),
    );
    for (const { deliveryId, ...attempt } of attempts)
      byId.get(deliveryId)?.attemptLog.push(attempt);
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}
