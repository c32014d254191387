import { Injectable } from '@nestjs/common';
import { RegistryViewReader } from '#libs/registry-view';
import { RequestLoader } from '#libs/runtime';
import type { OptOutEntity } from '../infrastructure/opt-out.entity.js';
import { OptOutQueries } from './opt-out.queries.js';

/** Current opt-outs per work, for every Work a response shows, fetched at once. */
@Injectable()
export class WorkOptOutsLoader extends RequestLoader<string, OptOutEntity[]> {
  constructor(queries: OptOutQueries) {
    super((workIds) => queries.current(workIds));
  }
}

/**
 * The societies a holder belongs to today, once per holder and request: a list of one holder's
 * opt-outs checks who may see each one without asking again for every row.
 */
@Injectable()
export class HolderSocietiesLoader extends RequestLoader<string, string[]> {
  constructor(registry: RegistryViewReader) {
    super(async (holderIds) => {
      const now = new Date();
      return new Map(
        await Promise.all(
          holderIds.map(async (id) => [id, await registry.societiesOf(id, now)] as const),
        ),
      );
    });
  }
}
