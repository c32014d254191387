import { describe, expect, it } from '@jest/globals';
import { PartyKind } from '#libs/contracts';
import { PartyLoader } from './party.loader.js';
import type { PartyQueries } from './party.queries.js';
import type { PartyView } from './party-view.js';

function setup() {
  const calls: string[][] = [];
  const queries = {
    byIds: (ids: readonly string[]) => {
      calls.push([...ids]);
      return Promise.resolve(
        new Map<string, PartyView>(
          ids
            .filter((id) => id !== 'missing')
            .map((id) => [
              id,
              {
                id,
                kind: PartyKind.RIGHT_HOLDER,
                name: id.toUpperCase(),
                ipiNameNumber: null,
                country: null,
                isMember: false,
                societyIds: [],
              },
            ]),
        ),
      );
    },
  } as unknown as PartyQueries;
  return { sut: new PartyLoader(queries), calls };
}

describe(PartyLoader.name, () => {
  it('should load the parties one request asks for in one query, in order, null for unknown ids', async () => {
    const { sut, calls } = setup();
    const request = {};
    const parties = await Promise.all(
      ['a', 'b', 'missing', 'a'].map((id) => sut.for(request).load(id)),
    );
    expect(parties.map((party) => party?.name ?? null)).toEqual(['A', 'B', null, 'A']);
    expect(calls).toEqual([['a', 'b', 'missing']]);
  });

  it('should not share what one request loaded with another', async () => {
    const { sut, calls } = setup();
    await sut.for({}).load('a');
    await sut.for({}).load('a');
    expect(calls).toEqual([['a'], ['a']]);
  });
});
