import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { LicenseGranted } from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import { LOGGER } from '#libs/runtime';
import { OptOutViewReader } from '../../opt-out-view/application/opt-out-view.reader.js';
import type { CheckedItem } from '../domain/use-request.js';
import { LicenseEntity } from '../infrastructure/licensing.entities.js';
import { ItemDecider, grantedPayload, licenseOf } from './item-decider.js';

const S = '"authorization"';
const POLL_MS = 1000;
const BATCH = 200;

interface AwaitingRow {
  use_request_id: string;
  index: number;
  awaiting_opt_outs: CheckedItem;
  platform_id: string;
}

/**
 * Decides again the items answered PENDING because the opt-out view was behind, once it is
 * fresh (fail closed: nothing while it is stale). Each item is taken under its row lock with
 * SKIP LOCKED and released from waiting in the transaction that records its new decision, so
 * replicas share the work and an item is decided again exactly once. A grant publishes
 * license.granted with previouslyPending. Near misses stay PENDING: the platform names the work.
 */
@Injectable()
export class PendingRedecider implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly optOuts: OptOutViewReader,
    private readonly decider: ItemDecider,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.redecide()
      .catch((error: unknown) =>
        this.logger.error({ err: error }, 'deciding PENDING items again failed'),
      )
      .finally(() => (this.running = undefined));
  }

  /** Decides again every item waiting for the opt-out view, if it is fresh; how many were. */
  async redecide(): Promise<number> {
    let total = 0;
    while (!this.stopped) {
      const [waiting] = await this.dataSource.query<{ any: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM ${S}."use_request_items" WHERE awaiting_opt_outs IS NOT NULL) AS any`,
      );
      if (!waiting?.any) return total;
      // Outside the transaction, as for a request: it reads the event log.
      if (await this.optOuts.isStale()) return total;
      const decided = await this.dataSource.transaction((manager) => this.batch(manager));
      total += decided;
      if (decided < BATCH) return total;
    }
    return total;
  }

  private async batch(manager: EntityManager): Promise<number> {
    const rows = await manager.query<AwaitingRow[]>(
      `SELECT i.use_request_id, i.index, i.awaiting_opt_outs, r.platform_id
         FROM ${S}."use_request_items" i
         JOIN ${S}."use_requests" r ON r.id = i.use_request_id
        WHERE i.awaiting_opt_outs IS NOT NULL
        ORDER BY i.use_request_id, i.index
        LIMIT $1
        FOR UPDATE OF i SKIP LOCKED`,
      [BATCH],
    );
    if (rows.length === 0) return 0;
    const items = rows.map((row) => row.awaiting_opt_outs);
    const { decisions, works, matches, candidates } = await this.decider.decide(
      items,
      manager,
      false,
    );
    const licenses = decisions.map((decision, position) => {
      const row = rows[position]!;
      return decision.license
        ? licenseOf(
            row.use_request_id,
            row.platform_id,
            items[position]!,
            row.index,
            decision,
            works.get(position) ?? null,
          )
        : null;
    });
    const granted = licenses.filter((license) => license !== null);
    if (granted.length) await manager.insert(LicenseEntity, granted);
    await manager.query(
      `UPDATE ${S}."use_request_items" i
          SET previous_decision = i.decision, decision = d.decision, reason = d.reason,
              work_id = d.work_id, license_id = d.license_id,
              contact_holder_ids = ARRAY(SELECT jsonb_array_elements_text(d.contact_holder_ids))::uuid[],
              unidentified_reference = d.unidentified_reference, match_method = d.match_method,
              match_score = d.match_score, candidates = d.candidates,
              awaiting_opt_outs = NULL, decided_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS d(
                use_request_id uuid, index integer, decision text, reason text, work_id uuid,
                license_id uuid, contact_holder_ids jsonb, unidentified_reference text,
                match_method text, match_score double precision, candidates jsonb)
        WHERE i.use_request_id = d.use_request_id AND i.index = d.index`,
      [
        JSON.stringify(
          decisions.map((decision, position) => ({
            use_request_id: rows[position]!.use_request_id,
            index: rows[position]!.index,
            decision: decision.decision,
            reason: decision.reason,
            work_id: works.get(position)?.id ?? null,
            license_id: licenses[position]?.id ?? null,
            contact_holder_ids: decision.contactHolderIds,
            unidentified_reference: decision.unidentifiedReference,
            match_method: matches.get(position)?.method ?? null,
            match_score: matches.get(position)?.score ?? null,
            candidates: (candidates.get(position) ?? []).map(({ candidate }) => candidate),
          })),
        ),
      ],
    );
    const correlationId = randomUUID();
    await this.outbox.add(
      manager,
      granted.map((license) => ({
        definition: LicenseGranted,
        aggregateId: license.id,
        correlationId,
        payload: grantedPayload(license, true),
      })),
    );
    this.logger.info(
      { items: rows.length, granted: granted.length },
      'decided again items PENDING on a stale opt-out view',
    );
    return rows.length;
  }
}
