import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '#libs/auth';
import { PartyKind, Role, eventCatalog } from '#libs/contracts';
import { startTestService, type TestService } from '#libs/testing';
import { publishedEvents } from '../../../../test/support/published-events.js';
import { UpstreamEvents } from '../../../../test/support/upstream-events.js';
import { royaltyDistributionApp } from '../royalty-distribution.app.js';

const HEADER = 'licenseId,workId,identifier,title,useType,territory,quantity,usageDate';

/**
 * `distribution.usage-report.processed`: written with the report on both paths, once per
 * report whatever the retries; its rejected lines readable at the path it gives, by the
 * platform that sent it and the operator only.
 */
describe('usage report processed', () => {
  let sut: TestService;
  let license: string;
  let upstream: UpstreamEvents;
  const platform: Caller = { role: Role.PLATFORM, partyId: randomUUID() };
  const operator: Caller = { role: Role.OPERATOR, partyId: randomUUID() };

  const postCsv = async (lines: string[], key: string, caller: Caller = platform) => {
    const response = await sut.app.inject({
      method: 'POST',
      url: '/v1/usage-reports?periodStart=2026-11-01&periodEnd=2026-12-01',
      headers: {
        authorization: `Bearer ${await sut.tokenFor(caller)}`,
        'content-type': 'text/csv',
        'idempotency-key': key,
      },
      payload: [HEADER, ...lines].join('\n'),
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const submit = async (key: string) => {
    const result = await sut.graphql<{ submitUsageReport: { id: string } }>(
      `mutation ($input: SubmitUsageReportInput!) { submitUsageReport(input: $input) { id } }`,
      {
        input: {
          idempotencyKey: key,
          periodStart: '2026-11-01',
          periodEnd: '2026-12-01',
          lines: [1, 0, 3].map((quantity) => ({
            licenseId: license,
            useType: 'STREAM',
            territory: 'JP',
            quantity,
            usageDate: '2026-11-07',
          })),
        },
      },
      platform,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.submitUsageReport.id;
  };
  const getPath = async (path: string, caller: Caller | null) =>
    sut.app.inject({
      method: 'GET',
      url: path,
      headers: caller ? { authorization: `Bearer ${await sut.tokenFor(caller)}` } : {},
    });

  beforeAll(async () => {
    sut = await startTestService(royaltyDistributionApp);
    upstream = new UpstreamEvents(sut.app);
    const society = await upstream.party(PartyKind.SOCIETY);
    await upstream.party(PartyKind.PLATFORM, platform.partyId);
    const holder = await upstream.holder({ societyId: society });
    const work = await upstream.work([holder]);
    const scheme = await upstream.scheme({ societyId: society });
    license = await upstream.license({
      platformId: platform.partyId,
      schemeId: scheme,
      societyId: society,
      workId: work,
    });
    await upstream.settled();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should publish one event for a CSV report, with its counts and where its rejected lines are', async () => {
    const key = randomUUID();
    const lines = [
      `${license},,,,STREAM,JP,120,2026-11-03`,
      `${license},,,,STREAM,JP,0,2026-11-03`,
      `=cmd|' /C calc'!A0,,,,STREAM,JP,5,2026-11-04`,
    ];
    const id = await postCsv(lines, key);
    expect(await postCsv(lines, key)).toBe(id);

    const events = await publishedEvents(sut.app, id);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      type: 'distribution.usage-report.processed',
      version: 1,
      producer: 'royalty-distribution',
      aggregateId: id,
      payload: {
        reportId: id,
        platformId: platform.partyId,
        status: 'ACCEPTED',
        periodStart: '2026-11-01',
        periodEnd: '2026-12-01',
        linesAccepted: 1,
        linesRejected: 2,
        rejectedLinesPath: `/v1/usage-reports/${id}/errors.csv`,
      },
    });
    expect(() => eventCatalog.decode(event)).not.toThrow();
    const report = await sut.graphql<{ usageReport: { createdAt: string } }>(
      `query ($id: ID!) { usageReport(id: $id) { createdAt } }`,
      { id },
      platform,
    );
    expect(event!.payload.processedAt).toBe(report.data!.usageReport.createdAt);

    const errors = await getPath(event!.payload.rejectedLinesPath as string, platform);
    expect(errors.statusCode).toBe(200);
    expect(errors.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(errors.body.trimEnd().split('\n')).toEqual([
      'line,reason',
      '3,quantity: must be a whole number from 1',
      `4,"licenseId: ""=cmd|' /C calc'!A0"" is not a license id"`,
    ]);
  });

  it('should publish one event for a GraphQL report, none for its retry, REJECTED when no line is good', async () => {
    const key = randomUUID();
    const id = await submit(key);
    expect(await submit(key)).toBe(id);
    const rejectedId = await postCsv([`${license},,,,STREAM,JP,0,2026-11-03`], randomUUID());

    const events = await publishedEvents(sut.app, id);
    expect(events.map((event) => [event.type, event.payload.linesAccepted])).toEqual([
      ['distribution.usage-report.processed', 2],
    ]);
    expect(events[0]!.payload).toMatchObject({ status: 'ACCEPTED', linesRejected: 1 });
    const [rejected] = await publishedEvents(sut.app, rejectedId);
    expect(rejected!.payload).toMatchObject({
      status: 'REJECTED',
      linesAccepted: 0,
      linesRejected: 1,
    });
  });

  it("should show a report's rejected lines to the platform that sent it and the operator, NOT_FOUND to anyone else", async () => {
    const id = await postCsv([`${license},,,,STREAM,JP,0,2026-11-03`], randomUUID());
    const path = `/v1/usage-reports/${id}/errors.csv`;
    expect((await getPath(path, operator)).statusCode).toBe(200);
    const society = await upstream.party(PartyKind.SOCIETY);
    const refused: Caller[] = [
      { role: Role.PLATFORM, partyId: await upstream.party(PartyKind.PLATFORM) },
      { role: Role.SOCIETY_ADMIN, partyId: society },
      { role: Role.RIGHT_HOLDER, partyId: await upstream.holder({ societyId: society }) },
    ];
    await upstream.settled();
    for (const caller of refused) {
      const response = await getPath(path, caller);
      expect([caller.role, response.statusCode, response.json()]).toEqual([
        caller.role,
        404,
        expect.objectContaining({ message: `no usage report ${id}` }),
      ]);
    }
    expect((await getPath(path, null)).statusCode).toBe(401);
    const unknown = await getPath('/v1/usage-reports/not-an-id/errors.csv', platform);
    expect(unknown.statusCode).toBe(404);
  });
});
