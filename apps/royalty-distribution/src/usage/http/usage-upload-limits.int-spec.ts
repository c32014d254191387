import { randomUUID } from 'node:crypto';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { PartyKind, Role } from '#libs/contracts';
import { listeningUrl } from '#libs/runtime';
import { startTestService, type TestService } from '#libs/testing';
import { UpstreamEvents } from '../../../../../test/support/upstream-events.js';
import { royaltyDistributionApp } from '../../royalty-distribution.app.js';

const HEADER = 'licenseId,workId,identifier,title,useType,territory,quantity,usageDate';

/** Uploads over real sockets: a client that sends part of a file, then nothing. */
describe('usage upload limits', () => {
  let sut: TestService;
  let url: string;
  let token: string;

  beforeAll(async () => {
    sut = await startTestService(royaltyDistributionApp, {
      UPLOADS_AT_ONCE: '1',
      UPLOAD_IDLE_TIMEOUT_MS: '1000',
      // The header line alone is enough for one window; a few bytes now and then are not.
      UPLOAD_MIN_BYTES: '50',
    });
    await sut.app.listen({ port: 0, host: '127.0.0.1' });
    url = listeningUrl(sut.app);
    const upstream = new UpstreamEvents(sut.app);
    const platform = await upstream.party(PartyKind.PLATFORM);
    await upstream.settled();
    token = await sut.tokenFor({ role: Role.PLATFORM, partyId: platform });
  });

  afterAll(async () => {
    await sut?.close();
  });

  /** Starts an upload and sends its first bytes; the body stays open. */
  const startUpload = (firstBytes: string) => {
    const upload: ClientRequest = request(
      `${url}/v1/usage-reports?periodStart=2026-11-01&periodEnd=2026-12-01`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'text/csv',
          'idempotency-key': randomUUID(),
        },
      },
    );
    const answered = new Promise<{
      status: number;
      headers: IncomingMessage['headers'];
      body: string;
    }>((resolve, reject) => {
      upload.once('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.once('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body }),
        );
      });
      upload.once('error', reject);
    });
    upload.write(firstBytes);
    return { upload, answered };
  };
  const reports = async () =>
    (
      await sut.app
        .get(DataSource)
        .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM royalty_distribution.usage_reports`)
    )[0]!.n;

  it('should abort an upload that sends nothing for the idle timeout: 408, nothing stored', async () => {
    const before = await reports();
    const { upload, answered } = startUpload(`${HEADER}\n`);
    const answer = await answered;
    upload.destroy();
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({
      message: 'no data arrived for 1 s: the upload was aborted and nothing was stored',
    });
    expect(await reports()).toBe(before);
  });

  it('should abort an upload that trickles in fewer bytes than needed: 408, nothing stored', async () => {
    const before = await reports();
    const { upload, answered } = startUpload(`${HEADER}\n`);
    // One character at a time of a line that never ends.
    const trickle = setInterval(() => upload.write('x'), 200);
    const answer = await answered.finally(() => clearInterval(trickle));
    upload.destroy();
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({
      message: expect.stringMatching(
        /^only \d+ bytes arrived in 1 s \(at least 50 are needed\): the upload was aborted and nothing was stored$/,
      ),
    });
    expect(await reports()).toBe(before);
  });

  it('should take at most UPLOADS_AT_ONCE uploads at once over all clients, then 503 with Retry-After', async () => {
    const first = startUpload(`${HEADER}\n`);
    // Give the first upload time to be taken in.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = startUpload(`${HEADER}\n`);
    second.upload.end();
    const refused = await second.answered;
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(JSON.parse(refused.body)).toMatchObject({
      message: 'the service is taking in 1 usage reports already; retry in 5 s',
    });
    // The slot is free again once the first upload has ended.
    expect((await first.answered).status).toBe(408);
    first.upload.destroy();
    const third = startUpload(`${HEADER}\n`);
    third.upload.end();
    expect((await third.answered).status).toBe(400);
  });
});
