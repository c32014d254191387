import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '#libs/contracts';
import { startTestService, type TestService } from '#libs/testing';
import { rightsRegistryApp } from '../../rights-registry.app.js';

const HEADER = 'title,category,creators,alternative_titles,iswc,isrc,isan,isbn,proprietary,shares';

/** `POST /v1/works/import` on a real service and PostgreSQL. */
describe('POST /v1/works/import', () => {
  let sut: TestService;
  let holder: string;
  let other: string;
  let holderToken: string;

  const upload = (lines: string[], token: string | undefined, query = '') =>
    sut.app.inject({
      method: 'POST',
      url: `/v1/works/import${query}`,
      headers: {
        'content-type': 'text/csv',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      payload: [HEADER, ...lines].join('\n'),
    });
  const titles = async (query: string) =>
    (
      await sut.graphql<{ searchWorks: { title: string }[] }>(
        'query ($q: String!) { searchWorks(query: $q) { title } }',
        { q: query },
      )
    ).data!.searchWorks.map((work) => work.title);
  const party = async (name: string, kind = 'RIGHT_HOLDER') => {
    const result = await sut.graphql<{ registerParty: { id: string } }>(
      'mutation ($name: String!, $kind: PartyKind!) { registerParty(input: { kind: $kind, name: $name }) { id } }',
      { name, kind },
      { role: Role.OPERATOR, partyId: randomUUID() },
    );
    return result.data!.registerParty.id;
  };

  beforeAll(async () => {
    sut = await startTestService(rightsRegistryApp);
    holder = await party('Upload Holder');
    other = await party('Someone Else');
    holderToken = await sut.tokenFor({ role: Role.RIGHT_HOLDER, partyId: holder });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should import every work of a good file in which the holder holds shares', async () => {
    const response = await upload(
      [
        `アップロードの歌,MUSIC,作者一,,,,,,,${holder}:PERFORMANCE:10000`,
        `Uploaded Film,FILM,,,,,,,,${holder}:MAKING_AVAILABLE:5000|${other}:MAKING_AVAILABLE:5000`,
      ],
      holderToken,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 2, errors: [] });
    expect(await titles('アップロードの歌')).toEqual(['アップロードの歌']);
  });

  it('should refuse a retried upload as likely duplicates, registering nothing twice', async () => {
    const lines = [`Twice Sent,MUSIC,,,,,,,,${holder}:PERFORMANCE:10000`];
    expect((await upload(lines, holderToken)).json()).toEqual({ imported: 1, errors: [] });
    const again = await upload(lines, holderToken);
    expect(again.json()).toEqual({
      imported: 0,
      errors: [{ line: 2, field: 'title', reason: expect.stringContaining('Twice Sent') }],
    });
    expect(await titles('Twice Sent')).toEqual(['Twice Sent']);
  });

  it('should answer each bad line with its number and field, and import nothing', async () => {
    const response = await upload(
      [
        `Good Line,MUSIC,,,,,,,,${holder}:PERFORMANCE:10000`,
        `Bad Line,MUSIC,,,T-034.524.680-9,,,,,${holder}:PERFORMANCE:10000`,
      ],
      holderToken,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      imported: 0,
      errors: [{ line: 3, field: 'iswc', reason: 'T-034.524.680-9: ISWC check digit should be 1' }],
    });
    expect(await titles('Good Line')).toEqual([]);
  });

  it("should refuse rows whose shares are someone else's only", async () => {
    const response = await upload(
      [`Not Mine,MUSIC,,,,,,,,${other}:PERFORMANCE:10000`],
      holderToken,
    );
    expect(response.json()).toEqual({
      imported: 0,
      errors: [
        {
          line: 2,
          field: 'shares',
          reason: 'a right holder registers works in which it holds a share',
        },
      ],
    });
    expect(await titles('Not Mine')).toEqual([]);
  });

  it('should answer 401 to an anonymous upload and 403 to a platform', async () => {
    const anonymous = await upload([`Anon,MUSIC,,,,,,,,`], undefined);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ message: 'a bearer token is required' });
    const platform = await sut.tokenFor({
      role: Role.PLATFORM,
      partyId: await party('Some Platform', 'PLATFORM'),
    });
    const refused = await upload([`Anon,MUSIC,,,,,,,,`], platform);
    expect(refused.statusCode).toBe(403);
    expect(await titles('Anon')).toEqual([]);
  });

  it('should answer 415 to a body that is not CSV', async () => {
    const response = await sut.app.inject({
      method: 'POST',
      url: '/v1/works/import',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${holderToken}` },
      payload: '{}',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ message: 'send the works as text/csv' });
  });
});
