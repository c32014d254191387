import { Injectable } from '@nestjs/common';
import { RequestLoader } from '#libs/runtime';
import { WorkQueries } from './work.queries.js';
import type { WorkView } from './work-view.js';

/** Works a request needs (federation references from other subgraphs), fetched in one query. */
@Injectable()
export class WorkLoader extends RequestLoader<string, WorkView> {
  constructor(works: WorkQueries) {
    super((ids) => works.byIds(ids));
  }
}
