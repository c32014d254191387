import { Injectable } from '@nestjs/common';
import { RequestLoader } from '#libs/runtime';
import { PartyQueries } from './party.queries.js';
import type { PartyView } from './party-view.js';

/** Parties a request needs (share holders, federation references), fetched in one query. */
@Injectable()
export class PartyLoader extends RequestLoader<string, PartyView> {
  constructor(parties: PartyQueries) {
    super((ids) => parties.byIds(ids));
  }
}
