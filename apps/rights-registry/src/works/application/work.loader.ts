import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { WorkQueries } from './work.queries.js';
import type { WorkView } from './work-view.js';

/** Works loaded in batches, one loader per request (federation references from other subgraphs). */
@Injectable()
export class WorkLoader {
  private readonly loaders = new WeakMap<object, DataLoader<string, WorkView | null>>();

  constructor(private readonly works: WorkQueries) {}

  for(request: object): DataLoader<string, WorkView | null> {
    let loader = this.loaders.get(request);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = await this.works.byIds(ids);
        return ids.map((id) => found.get(id) ?? null);
      });
      this.loaders.set(request, loader);
    }
    return loader;
  }
}
