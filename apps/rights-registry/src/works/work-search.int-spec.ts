import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { IdentifierScheme, PartyKind, RightType, Role, WorkCategory } from '#libs/contracts';
import { MatchMethod } from '#libs/matching';
import { startTestService, type TestService } from '#libs/testing';
import { rightsRegistryApp } from '../rights-registry.app.js';
import { TEST_OPERATOR, registeredParty } from '../../../../test/support/registry-parties.js';
import { ImportWorksHandler } from './application/import/import-works.handler.js';
import { csvRows } from './infrastructure/csv-rows.js';
import { RenormalizeTitles1796110000000 } from '../migrations/1796110000000-RenormalizeTitles.js';
import { rebuildWorkMatchKeys, workMatchKeyTable } from './infrastructure/work-match-keys.js';

interface Match {
  work: { id: string; title: string };
  method: MatchMethod;
  score: number;
}

describe('work search', () => {
  let sut: TestService;
  let holder: Caller;
  let folder: string;

  const register = async (
    title: string,
    extra: Record<string, unknown> = {},
    category = WorkCategory.MUSIC,
  ): Promise<string> => {
    const result = await sut.graphql<{ registerWork: { id: string } }>(
      'mutation ($input: RegisterWorkInput!) { registerWork(input: $input) { id } }',
      {
        input: {
          title,
          category,
          shares: [
            { holderId: holder.partyId, rightType: RightType.PERFORMANCE, shareBps: 10_000 },
          ],
          ...extra,
        },
      },
      holder,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.registerWork.id;
  };

  const matches = async (query: string, category?: WorkCategory): Promise<Match[]> => {
    const result = await sut.graphql<{ matchWorks: Match[] }>(
      `query ($q: String!, $category: WorkCategory) {
         matchWorks(query: $q, category: $category) { work { id title } method score }
       }`,
      // An unset category travels as an explicit null, as browsers' clients send it.
      { q: query, category: category ?? null },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.matchWorks;
  };

  const searched = async (query: string): Promise<string[]> => {
    const result = await sut.graphql<{ searchWorks: { title: string }[] }>(
      'query ($q: String!) { searchWorks(query: $q) { title } }',
      { q: query },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.searchWorks.map((work) => work.title);
  };

  /** Payloads of a work's events of one type, once the relay has published them. */
  const published = async (type: string, workId: string): Promise<Record<string, unknown>[]> => {
    for (let attempt = 0; ; attempt++) {
      const rows = await sut.app.get(DataSource).query<{ payload: Record<string, unknown> }[]>(
        `SELECT value->'payload' AS payload FROM eventlog.events
          WHERE value->>'type' = $1 AND value->'payload'->>'workId' = $2`,
        [type, workId],
      );
      if (rows.length > 0 || attempt >= 150) return rows.map((row) => row.payload);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    sut = await startTestService(rightsRegistryApp);
    folder = await mkdtemp(path.join(tmpdir(), 'work-search-'));
    holder = {
      role: Role.RIGHT_HOLDER,
      partyId: await registeredParty(sut, { kind: PartyKind.RIGHT_HOLDER, name: '田中 ゆい' }),
    };
    for (const title of ['夜明けのうた', '桜の雨', '放課後の魔法', 'となりの宇宙人'])
      await register(title);
  });

  afterAll(async () => {
    await sut?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('should find a title written in kana by its kanji spelling, as a reading', async () => {
    expect(await searched('夜明けの歌')).toContain('夜明けのうた');

    const [best] = await matches('夜明けの歌');

    expect(best).toMatchObject({ work: { title: '夜明けのうた' }, method: MatchMethod.READING });
  });

  it.each([
    ['桜', '桜の雨'],
    ['魔法', '放課後の魔法'],
    ['宇宙人', 'となりの宇宙人'],
  ])('should find a title by a part of it (%s)', async (query, title) => {
    expect(await searched(query)).toContain(title);

    const found = (await matches(query)).find((match) => match.work.title === title);

    expect(found).toMatchObject({ method: MatchMethod.PARTIAL });
  });

  it.each(['櫻の雨', 'Sakura no Ame', 'サクラノアメ', 'さくらのあめ', '桜 の 雨'])(
    'should find 桜の雨 written as %s first',
    async (query) => {
      expect((await searched(query))[0]).toBe('桜の雨');
    },
  );

  it('should list a work found by identifier first, with method IDENTIFIER and score 1', async () => {
    const workId = await register('Identifier Song', {
      identifiers: [{ scheme: IdentifierScheme.ISWC, value: 'T-034.524.680-1' }],
    });

    expect(await matches('T0345246801')).toEqual([
      { work: { id: workId, title: 'Identifier Song' }, method: MatchMethod.IDENTIFIER, score: 1 },
    ]);
  });

  it('should find a work by each of its identifiers in any usual written form', async () => {
    const workId = await register(
      'Identifier Forms',
      {
        identifiers: [
          { scheme: IdentifierScheme.ISWC, value: 'T-345.246.800-3' },
          { scheme: IdentifierScheme.ISRC, value: 'JP-Z99-26-04242' },
          { scheme: IdentifierScheme.ISBN, value: '978-4-06-512345-4' },
        ],
      },
      WorkCategory.BOOK,
    );
    const forms = [
      'T-345.246.800-3',
      'T3452468003',
      't-345.246.800-3',
      'ISWC: T 345 246 800 3',
      'JP-Z99-26-04242',
      'JPZ992604242',
      'jp-z99-26-04242',
      'ISRC JP Z99 26 04242',
      '978-4-06-512345-4',
      '9784065123454',
      '978 4 06 512345 4',
      'ISBN-13: 978-4-06-512345-4',
      '4-06-512345-3',
      '4065123453',
      '4 06 512345 3',
      'ＩＳＢＮ ９７８－４－０６－５１２３４５－４',
    ];
    for (const form of forms) {
      const [first] = await matches(form);
      expect({ form, first }).toEqual({
        form,
        first: {
          work: { id: workId, title: 'Identifier Forms' },
          method: MatchMethod.IDENTIFIER,
          score: 1,
        },
      });
    }
  });

  it('should find a work by an alternative title, and only in its category when one is given', async () => {
    const workId = await register(
      '千と千尋の神隠し',
      { alternativeTitles: [{ title: 'Spirited Away', language: 'en' }] },
      WorkCategory.FILM,
    );

    const [best] = await matches('spirited away', WorkCategory.FILM);

    expect(best).toMatchObject({ work: { id: workId }, method: MatchMethod.EXACT_TITLE, score: 1 });
    expect((await matches('spirited away', WorkCategory.BOOK)).map((m) => m.work.id)).not.toContain(
      workId,
    );
  });

  it('should find a work of a CSV import by the reading of its title', async () => {
    const file = path.join(folder, 'works.csv');
    await writeFile(
      file,
      [
        'title,category,creators,alternative_titles,iswc,isrc,isan,isbn,proprietary,shares',
        `春の海,MUSIC,宮城道雄,,,,,,,${holder.partyId}:PERFORMANCE:10000`,
        `Imported Second,MUSIC,,Another Name,,,,,,${holder.partyId}:PERFORMANCE:10000`,
      ].join('\n'),
    );
    const imported = await sut.app
      .get(ImportWorksHandler)
      .execute(() => csvRows(file), TEST_OPERATOR);
    expect(imported).toEqual({ imported: 2, errors: [] });

    const [best] = await matches('はるのうみ');
    const [alternative] = await matches('Another Name');

    expect(best).toMatchObject({ work: { title: '春の海' }, method: MatchMethod.READING });
    expect(alternative).toMatchObject({
      work: { title: 'Imported Second' },
      method: MatchMethod.EXACT_TITLE,
    });
  });

  it('should write no keys for a batch that fails', async () => {
    const result = await sut.graphql(
      'mutation ($input: RegisterWorksInput!) { registerWorks(input: $input) { id } }',
      {
        input: {
          works: [
            {
              title: 'Rolled Back Melody',
              category: WorkCategory.MUSIC,
              shares: [{ holderId: holder.partyId, rightType: 'PERFORMANCE', shareBps: 10_000 }],
            },
            {
              title: 'Nobody Holds This',
              category: WorkCategory.MUSIC,
              shares: [{ holderId: randomUUID(), rightType: 'PERFORMANCE', shareBps: 10_000 }],
            },
          ],
        },
      },
      holder,
    );
    expect(result.errors).toBeDefined();

    expect(await matches('Rolled Back Melody')).toEqual([]);
  });

  it('should move the keys with a title update: the old title is no longer an exact title', async () => {
    const workId = await register('古い題名の曲', { creatorNames: ['山田 花子'] });
    const update = (input: Record<string, unknown>, caller: Caller) =>
      sut.graphql<{ updateWork: { title: string; alternativeTitles: { title: string }[] } }>(
        `mutation ($input: UpdateWorkInput!) {
           updateWork(input: $input) { title alternativeTitles { title } }
         }`,
        { input: { workId, ...input } },
        caller,
      );

    const updated = await update(
      { title: '新しい題名の曲', alternativeTitles: [{ title: 'Atarashii Melody' }] },
      holder,
    );

    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateWork).toEqual({
      title: '新しい題名の曲',
      alternativeTitles: [{ title: 'Atarashii Melody' }],
    });
    const old = (await matches('古い題名の曲')).find((match) => match.work.id === workId);
    expect(old?.method).not.toBe(MatchMethod.EXACT_TITLE);
    expect((await matches('新しい題名の曲'))[0]).toMatchObject({
      work: { id: workId },
      method: MatchMethod.EXACT_TITLE,
    });
    expect((await matches('atarashii melody'))[0]).toMatchObject({ work: { id: workId } });
    const [event] = await published('registry.work.updated', workId);
    expect(event).toMatchObject({
      title: '新しい題名の曲',
      alternativeTitles: ['Atarashii Melody'],
      creatorNames: ['山田 花子'],
    });
  });

  it('should refuse a title update by a holder without a share, and an empty title', async () => {
    const workId = await register('Guarded Title');
    const stranger: Caller = {
      role: Role.RIGHT_HOLDER,
      partyId: await registeredParty(sut, { kind: PartyKind.RIGHT_HOLDER, name: 'Stranger' }),
    };
    const update = (title: string, caller: Caller) =>
      sut.graphql(
        'mutation ($input: UpdateWorkInput!) { updateWork(input: $input) { id } }',
        { input: { workId, title } },
        caller,
      );

    const refused = await update('Taken Title', stranger);
    const empty = await update('   ', holder);

    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await matches('Guarded Title'))[0]).toMatchObject({
      work: { id: workId, title: 'Guarded Title' },
      method: MatchMethod.EXACT_TITLE,
    });
    const taken = (await matches('Taken Title')).find((match) => match.work.id === workId);
    expect(taken?.method).not.toBe(MatchMethod.EXACT_TITLE);
  });

  it('should carry the alternative titles in the work.registered event', async () => {
    const workId = await register('Event Song', {
      alternativeTitles: [{ title: 'イベントの歌', language: 'ja' }],
    });

    const [event] = await published('registry.work.registered', workId);

    expect(event).toMatchObject({ alternativeTitles: ['イベントの歌'] });
  });

  it('should rebuild the keys of registered works from their titles and creators', async () => {
    const dataSource = sut.app.get(DataSource);
    await dataSource.query('DELETE FROM "rights_registry"."work_match_keys"');
    expect(await searched('桜の雨')).toEqual([]);

    await rebuildWorkMatchKeys(workMatchKeyTable(), dataSource);

    expect((await searched('桜の雨'))[0]).toBe('桜の雨');
    expect((await matches('spirited away'))[0]).toMatchObject({ method: MatchMethod.EXACT_TITLE });
  });

  it("should normalize stored titles again by today's rule", async () => {
    const dataSource = sut.app.get(DataSource);
    const id = await register('澤田の夏');
    // As the rule of before wrote it: the old kanji form kept.
    await dataSource.query(
      `UPDATE "rights_registry"."works" SET "normalized_title" = '澤田ノ夏' WHERE "id" = $1`,
      [id],
    );
    const queryRunner = dataSource.createQueryRunner();
    try {
      await new RenormalizeTitles1796110000000().up(queryRunner);
    } finally {
      await queryRunner.release();
    }
    const [work] = await dataSource.query<{ normalized_title: string }[]>(
      `SELECT "normalized_title" FROM "rights_registry"."works" WHERE "id" = $1`,
      [id],
    );
    expect(work!.normalized_title).toBe('沢田ノ夏');
  });
});
