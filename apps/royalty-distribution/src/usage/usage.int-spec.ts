import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { IdentifierScheme, PartyKind, Role, UseType } from '#libs/contracts';
import { startTestService, type GraphQLResult, type TestService } from '#libs/testing';
import { UpstreamEvents } from '../../../../test/support/upstream-events.js';
import { royaltyDistributionApp } from '../royalty-distribution.app.js';

const HEADER = 'licenseId,workId,identifier,title,useType,territory,quantity,usageDate';

interface ReportView {
  id: string;
  status: string;
  linesAccepted: number;
  linesRejected: number;
  linesUnidentified: number;
  errors: { line: number; reason: string }[];
}

describe('usage reports', () => {
  let sut: TestService;
  let upstream: UpstreamEvents;
  let society: string;
  let scheme: string;
  let holder: string;
  let work: string;
  let license: string;
  const platform: Caller = { role: Role.PLATFORM, partyId: randomUUID() };

  /** POSTs a usage file as it is (any bytes) to the CSV route. */
  const postText = async (
    payload: string | Buffer,
    options: { key?: string; caller?: Caller; period?: [string, string] } = {},
  ) => {
    const [start, end] = options.period ?? ['2026-11-01', '2026-12-01'];
    const response = await sut.app.inject({
      method: 'POST',
      url: `/v1/usage-reports?periodStart=${start}&periodEnd=${end}`,
      headers: {
        authorization: `Bearer ${await sut.tokenFor(options.caller ?? platform)}`,
        'content-type': 'text/csv',
        'idempotency-key': options.key ?? randomUUID(),
      },
      payload,
    });
    return {
      status: response.statusCode,
      body: response.json<ReportView & { message?: string }>(),
    };
  };
  /** POSTs the usage header and `lines` to the CSV route. */
  const postCsv = (lines: string[], options: Parameters<typeof postText>[1] = {}) =>
    postText([HEADER, ...lines].join('\n'), options);
  const linesOf = async (reportId: string) =>
    sut.app
      .get(DataSource)
      .query<{ line: number; work_id: string | null; unidentified_reference: string | null }[]>(
        `SELECT line, work_id, unidentified_reference FROM royalty_distribution.usage_lines
         WHERE report_id = $1 ORDER BY line`,
        [reportId],
      );

  beforeAll(async () => {
    sut = await startTestService(royaltyDistributionApp);
    upstream = new UpstreamEvents(sut.app);
    society = await upstream.party(PartyKind.SOCIETY);
    await upstream.party(PartyKind.PLATFORM, platform.partyId);
    holder = await upstream.holder({ societyId: society });
    work = await upstream.work([holder], {
      title: 'Night Drive',
      identifiers: [{ scheme: IdentifierScheme.ISRC, value: 'JPK002100001' }],
    });
    scheme = await upstream.scheme({ societyId: society });
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

  it('should accept good lines and reject each bad one with its line number and reason', async () => {
    const other = await upstream.license({
      platformId: randomUUID(),
      schemeId: scheme,
      societyId: society,
      workId: work,
    });
    await upstream.settled();
    const { status, body } = await postCsv([
      `${license},,,,STREAM,JP,120,2026-11-03`,
      `${license},,,,DOWNLOAD,JP,5,2026-11-03`,
      `not-a-license,,,,STREAM,JP,5,2026-11-03`,
      `${other},,,,STREAM,JP,5,2026-11-03`,
      `${license},,,,STREAM,JP,0,2026-11-03`,
      `${license},,,,STREAM,JP,3,2026-02-30`,
      `${license},,,,STREAM,JP,3,2026-12-05`,
      `${license},,,,STREAM,FR,3,2026-11-04`,
      `${license},,,,STREAM,JP,7,2026-11-30`,
    ]);
    expect(status).toBe(201);
    expect(body).toMatchObject({ linesAccepted: 2, linesRejected: 7, linesUnidentified: 0 });
    expect(body.errors).toEqual([
      { line: 3, reason: 'useType: DOWNLOAD is not licensed; the license covers STREAM' },
      { line: 4, reason: 'licenseId: "not-a-license" is not a license id' },
      { line: 5, reason: `licenseId: no license ${other} of this platform` },
      { line: 6, reason: 'quantity: must be a whole number from 1' },
      { line: 7, reason: 'usageDate: must be a date YYYY-MM-DD' },
      { line: 8, reason: 'usageDate: 2026-12-05 is outside the report period' },
      { line: 9, reason: 'territory: FR is not licensed; the license covers JP' },
    ]);
    expect((await linesOf(body.id)).map((l) => [l.line, l.work_id])).toEqual([
      [2, work],
      [10, work],
    ]);
  });

  it('should take dates only as YYYY-MM-DD and quantities only as digits', async () => {
    const dates = [
      '2026/11/05',
      '2026-11-5',
      '20261-1-05',
      '2026-1105-',
      '05-11-2026',
      '2026-11-05x',
    ];
    const quantities = ['1.5', '-3', '1e3', ' 7', '+7', '1234567890123456'];
    const { body } = await postCsv([
      ...dates.map((date) => `${license},,,,STREAM,JP,1,${date}`),
      ...quantities.map((quantity) => `${license},,,,STREAM,JP,${quantity},2026-11-05`),
      `${license},,,,STREAM,JP,123456789012345,2026-11-05`,
    ]);
    expect(body).toMatchObject({ linesAccepted: 1, linesRejected: 12 });
    expect(body.errors).toEqual([
      ...dates.map((_, index) => ({
        line: 2 + index,
        reason: 'usageDate: must be a date YYYY-MM-DD',
      })),
      ...quantities.map((_, index) => ({
        line: 2 + dates.length + index,
        reason: 'quantity: must be a whole number from 1',
      })),
    ]);
  });

  it('should never count a report twice for one idempotency key', async () => {
    const key = randomUUID();
    const first = await postCsv([`${license},,,,STREAM,JP,1,2026-11-05`], { key });
    const again = await postCsv([`${license},,,,STREAM,JP,1,2026-11-05`], { key });
    expect(again.body.id).toBe(first.body.id);
    const [count] = await sut.app.get(DataSource).query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM royalty_distribution.usage_reports r
         JOIN royalty_distribution.idempotency_keys k ON k.result_id = r.id::text WHERE k.key = $1`,
      [key],
    );
    expect(count!.n).toBe(1);
  });

  it('should refuse a file it cannot read, with the line, and store nothing', async () => {
    const before = await sut.app
      .get(DataSource)
      .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM royalty_distribution.usage_reports`);
    const badHeader = await postText(`license,quantity\n${license},1\n`);
    expect(badHeader.status).toBe(400);
    expect(badHeader.body.message).toContain('header');
    const unterminated = await postCsv([`${license},,,"never closed,STREAM,JP,1,2026-11-05`]);
    expect(unterminated.status).toBe(400);
    expect(unterminated.body.message).toMatch(/line \d/);
    const badPeriod = await postCsv([`${license},,,,STREAM,JP,1,2026-11-05`], {
      period: ['2026-12-01', '2026-11-01'],
    });
    expect(badPeriod.status).toBe(400);
    const after = await sut.app
      .get(DataSource)
      .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM royalty_distribution.usage_reports`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('should refuse callers other than platforms and anonymous ones', async () => {
    const asHolder = await postCsv([`${license},,,,STREAM,JP,1,2026-11-05`], {
      caller: { role: Role.RIGHT_HOLDER, partyId: holder },
    });
    expect(asHolder.status).toBe(403);
    const anonymous = await sut.app.inject({
      method: 'POST',
      url: '/v1/usage-reports?periodStart=2026-11-01&periodEnd=2026-12-01',
      headers: { 'content-type': 'text/csv', 'idempotency-key': 'k' },
      payload: HEADER,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('should match lines of an unidentified license by identifier or title, and keep the rest for later', async () => {
    const unidentified = await upstream.license({
      platformId: platform.partyId,
      schemeId: scheme,
      societyId: society,
      unidentifiedReference: 'title:some unknown song',
    });
    await upstream.settled();
    const { body } = await postCsv([
      `${unidentified},,ISRC:JP-K00-21-00001,,STREAM,JP,10,2026-11-06`,
      `${unidentified},,,NIGHT DRIVE,STREAM,JP,10,2026-11-06`,
      `${unidentified},,,A Song Nobody Registered,STREAM,JP,10,2026-11-06`,
      `${unidentified},,,,STREAM,JP,10,2026-11-06`,
    ]);
    expect(body).toMatchObject({ linesAccepted: 4, linesRejected: 0, linesUnidentified: 2 });
    expect(
      (await linesOf(body.id)).map((l) => [l.line, l.work_id, l.unidentified_reference]),
    ).toEqual([
      [2, work, null],
      [3, work, null],
      [4, null, 'title:some unknown song'],
      [5, null, 'title:some unknown song'],
    ]);
  });

  it('should match lines left unidentified once their work is registered', async () => {
    const unidentified = await upstream.license({
      platformId: platform.partyId,
      schemeId: scheme,
      societyId: society,
      unidentifiedReference: 'title:later song',
    });
    await upstream.settled();
    const { body } = await postCsv([
      `${unidentified},,,Later Song,STREAM,JP,10,2026-11-06`,
      `${unidentified},,ISWC:T-034.524.680-1,,STREAM,JP,10,2026-11-06`,
      `${unidentified},,,,STREAM,JP,10,2026-11-06`,
    ]);
    expect(body.linesUnidentified).toBe(3);
    const byTitle = await upstream.work([holder], { title: 'LATER SONG' });
    const byIswc = await upstream.work([holder], {
      title: 'Something Else',
      identifiers: [{ scheme: IdentifierScheme.ISWC, value: 'T0345246801' }],
    });
    await upstream.settled();
    expect((await linesOf(body.id)).map((l) => [l.line, l.work_id])).toEqual([
      [2, byTitle],
      [3, byIswc],
      [4, byTitle],
    ]);
  });

  it('should reject lines of works opted out on their usage date', async () => {
    const optedHolder = await upstream.holder();
    const optedWork = await upstream.work([optedHolder]);
    const optedLicense = await upstream.license({
      platformId: platform.partyId,
      schemeId: scheme,
      societyId: society,
      workId: optedWork,
    });
    await upstream.optOut(optedHolder, {
      useTypes: [UseType.STREAM],
      effectiveFrom: new Date('2026-11-10T00:00:00Z'),
    });
    await upstream.settled();
    const { body } = await postCsv([
      `${optedLicense},,,,STREAM,JP,1,2026-11-09`,
      `${optedLicense},,,,STREAM,JP,1,2026-11-10`,
    ]);
    expect(body.errors).toEqual([
      { line: 3, reason: 'the work was opted out of extended collective licensing on 2026-11-10' },
    ]);
  });

  it('should take small reports through GraphQL the same way', async () => {
    const result: GraphQLResult<{ submitUsageReport: ReportView }> = await sut.graphql(
      `mutation ($input: SubmitUsageReportInput!) { submitUsageReport(input: $input) {
         id linesAccepted linesRejected linesUnidentified errors { line reason } } }`,
      {
        input: {
          idempotencyKey: randomUUID(),
          periodStart: '2026-11-01',
          periodEnd: '2026-12-01',
          lines: [
            {
              licenseId: license,
              useType: 'STREAM',
              territory: 'JP',
              quantity: 4,
              usageDate: '2026-11-07',
            },
            {
              licenseId: license,
              useType: 'STREAM',
              territory: 'JP',
              quantity: 4,
              usageDate: '2027-01-07',
            },
          ],
        },
      },
      platform,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.submitUsageReport).toMatchObject({
      linesAccepted: 1,
      linesRejected: 1,
      errors: [{ line: 2, reason: 'usageDate: 2027-01-07 is outside the report period' }],
    });
  });

  describe('one intake rule for every path', () => {
    interface LineInput {
      licenseId: string;
      title?: string;
      useType: string;
      territory: string;
      quantity: number;
      usageDate: string;
    }
    const SUBMIT = `mutation ($input: SubmitUsageReportInput!) { submitUsageReport(input: $input) {
      id status linesAccepted linesRejected errors { line reason } } }`;
    const submit = (lines: LineInput[], key = randomUUID()) =>
      sut.graphql<{ submitUsageReport: ReportView }>(
        SUBMIT,
        {
          input: { idempotencyKey: key, periodStart: '2026-11-01', periodEnd: '2026-12-01', lines },
        },
        platform,
      );
    const asCsv = (line: LineInput) =>
      `${line.licenseId},,,${line.title ?? ''},${line.useType},${line.territory},${line.quantity},${line.usageDate}`;
    const good = (): LineInput => ({
      licenseId: license,
      useType: 'STREAM',
      territory: 'JP',
      quantity: 3,
      usageDate: '2026-11-08',
    });
    const unknownLicense = randomUUID();
    /** Bad lines, each with the reason both paths give. */
    const BAD_LINES: { line: Partial<LineInput>; reason: string }[] = [
      { line: { quantity: 0 }, reason: 'quantity: must be a whole number from 1' },
      { line: { quantity: -3 }, reason: 'quantity: must be a whole number from 1' },
      { line: { usageDate: '2026-02-30' }, reason: 'usageDate: must be a date YYYY-MM-DD' },
      { line: { usageDate: '8 Nov 2026' }, reason: 'usageDate: must be a date YYYY-MM-DD' },
      {
        line: { usageDate: '2026-12-05' },
        reason: 'usageDate: 2026-12-05 is outside the report period',
      },
      {
        line: { useType: 'DOWNLOAD' },
        reason: 'useType: DOWNLOAD is not licensed; the license covers STREAM',
      },
      {
        line: { territory: 'FR' },
        reason: 'territory: FR is not licensed; the license covers JP',
      },
      { line: { title: 'あ'.repeat(501) }, reason: 'title: must be at most 500 characters' },
      {
        line: { licenseId: unknownLicense },
        reason: `licenseId: no license ${unknownLicense} of this platform`,
      },
    ];

    it('should reject each bad line alone, with the same reason through GraphQL and CSV', async () => {
      const lines = [good(), ...BAD_LINES.map(({ line }) => ({ ...good(), ...line })), good()];
      const graphql = await submit(lines);
      const csv = await postCsv(lines.map(asCsv));
      expect(graphql.errors).toBeUndefined();
      expect(csv.status).toBe(201);
      const expected = { status: 'ACCEPTED', linesAccepted: 2, linesRejected: BAD_LINES.length };
      expect(graphql.data!.submitUsageReport).toMatchObject(expected);
      expect(csv.body).toMatchObject(expected);
      // GraphQL lines are numbered 1..n; a CSV file's lines as the file does (header: 1).
      expect(graphql.data!.submitUsageReport.errors).toEqual(
        BAD_LINES.map(({ reason }, index) => ({ line: index + 2, reason })),
      );
      expect(csv.body.errors).toEqual(
        BAD_LINES.map(({ reason }, index) => ({ line: index + 3, reason })),
      );
    });

    it('should store a report whose every line was rejected as REJECTED, on both paths', async () => {
      const lines = [{ ...good(), quantity: 0 }];
      const graphql = await submit(lines);
      const csv = await postCsv(lines.map(asCsv));
      expect(graphql.data!.submitUsageReport).toMatchObject({
        status: 'REJECTED',
        linesAccepted: 0,
        linesRejected: 1,
      });
      expect(csv.body).toMatchObject({ status: 'REJECTED', linesAccepted: 0, linesRejected: 1 });
      const again = await sut.graphql<{ usageReport: { status: string } }>(
        `query ($id: ID!) { usageReport(id: $id) { status } }`,
        { id: csv.body.id },
        platform,
      );
      expect(again.data!.usageReport.status).toBe('REJECTED');
    });

    it('should take 4,000 lines through GraphQL and refuse more, pointing to the CSV route', async () => {
      const lines = Array.from({ length: 4000 }, good);
      const body = JSON.stringify({ query: SUBMIT, variables: { input: { lines } } });
      expect(body.length).toBeLessThan(1_048_576 * 0.75);
      const taken = await submit(lines);
      expect(taken.errors).toBeUndefined();
      expect(taken.data!.submitUsageReport.linesAccepted).toBe(4000);
      const refused = await submit([...lines, good()]);
      expect(refused.errors?.[0]).toMatchObject({
        message:
          'lines: a report sent through submitUsageReport has at most 4,000 lines; send larger reports as CSV to POST /v1/usage-reports',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });

    it('should answer a GraphQL request over the body limit with BAD_USER_INPUT, not a bare 413', async () => {
      const lines = Array.from({ length: 12_000 }, good);
      const response = await sut.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: {
          authorization: `Bearer ${await sut.tokenFor(platform)}`,
          'content-type': 'application/json',
        },
        payload: JSON.stringify({
          query: SUBMIT,
          variables: {
            input: {
              idempotencyKey: randomUUID(),
              periodStart: '2026-11-01',
              periodEnd: '2026-12-01',
              lines,
            },
          },
        }),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        errors: [
          {
            message:
              'the request is larger than 1 MiB, the most a GraphQL request may be; send larger reports as CSV to POST /v1/usage-reports',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
    });

    it('should refuse a key reused for other content with CONFLICT on both paths, storing nothing', async () => {
      const reports = async () =>
        (
          await sut.app
            .get(DataSource)
            .query<{ n: number }[]>(
              `SELECT count(*)::int AS n FROM royalty_distribution.usage_reports`,
            )
        )[0]!.n;
      const key = randomUUID();
      const first = await postCsv([asCsv(good())], { key });
      expect(first.status).toBe(201);
      const before = await reports();
      const other = await postCsv([asCsv(good()), asCsv({ ...good(), quantity: 9 })], { key });
      expect(other.status).toBe(409);
      expect(other.body.message).toBe(
        `the idempotency key ${key} was already used for a different report; send new content with a new key`,
      );
      const same = await postCsv([asCsv(good())], { key });
      expect(same).toMatchObject({ status: 201, body: { id: first.body.id } });

      const graphqlKey = randomUUID();
      const taken = await submit([good()], graphqlKey);
      expect(taken.errors).toBeUndefined();
      const reused = await submit([{ ...good(), quantity: 9 }], graphqlKey);
      expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
      expect((await submit([good()], graphqlKey)).data!.submitUsageReport.id).toBe(
        taken.data!.submitUsageReport.id,
      );
      expect(await reports()).toBe(before + 1);
    });
  });

  describe('a file as spreadsheets save it', () => {
    const good = () => `${license},,,,STREAM,JP,1,2026-11-05`;
    const bad = () => `${license},,,,DOWNLOAD,JP,1,2026-11-05`;
    const stored = (accepted: number, errors: number[]) => ({
      status: 201,
      body: expect.objectContaining({
        linesAccepted: accepted,
        errors: errors.map((line) => ({ line, reason: expect.stringContaining('DOWNLOAD') })),
      }),
    });
    const refused = (message: unknown) => ({
      status: 400,
      body: expect.objectContaining({ message }),
    });

    // Each attempt has its own time limit: a file that hangs the ingest fails its test.
    it.each<[string, () => string | Buffer, unknown]>([
      ['a byte order mark', () => `\uFEFF${HEADER}\n${good()}\n`, stored(1, [])],
      ['CRLF line ends', () => `${HEADER}\r\n${good()}\r\n${bad()}\r\n`, stored(1, [3])],
      [
        'semicolons and a quoted field',
        () => `${HEADER.replaceAll(',', ';')}\n${license};;;"A; song";STREAM;JP;1;2026-11-05\n`,
        refused('line 1: the file is separated by semicolons; save it as CSV with commas'),
      ],
      [
        'tabs',
        () => `\uFEFF${HEADER.replaceAll(',', '\t')}\n${good().replaceAll(',', '\t')}\n`,
        refused('line 1: the file is separated by tabs; save it as CSV with commas'),
      ],
      [
        'a quoted multi-line cell followed by a bad line',
        () => `${HEADER}\n${license},,,,STREAM,"J\nP",1,2026-11-05\n${bad()}\n`,
        {
          status: 201,
          body: expect.objectContaining({
            errors: expect.arrayContaining([
              { line: 4, reason: expect.stringContaining('DOWNLOAD') },
            ]),
          }),
        },
      ],
      [
        'a quoted multi-line cell followed by a line with too many fields',
        () =>
          `${HEADER}\r\n${license},,,"Multi\r\nLine",STREAM,JP,1,2026-11-05\r\n${good()},extra\r\n`,
        refused(
          'line 4: the line has 9 fields where the header has 8; a comma inside a value needs the value in quotes',
        ),
      ],
      [
        'an unterminated quote at the end',
        () => `${HEADER}\n${good()}\n${license},,,"never closed,STREAM,JP,1,2026-11-05\n`,
        refused(expect.stringMatching(/^line 3: a quoted field is never closed/)),
      ],
      [
        'bytes that are not UTF-8',
        () => Buffer.concat([Buffer.from(`${HEADER}\n${good()}\n`), Buffer.from([0x82, 0xa0])]),
        refused('line 3: the file must be UTF-8 text without NUL bytes'),
      ],
      ['an empty file', () => '', refused(expect.stringContaining('no lines'))],
      ['a header only', () => `${HEADER}\n`, refused(expect.stringContaining('no lines'))],
    ])(
      'should read a file with %s, or refuse it with the line at fault',
      async (_shape, payload, expected) => {
        expect(await postText(payload())).toEqual(expected);
      },
      20_000,
    );
  });
});
