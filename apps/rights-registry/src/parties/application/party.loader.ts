import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { PartyQueries } from './party.queries.js';
import type { PartyView } from './party-view.js';

/**
 * Parties loaded in batches, one loader per request: all parties a GraphQL response needs
 * (share holders, federation references) come from one query.
 */
@Injectable()
export class PartyLoader {
  private readonly loaders = new WeakMap<object, DataLoader<string, PartyView | null>>();

  constructor(private readonly parties: PartyQueries) {}

  for(request: object): DataLoader<string, PartyView | null> {
    let loader = this.loaders.get(request);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = await this.parties.byIds(ids);
        return ids.map((id) => found.get(id) ?? null);
      });
      this.loaders.set(request, loader);
    }
    return loader;
  }
}
