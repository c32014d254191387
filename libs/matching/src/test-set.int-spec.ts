import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import {
  corpusOf,
  readTitlePairs,
  scorePairs,
  type TitlePair,
} from '../../../bench/matching/evaluate.js';
import { decideMatch, type MatchDecision } from './score.js';
import { MatchKeyTable, matchTitles, type InTransaction } from './sql.js';

/** What a decision says, to compare two: the outcome, the match and the candidates with scores. */
const said = (decision: MatchDecision) => ({
  outcome: decision.outcome,
  match: decision.outcome === 'MATCHED' ? decision.match.workId : null,
  candidates: decision.candidates.map((work) => `${work.workId} ${work.method} ${work.score}`),
});

/**
 * The SQL twin of the in-memory evaluation: the whole corpus of the title-pair test set in a
 * match key table on real PostgreSQL, every query through `matchTitles`. The database's
 * retrieval must miss no work the scores would hold, so every decision is the one made
 * against every work in memory.
 */
describe('matchTitles on the title-pair test set', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let pairs: TitlePair[];
  const table = new MatchKeyTable('public', 'match_keys');
  const inTransaction: InTransaction = async (work) => {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
    await table.create(client, 'match_keys');
    pairs = await readTitlePairs();
    await table.replace(
      client,
      corpusOf(pairs).map((work) => ({
        workId: work.workId,
        category: 'MUSIC',
        titles: [work.title],
        creators: work.creator ? [work.creator] : [],
      })),
    );
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('should decide every query of the set as the evaluation against every work does', async () => {
    const inMemory = await scorePairs(pairs);
    const matched = await matchTitles(
      table,
      inTransaction,
      pairs.map((pair) => ({ title: pair.query, creator: pair.queryCreator || null })),
    );
    const differences = pairs.flatMap((pair, index) => {
      const expected = said(decideMatch(inMemory[index]!.scored));
      const actual = said(matched[index]!.decision);
      return JSON.stringify(actual) === JSON.stringify(expected)
        ? []
        : [{ line: pair.line, query: pair.query, expected, actual }];
    });
    expect(differences).toEqual([]);
    expect(
      matched.filter((result) => result.decision.outcome === 'MATCHED').length,
    ).toBeGreaterThan(pairs.length / 2);
  });
});
