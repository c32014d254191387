import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { OPERATOR_CLIENT_ID, resolveOperatorClientSecret } from '#libs/auth';
import { NotificationsConfig } from '#libs/config';
import { Alarm, ChannelListener } from '#libs/messaging';
import { LOGGER } from '#libs/runtime';
import { MAIL_NOTICES_CHANNEL } from '../infrastructure/mail-notices.js';
import { excerpt, noticeOutcome, type NoticeTry } from './notice-outcome.js';
import { OperatorToken } from './operator-token.js';

/** Notices claimed at a time. */
const BATCH = 20;
/** A claimed notice is offered again after this long if its sender died before answering. */
const LEASE_MS = 5 * 60_000;
/** Polling when no notification arrives (another process added notices, a lost session). */
const POLL_MS = 5_000;
/** Waiting for an answer of identity (identity mails within the request). */
const REQUEST_TIMEOUT_MS = 30_000;

interface ClaimedNotice {
  id: string;
  party_id: string;
  kind: string;
  params: Record<string, unknown>;
  attempts: number;
  created_at: Date;
}

/**
 * Hands PENDING mail notices to the identity app: `POST <identityUrl>/internal/notices` with
 * `{ noticeId, partyId, kind, params }` and an operator access token. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED` and a lease, so several processes share the work and a crash loses
 * nothing (identity mails each person once per notice id). Woken by NOTIFY, else it polls.
 */
@Injectable()
export class NoticeSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly token: OperatorToken;
  private readonly alarm = new Alarm();
  private readonly listener: ChannelListener;
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.token = new OperatorToken(
      new URL(config.identityIssuer),
      {
        id: OPERATOR_CLIENT_ID,
        secret: () => resolveOperatorClientSecret(config),
      },
      config.AUTH_AUDIENCE,
    );
    this.listener = new ChannelListener({
      url: (dataSource.options as { url?: string }).url ?? '',
      channel: MAIL_NOTICES_CHANNEL,
      applicationName: 'notifications:mail-notices',
      onNotify: () => this.alarm.wake(),
      retryMs: POLL_MS,
    });
  }

  onApplicationBootstrap(): void {
    // Notices added before the session listened are found by the look that follows it.
    void this.listener.start().then(
      () => this.alarm.wake(),
      () => undefined,
    );
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.alarm.wake();
    await this.loop;
    await this.listener.stop();
  }

  /** Sends what is due now; returns how many notices were tried (tests call it too). */
  async sendDue(): Promise<number> {
    const notices = await this.claim();
    for (const notice of notices) await this.send(notice);
    return notices.length;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let tried = 0;
      try {
        tried = await this.sendDue();
      } catch (error) {
        this.logger.warn({ err: error }, 'mail notices could not be claimed');
      }
      if (tried === 0 && !this.stopped) await this.alarm.sleep(await this.untilNextDue());
    }
  }

  /** Milliseconds until the next PENDING notice is due, at most the polling interval. */
  private async untilNextDue(): Promise<number> {
    try {
      const [row] = await this.dataSource.query<{ ms: number | null }[]>(
        `SELECT (EXTRACT(EPOCH FROM min("next_attempt_at") - now()) * 1000)::float8 AS "ms"
         FROM "notifications"."mail_notices" WHERE "status" = 'PENDING'`,
      );
      const ms = row?.ms ?? POLL_MS;
      return Math.min(POLL_MS, Math.max(0, Math.ceil(ms)));
    } catch {
      return POLL_MS;
    }
  }

  private async claim(): Promise<ClaimedNotice[]> {
    return this.dataSource.query<ClaimedNotice[]>(
      `WITH claimed AS (
       UPDATE "notifications"."mail_notices" n
          SET "attempts" = n."attempts" + 1,
              "next_attempt_at" = now() + make_interval(secs => $2::double precision / 1000)
        WHERE n."id" IN (
          SELECT "id" FROM "notifications"."mail_notices"
           WHERE "status" = 'PENDING' AND "next_attempt_at" <= now()
           ORDER BY "next_attempt_at" LIMIT $1
           FOR UPDATE SKIP LOCKED)
       RETURNING n."id", n."party_id", n."kind", n."params", n."attempts", n."created_at")
       SELECT * FROM claimed`,
      [BATCH, LEASE_MS],
    );
  }

  private async send(notice: ClaimedNotice): Promise<void> {
    const result = await this.post(notice);
    if ('httpStatus' in result && result.httpStatus === 401) this.token.forget();
    const outcome = noticeOutcome(
      result,
      notice.attempts,
      Date.now() - new Date(notice.created_at).getTime(),
      this.config.WEBHOOK_RETRY_UNIT_MS,
    );
    if (outcome.status === 'SENT') {
      await this.dataSource.query(
        `UPDATE "notifications"."mail_notices"
            SET "status" = 'SENT', "sent_at" = now(), "last_error" = NULL WHERE "id" = $1`,
        [notice.id],
      );
    } else if (outcome.status === 'FAILED') {
      await this.dataSource.query(
        `UPDATE "notifications"."mail_notices"
            SET "status" = 'FAILED', "last_error" = $2 WHERE "id" = $1`,
        [notice.id, outcome.reason],
      );
    } else {
      await this.dataSource.query(
        `UPDATE "notifications"."mail_notices"
            SET "last_error" = $2,
                "next_attempt_at" = now() + make_interval(secs => $3::double precision / 1000)
          WHERE "id" = $1`,
        [notice.id, outcome.reason, outcome.delayMs],
      );
    }
    this.logger.info(
      { noticeId: notice.id, kind: notice.kind, attempts: notice.attempts, status: outcome.status },
      'mail notice handed to identity',
    );
  }

  private async post(notice: ClaimedNotice): Promise<NoticeTry> {
    let token: string;
    try {
      token = await this.token.get();
    } catch (error) {
      return { error: (error as Error).message };
    }
    try {
      const response = await fetch(new URL('/internal/notices', this.config.identityUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          noticeId: notice.id,
          partyId: notice.party_id,
          kind: notice.kind,
          params: notice.params,
        }),
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text().catch(() => '');
      return { httpStatus: response.status, message: excerpt(messageOf(text)) };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { error: cause ?? (error as Error).name };
    }
  }
}

/** The `message` of identity's JSON error, else the text itself. */
function messageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === 'string' ? body.message : text;
  } catch {
    return text;
  }
}
