import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { resolveOperatorClientSecret, OPERATOR_CLIENT_ID } from '#libs/auth';
import {
  BatchApproved,
  BatchCalculated,
  ClaimSettled,
  Decision,
  LicenseGranted,
  LicenseRevoked,
  PartyKind,
  StatementAvailable,
  UseType,
  UsageReportProcessed,
  WorkCategory,
  eventCatalog,
  type EventDefinition,
  type EventEnvelope,
  type LicenseGrantedV1,
} from '#libs/contracts';
import { EVENT_TRANSPORT, type EventTransport } from '#libs/messaging';
import { startTestService, type TestService } from '#libs/testing';
import { UpstreamEvents } from '../../../../test/support/upstream-events.js';
import { notificationsApp } from '../notifications.app.js';
import { MailNoticeKind } from './domain/mail-notice-kinds.js';
import { MailNotices } from './infrastructure/mail-notices.js';

interface ReceivedNotice {
  noticeId: string;
  partyId: string;
  kind: string;
  params: Record<string, unknown>;
}

/**
 * The identity app's side of the notices, as small as the contract (ADR 38): the discovery
 * document and token endpoint of an issuer that knows the operator's client, and
 * `POST /internal/notices` that takes only its tokens. A party may be given answers to make
 * first (e.g. 503 then 200).
 */
class IdentityStandIn {
  readonly received: ReceivedNotice[] = [];
  readonly answers = new Map<string, number[]>();
  tokensIssued = 0;
  private readonly tokens = new Set<string>();
  private server!: Server;
  issuer = '';
  url = '';

  constructor(private readonly clientSecret: string) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.handle(request).then(([status, body]) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    this.issuer = `${this.url}/oidc`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Every token issued so far stops being accepted (a rotated key). */
  revokeTokens(): void {
    this.tokens.clear();
  }

  private async handle(request: IncomingMessage): Promise<[number, unknown]> {
    const body = await new Promise<string>((resolve) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => resolve(text));
    });
    if (request.url === '/oidc/.well-known/openid-configuration') {
      return [200, { issuer: this.issuer, token_endpoint: `${this.issuer}/token` }];
    }
    if (request.url === '/oidc/token' && request.method === 'POST') {
      // RFC 6749 2.3.1: id and secret form-encoded, then Basic.
      const [id, secret] = Buffer.from(
        (request.headers.authorization ?? '').replace(/^Basic /, ''),
        'base64',
      )
        .toString()
        .split(':')
        .map((part) => decodeURIComponent(part.replaceAll('+', ' ')));
      const form = new URLSearchParams(body);
      const grant = form.get('grant_type');
      if (
        id !== OPERATOR_CLIENT_ID ||
        secret !== this.clientSecret ||
        grant !== 'client_credentials' ||
        form.get('resource') !== 'urn:clearinghouse:api'
      ) {
        return [401, { error: 'invalid_client' }];
      }
      const token = randomUUID();
      this.tokens.add(token);
      this.tokensIssued += 1;
      return [200, { access_token: token, token_type: 'Bearer', expires_in: 600 }];
    }
    if (request.url === '/internal/notices' && request.method === 'POST') {
      const token = request.headers.authorization?.replace(/^Bearer /, '');
      if (!token || !this.tokens.has(token)) {
        return [401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'no valid token' }];
      }
      const notice = JSON.parse(body) as ReceivedNotice;
      const status = this.answers.get(notice.partyId)?.shift() ?? 200;
      if (status !== 200) {
        return [status, { statusCode: status, message: `answered ${status} on purpose` }];
      }
      this.received.push(notice);
      return [200, { recipients: 1 }];
    }
    return [404, { message: 'not found' }];
  }
}

describe('notices made from the event log', () => {
  let sut: TestService;
  let upstream: UpstreamEvents;
  let transport: EventTransport;
  let identity: IdentityStandIn;
  let dataDir: string;
  let db: DataSource;

  /** Publishes an event as its producer would; returns the envelope (to publish it again). */
  const publish = async <P extends object>(
    definition: EventDefinition<P>,
    aggregateId: string,
    payload: P,
    producer = 'royalty-distribution',
  ): Promise<EventEnvelope<P>> => {
    const envelope = eventCatalog.envelope(producer, {
      definition,
      aggregateId,
      payload,
      correlationId: `test-${randomUUID()}`,
    });
    await again(envelope);
    return envelope;
  };
  /** The same event delivered once more. */
  const again = async (envelope: EventEnvelope): Promise<void> => {
    await transport.publish([
      {
        topic: eventCatalog.find(envelope.type, envelope.version)!.topic,
        key: envelope.aggregateId,
        value: envelope,
      },
    ]);
  };

  const messagesOf = async (owner: string) =>
    (
      await db.query<{ event_type: string; ordering_key: string; body: string }[]>(
        `SELECT "event_type", "ordering_key", "body" FROM "notifications"."webhook_messages"
         WHERE "owner_party_id" = $1 ORDER BY "created_at", "id"`,
        [owner],
      )
    ).map((row) => ({
      type: row.event_type,
      orderingKey: row.ordering_key,
      ...(JSON.parse(row.body) as { timestamp: string; data: Record<string, unknown> }),
    }));

  const noticesOf = (party: string) =>
    db.query<
      {
        id: string;
        kind: string;
        params: Record<string, unknown>;
        status: string;
        last_error: string | null;
      }[]
    >(
      `SELECT "id", "kind", "params", "status", "last_error" FROM "notifications"."mail_notices"
       WHERE "party_id" = $1 ORDER BY "created_at"`,
      [party],
    );

  /** Resolves when the party's notices are no longer PENDING (the sender runs in the service). */
  const settledNotices = async (party: string) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const rows = await noticesOf(party);
      if (rows.length > 0 && rows.every((row) => row.status !== 'PENDING')) return rows;
      if (Date.now() > deadline) throw new Error(`notices still pending: ${JSON.stringify(rows)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const granted = (platformId: string, workId: string | null): LicenseGrantedV1 => ({
    licenseId: randomUUID(),
    platformId,
    useRequestId: randomUUID(),
    workId,
    unidentifiedReference: workId ? null : 'title:unknown',
    decision: workId ? Decision.GRANTED_ECL : Decision.GRANTED_ECL_UNIDENTIFIED,
    schemeId: randomUUID(),
    societyId: randomUUID(),
    category: WorkCategory.MUSIC,
    useType: UseType.STREAM,
    territory: 'JP',
    validFrom: '2026-01-01',
    validTo: '2027-01-01',
    expectedQuantity: 100,
    fee: { amountMinor: '200', currency: 'JPY' },
  });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'notices-'));
    identity = new IdentityStandIn(await resolveOperatorClientSecret({ DATA_DIR: dataDir }));
    await identity.start();
    sut = await startTestService(notificationsApp, {
      DATA_DIR: dataDir,
      IDENTITY_ISSUER: identity.issuer,
      IDENTITY_URL: identity.url,
      WEBHOOK_RETRY_UNIT_MS: '1',
    });
    upstream = new UpstreamEvents(sut.app);
    transport = sut.app.get<EventTransport>(EVENT_TRANSPORT);
    db = sut.app.get(DataSource);
  });

  afterAll(async () => {
    await sut?.close();
    await identity?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('webhook messages', () => {
    it('should tell a platform of a revoked license once, complete from what granted and opted out', async () => {
      const platform = await upstream.party(PartyKind.PLATFORM);
      const holder = await upstream.holder();
      const work = await upstream.work([holder], { title: 'Night Train' });
      await upstream.settled();
      const license = granted(platform, work);
      await publish(LicenseGranted, license.licenseId, license, 'authorization');
      const effectiveFrom = new Date('2026-12-01T00:00:00.000Z');
      const optOutId = await upstream.optOut(holder, { workId: work, effectiveFrom });
      await upstream.settled();
      const revoked = await publish(
        LicenseRevoked,
        license.licenseId,
        {
          licenseId: license.licenseId,
          platformId: platform,
          revokedFrom: effectiveFrom.toISOString(),
          reason: 'the holder opted out',
          optOutId,
        },
        'authorization',
      );
      await again(revoked);
      await upstream.settled();

      const messages = await messagesOf(platform);
      expect(messages).toEqual([
        {
          type: 'license.revoked',
          orderingKey: license.licenseId,
          timestamp: revoked.occurredAt,
          data: {
            licenseId: license.licenseId,
            revokedFrom: '2026-12-01T00:00:00.000Z',
            revokedAt: revoked.occurredAt,
            reason: 'the holder opted out',
            optOutId,
            optOutEffectiveFrom: '2026-12-01T00:00:00.000Z',
            work: { id: work, title: 'Night Train' },
            useType: 'STREAM',
            territory: 'JP',
            validFrom: '2026-01-01',
            validTo: '2027-01-01',
            holder: { id: holder, name: `Holder ${holder.slice(0, 8)}` },
          },
        },
      ]);
    });

    it("should take the revocation's own fields when it carries them", async () => {
      const platform = await upstream.party(PartyKind.PLATFORM);
      const holder = await upstream.holder();
      await upstream.settled();
      const licenseId = randomUUID();
      await publish(
        LicenseRevoked,
        licenseId,
        {
          licenseId,
          platformId: platform,
          revokedFrom: '2026-12-02T00:00:00.000Z',
          reason: 'the holder opted out',
          optOutId: randomUUID(),
          revokedAt: '2026-11-30T10:00:00.000Z',
          workId: null,
          useType: UseType.DOWNLOAD,
          territory: 'KR',
          validFrom: '2026-02-01',
          validTo: '2026-03-01',
          holderId: holder,
          optOutEffectiveFrom: '2026-12-02T00:00:00.000Z',
        },
        'authorization',
      );
      await upstream.settled();
      const [message] = await messagesOf(platform);
      expect(message!.data).toMatchObject({
        revokedAt: '2026-11-30T10:00:00.000Z',
        work: null,
        useType: 'DOWNLOAD',
        territory: 'KR',
        holder: { id: holder },
      });
    });

    it('should tell nobody when the owner is unknown or of another kind', async () => {
      const society = await upstream.party(PartyKind.SOCIETY);
      await upstream.settled();
      const stranger = randomUUID();
      for (const platformId of [society, stranger]) {
        const licenseId = randomUUID();
        await publish(
          LicenseRevoked,
          licenseId,
          {
            licenseId,
            platformId,
            revokedFrom: new Date().toISOString(),
            reason: 'r',
            optOutId: null,
          },
          'authorization',
        );
      }
      await upstream.settled();
      expect(await messagesOf(society)).toEqual([]);
      expect(await messagesOf(stranger)).toEqual([]);
    });

    it('should tell a grant only for an item that had been PENDING', async () => {
      const platform = await upstream.party(PartyKind.PLATFORM);
      const work = await upstream.work([await upstream.holder()], { title: 'Late Grant' });
      await upstream.settled();
      const plain = granted(platform, work);
      const afterPending = { ...granted(platform, work), previouslyPending: true as const };
      await publish(LicenseGranted, plain.licenseId, plain, 'authorization');
      const event = await publish(
        LicenseGranted,
        afterPending.licenseId,
        afterPending,
        'authorization',
      );
      await again(event);
      await upstream.settled();
      const messages = await messagesOf(platform);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({
        type: 'license.granted',
        orderingKey: afterPending.licenseId,
        data: { licenseId: afterPending.licenseId, work: { id: work, title: 'Late Grant' } },
      });
    });

    it('should tell a platform its processed report with an absolute link to the rejected lines', async () => {
      const platform = await upstream.party(PartyKind.PLATFORM);
      await upstream.settled();
      const reportId = randomUUID();
      const event = await publish(UsageReportProcessed, reportId, {
        reportId,
        platformId: platform,
        status: 'ACCEPTED',
        periodStart: '2026-10-01',
        periodEnd: '2026-11-01',
        linesAccepted: 7,
        linesRejected: 2,
        processedAt: '2026-11-30T00:00:00.000Z',
        rejectedLinesPath: `/v1/usage-reports/${reportId}/errors.csv`,
      });
      await again(event);
      await upstream.settled();
      expect(await messagesOf(platform)).toEqual([
        {
          type: 'usage-report.processed',
          orderingKey: reportId,
          timestamp: event.occurredAt,
          data: {
            reportId,
            status: 'ACCEPTED',
            periodStart: '2026-10-01',
            periodEnd: '2026-11-01',
            linesAccepted: 7,
            linesRejected: 2,
            processedAt: '2026-11-30T00:00:00.000Z',
            rejectedLinesUrl: `${identity.url}/v1/usage-reports/${reportId}/errors.csv`,
          },
        },
      ]);
    });

    it('should tell a society its batch calculated, then approved by an event that does not name it', async () => {
      const society = await upstream.party(PartyKind.SOCIETY);
      await upstream.settled();
      const batchId = randomUUID();
      const yen = (amountMinor: string) => ({ amountMinor, currency: 'JPY' });
      await publish(BatchCalculated, batchId, {
        batchId,
        societyId: society,
        category: WorkCategory.MUSIC,
        periodStart: '2026-10-01',
        periodEnd: '2026-11-01',
        pool: yen('1000'),
        adminFeeBps: 1000,
        adminFee: yen('100'),
        allocatedTotal: yen('800'),
        reservedTotal: yen('100'),
        checksum: 'b'.repeat(64),
      });
      const approved = await publish(BatchApproved, batchId, {
        batchId,
        checksum: 'b'.repeat(64),
        approvedBy: randomUUID(),
        approvedAt: '2026-11-30T00:00:00.000Z',
      });
      await again(approved);
      await upstream.settled();
      const messages = await messagesOf(society);
      expect(messages.map((m) => [m.type, m.orderingKey])).toEqual([
        ['batch.calculated', batchId],
        ['batch.approved', batchId],
      ]);
      expect(messages[0]!.data).toMatchObject({ pool: yen('1000'), adminFeeBps: 1000 });
      expect(messages[1]!.data).toMatchObject({ batchId, approvedAt: '2026-11-30T00:00:00.000Z' });
    });

    it("should tell a settled claim to the paying society and the claimant's, and the claimant by mail", async () => {
      const paying = await upstream.party(PartyKind.SOCIETY);
      const own = await upstream.party(PartyKind.SOCIETY);
      const claimant = await upstream.holder({ societyId: own });
      await upstream.settled();
      const claimId = randomUUID();
      const event = await publish(ClaimSettled, claimId, {
        claimId,
        reserveId: randomUUID(),
        holderId: claimant,
        amount: { amountMinor: '1500', currency: 'JPY' },
        settledAt: '2026-11-30T00:00:00.000Z',
        societyId: paying,
      });
      await again(event);
      await upstream.settled();
      for (const society of [paying, own]) {
        const messages = await messagesOf(society);
        expect(messages).toHaveLength(1);
        expect(messages[0]).toMatchObject({
          type: 'claim.settled',
          orderingKey: claimId,
          data: { claimId, holderId: claimant, amount: { amountMinor: '1500' } },
        });
      }
      const notices = await noticesOf(claimant);
      expect(notices.map((n) => [n.kind, n.params])).toEqual([
        [
          'CLAIM_SETTLED',
          {
            amount: { amountMinor: '1500', currency: 'JPY' },
            settledAt: '2026-11-30T00:00:00.000Z',
            workTitle: null,
            path: '/me/claims',
          },
        ],
      ]);
    });

    it('should tell no society of a claim when none is known', async () => {
      const claimant = await upstream.holder();
      await upstream.settled();
      const claimId = randomUUID();
      await publish(ClaimSettled, claimId, {
        claimId,
        reserveId: randomUUID(),
        holderId: claimant,
        amount: { amountMinor: '1', currency: 'JPY' },
        settledAt: '2026-11-30T00:00:00.000Z',
        claimantSocietyId: null,
      });
      await upstream.settled();
      const [row] = await db.query<{ count: string }[]>(
        `SELECT count(*) FROM "notifications"."webhook_messages" WHERE "ordering_key" = $1`,
        [claimId],
      );
      expect(row!.count).toBe('0');
    });
  });

  describe('mail notices', () => {
    it('should confirm an opt-out to its holder once, handed to identity with an operator token', async () => {
      const holder = await upstream.holder();
      const work = await upstream.work([holder], { title: 'Quiet Harbour' });
      await upstream.settled();
      await upstream.optOut(holder, {
        workId: work,
        useTypes: [UseType.STREAM],
        effectiveFrom: new Date('2026-12-01T00:00:00.000Z'),
      });
      await upstream.settled();
      const [notice] = await settledNotices(holder);
      expect(notice).toMatchObject({ kind: 'OPT_OUT_CONFIRMED', status: 'SENT' });
      expect(identity.received.filter((n) => n.partyId === holder)).toEqual([
        {
          noticeId: notice!.id,
          partyId: holder,
          kind: 'OPT_OUT_CONFIRMED',
          params: {
            scope: 'WORK',
            workTitle: 'Quiet Harbour',
            useTypes: ['STREAM'],
            effectiveFrom: '2026-12-01T00:00:00.000Z',
            path: '/me/opt-outs',
          },
        },
      ]);
    });

    it('should tell each party of a dispute, and a holder of its statement, once each', async () => {
      const [a, b] = [await upstream.holder(), await upstream.holder()];
      const work = await upstream.work([a, b], { title: 'Two Claims' });
      await upstream.settled();
      await upstream.disputeOpened(work, [a, b]);
      const batchId = randomUUID();
      const statement = await publish(StatementAvailable, `${batchId}`, {
        batchId,
        holderId: a,
        societyId: randomUUID(),
        category: WorkCategory.MUSIC,
        periodStart: '2026-10-01',
        periodEnd: '2026-11-01',
        totalPayable: { amountMinor: '900', currency: 'JPY' },
        totalHeld: { amountMinor: '0', currency: 'JPY' },
      });
      await again(statement);
      await upstream.settled();
      const ofA = await settledNotices(a);
      expect(ofA.map((n) => n.kind).sort()).toEqual(['DISPUTE_OPENED', 'STATEMENT_AVAILABLE']);
      expect(ofA.find((n) => n.kind === 'DISPUTE_OPENED')!.params).toMatchObject({
        workTitle: 'Two Claims',
        reason: 'conflicting claims',
        path: '/me/disputes',
      });
      expect(ofA.find((n) => n.kind === 'STATEMENT_AVAILABLE')!.params).toMatchObject({
        amount: { amountMinor: '900', currency: 'JPY' },
        path: `/me/money/${batchId}`,
      });
      expect((await settledNotices(b)).map((n) => n.kind)).toEqual(['DISPUTE_OPENED']);
    });

    it('should try a notice again after 5xx and a stale token, and fail one identity refuses', async () => {
      const [flaky, refused] = [randomUUID(), randomUUID()];
      identity.answers.set(flaky, [503, 500]);
      identity.answers.set(refused, [400]);
      const issuedBefore = identity.tokensIssued;
      identity.revokeTokens();
      await db.transaction(async (manager) => {
        for (const partyId of [flaky, refused]) {
          await MailNotices.add(manager, {
            partyId,
            kind: MailNoticeKind.ENDPOINT_DISABLED,
            params: { path: '/me' },
            sourceId: randomUUID(),
          });
        }
      });
      expect(await settledNotices(flaky)).toMatchObject([{ status: 'SENT' }]);
      expect(identity.received.filter((n) => n.partyId === flaky)).toHaveLength(1);
      expect(identity.tokensIssued).toBeGreaterThan(issuedBefore);
      const [failed] = await settledNotices(refused);
      expect(failed).toMatchObject({
        status: 'FAILED',
        last_error: 'identity refused the notice (400): answered 400 on purpose',
      });
      expect(identity.received.filter((n) => n.partyId === refused)).toEqual([]);
    });

    it('should add a notice once per source, party and kind', async () => {
      const party = randomUUID();
      const sourceId = randomUUID();
      identity.answers.set(party, [503, 503, 503]);
      const add = () =>
        db.transaction((manager) =>
          MailNotices.add(manager, {
            partyId: party,
            kind: MailNoticeKind.ENDPOINT_DISABLED,
            params: { path: '/me' },
            sourceId,
          }),
        );
      expect(await add()).toEqual(expect.any(String));
      expect(await add()).toBeUndefined();
      expect((await settledNotices(party)).map((n) => n.status)).toEqual(['SENT']);
    });
  });
});
