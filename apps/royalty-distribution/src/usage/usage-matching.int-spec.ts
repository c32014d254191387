import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { PartyKind, Role, WorkUpdated, eventCatalog } from '#libs/contracts';
import { EVENT_TRANSPORT, type EventTransport } from '#libs/messaging';
import { startTestService, type TestService } from '#libs/testing';
import { UpstreamEvents } from '../../../../test/support/upstream-events.js';
import { royaltyDistributionApp } from '../royalty-distribution.app.js';

const HEADER = 'licenseId,workId,identifier,title,useType,territory,quantity,usageDate';

interface LineRow {
  line: number;
  work_id: string | null;
  match_method: string | null;
  match_score: number | null;
  title_compact: string | null;
  title_reading: string | null;
}

describe('usage lines matched by title', () => {
  let sut: TestService;
  let upstream: UpstreamEvents;
  let society: string;
  let admin: Caller;
  let member: string;
  let sakura: string;
  let unidentified: string;
  const platform: Caller = { role: Role.PLATFORM, partyId: randomUUID() };

  /** POSTs the usage header and `lines` to the CSV route; returns the report. */
  const report = async (
    lines: string[],
    period: [string, string] = ['2026-11-01', '2026-12-01'],
  ) => {
    const response = await sut.app.inject({
      method: 'POST',
      url: `/v1/usage-reports?periodStart=${period[0]}&periodEnd=${period[1]}`,
      headers: {
        authorization: `Bearer ${await sut.tokenFor(platform)}`,
        'content-type': 'text/csv',
        'idempotency-key': randomUUID(),
      },
      payload: [HEADER, ...lines].join('\n'),
    });
    expect(response.statusCode).toBe(201);
    return response.json<{
      id: string;
      linesAccepted: number;
      linesRejected: number;
      linesUnidentified: number;
      errors: { line: number; reason: string }[];
    }>();
  };
  const linesOf = (reportId: string) =>
    sut.app.get(DataSource).query<LineRow[]>(
      `SELECT line, work_id, match_method, match_score, title_compact, title_reading
       FROM royalty_distribution.usage_lines WHERE report_id = $1 ORDER BY line`,
      [reportId],
    );
  /** A line of the license for unidentified works, titled `title`. */
  const titled = (title: string, date = '2026-11-06') =>
    `${unidentified},,,${title},STREAM,JP,10,${date}`;
  /** Creates and calculates a batch of the society's MUSIC lines of the period; returns its id. */
  const calculatedBatch = async (periodStart: string, periodEnd: string): Promise<string> => {
    const created = await sut.graphql<{ createDistributionBatch: { id: string } }>(
      `mutation ($start: String!, $end: String!) { createDistributionBatch(input: {
         periodStart: $start, periodEnd: $end, category: MUSIC, poolAmountMinor: "100000",
         currency: "JPY", adminFeeBps: 0 }) { id } }`,
      { start: periodStart, end: periodEnd },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createDistributionBatch.id;
    const started = await sut.graphql(
      `mutation ($id: ID!) { calculateDistributionBatch(id: $id) { id } }`,
      { id },
      admin,
    );
    expect(started.errors).toBeUndefined();
    for (;;) {
      const batch = await sut.graphql<{
        distributionBatch: { status: string; calculation: { state: string; error: string } };
      }>(
        `query ($id: ID!) { distributionBatch(id: $id) { status calculation { state error } } }`,
        { id },
        admin,
      );
      const { status, calculation } = batch.data!.distributionBatch;
      if (calculation.state !== 'RUNNING') {
        expect([status, calculation.error]).toEqual(['CALCULATED', null]);
        return id;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    sut = await startTestService(royaltyDistributionApp);
    upstream = new UpstreamEvents(sut.app);
    society = await upstream.party(PartyKind.SOCIETY);
    admin = { role: Role.SOCIETY_ADMIN, partyId: society };
    await upstream.party(PartyKind.PLATFORM, platform.partyId);
    member = await upstream.holder({ societyId: society });
    sakura = await upstream.work([member], { title: '桜の雨' });
    const scheme = await upstream.scheme({ societyId: society });
    unidentified = await upstream.license({
      platformId: platform.partyId,
      schemeId: scheme,
      societyId: society,
      unidentifiedReference: 'title:何か',
    });
    await upstream.settled();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should match a title written in kana or romaji to the work by its reading, and pay its holders', async () => {
    const { id, linesUnidentified } = await report([
      titled('さくらのあめ'),
      titled('Sakura no Ame'),
      titled('桜 の 雨'),
    ]);
    expect(linesUnidentified).toBe(0);
    expect(
      (await linesOf(id)).map((l) => [l.line, l.work_id, l.match_method, l.match_score]),
    ).toEqual([
      [2, sakura, 'READING', 0.95],
      [3, sakura, 'READING', 0.95],
      [4, sakura, 'EXACT_TITLE', 1],
    ]);
    const batch = await calculatedBatch('2026-11-01', '2026-12-01');
    const statement = await sut.graphql<{
      statement: { lines: { workKey: string; amount: { amountMinor: string }; status: string }[] };
    }>(
      `query ($b: ID!, $h: ID!) { statement(batchId: $b, holderId: $h) {
         lines { workKey amount { amountMinor } status } } }`,
      { b: batch, h: member },
      // Calculated, not yet approved: the batch's admin reads it (the holder once approved).
      admin,
    );
    expect(statement.data!.statement.lines).toEqual([
      { workKey: sakura, amount: { amountMinor: '100000' }, status: 'PAYABLE' },
    ]);
  });

  it('should leave a line whose title only comes near a work unidentified, with its keys', async () => {
    const { id, linesUnidentified } = await report(
      [titled('桜の雨よ', '2026-10-06')],
      ['2026-10-01', '2026-11-01'],
    );
    expect(linesUnidentified).toBe(1);
    expect(await linesOf(id)).toEqual([
      {
        line: 2,
        work_id: null,
        match_method: null,
        match_score: null,
        title_compact: '桜ノ雨ヨ',
        title_reading: 'sakuranoameyo',
      },
    ]);
  });

  it('should reject a line naming an opted-out work in another script, with its line number', async () => {
    const holder = await upstream.holder({ societyId: society });
    await upstream.work([holder], { title: '春の海' });
    await upstream.optOut(holder, { effectiveFrom: new Date('2026-01-01T00:00:00Z') });
    await upstream.settled();
    const { linesAccepted, errors } = await report([
      titled('ハルノウミ', '2026-11-08'),
      titled('Sakura no Ame', '2026-11-08'),
    ]);
    expect(linesAccepted).toBe(1);
    expect(errors).toEqual([
      { line: 2, reason: 'the work was opted out of extended collective licensing on 2026-11-08' },
    ]);
  });

  it('should match a line once its work is registered under another spelling, unless an approved batch paid it', async () => {
    const paid = await report([titled('夜明けの歌', '2026-09-10')], ['2026-09-01', '2026-10-01']);
    const open = await report([titled('夜明けの歌', '2026-11-10')]);
    expect([paid.linesUnidentified, open.linesUnidentified]).toEqual([1, 1]);
    const batch = await calculatedBatch('2026-09-01', '2026-10-01');
    const approved = await sut.graphql(
      `mutation ($id: ID!) { approveDistributionBatch(id: $id) { status } }`,
      { id: batch },
      admin,
    );
    expect(approved.errors).toBeUndefined();

    const dawn = await upstream.work([member], { title: '夜明けのうた' });
    await upstream.settled();

    expect(
      (await linesOf(open.id)).map((l) => [l.work_id, l.match_method, l.title_compact]),
    ).toEqual([[dawn, 'READING', null]]);
    const [paidLine] = await sut.app
      .get(DataSource)
      .query<{ work_id: string | null; batch_id: string | null }[]>(
        `SELECT work_id, batch_id FROM royalty_distribution.usage_lines WHERE report_id = $1`,
        [paid.id],
      );
    expect(paidLine).toEqual({ work_id: null, batch_id: batch });
  });

  it('should match a line with a decorated title once the bare title is registered', async () => {
    const { id } = await report([titled('春の野 (Live at Budokan)', '2026-11-11')]);
    expect((await linesOf(id)).map((l) => [l.work_id, l.title_compact])).toEqual([
      [null, '春ノ野'],
    ]);
    const meadow = await upstream.work([member], { title: '春の野' });
    await upstream.settled();
    expect((await linesOf(id)).map((l) => [l.work_id, l.match_method])).toEqual([
      [meadow, 'EXACT_TITLE'],
    ]);
  });

  it('should match a line once a work takes its title as an alternative title', async () => {
    const { id } = await report([titled('月の舟', '2026-11-12')]);
    const boat = await upstream.work([member], { title: '星の舟' });
    await upstream.settled();
    expect((await linesOf(id)).map((l) => l.work_id)).toEqual([null]);

    const envelope = eventCatalog.envelope('rights-registry', {
      definition: WorkUpdated,
      aggregateId: boat,
      payload: {
        workId: boat,
        title: '星の舟',
        alternativeTitles: ['月の舟'],
        creatorNames: [],
        identifiers: [],
      },
      correlationId: `test-${randomUUID()}`,
    });
    await sut.app
      .get<EventTransport>(EVENT_TRANSPORT)
      .publish([{ topic: WorkUpdated.topic, key: boat, value: envelope }]);
    await upstream.settled();

    expect((await linesOf(id)).map((l) => [l.work_id, l.match_method])).toEqual([
      [boat, 'EXACT_TITLE'],
    ]);
  });
});
