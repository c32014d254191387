import { Injectable } from '@nestjs/common';
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
