import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { PartyQueries } from '../../parties/application/party.queries.js';
import { disputeActions } from '../domain/dispute-permissions.js';
import { DisputeStatus } from '../infrastructure/work.entities.js';
import { disputeSides } from './dispute-sides.js';
import { WorkQueries } from './work.queries.js';
import type { DisputeView } from './work-view.js';

export interface DisputeActions {
  answer: boolean;
  withdraw: boolean;
}

/**
 * What a caller may do with a dispute it sees: the rules that guard answerDispute and
 * withdrawDispute, applied to the dispute's sides now. Worked out once per dispute view and
 * caller (a view lives for one request).
 */
@Injectable()
export class DisputeActionsQuery {
  private readonly known = new WeakMap<DisputeView, Map<string, Promise<DisputeActions>>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly parties: PartyQueries,
    private readonly works: WorkQueries,
  ) {}

  of(caller: Caller | null, dispute: DisputeView): Promise<DisputeActions> {
    if (!caller) return Promise.resolve({ answer: false, withdraw: false });
    const byCaller = this.known.get(dispute) ?? new Map<string, Promise<DisputeActions>>();
    this.known.set(dispute, byCaller);
    const key = `${caller.role}:${caller.partyId}`;
    let actions = byCaller.get(key);
    if (!actions) {
      actions = disputeSides(this.dataSource.manager, dispute, this.works, this.parties).then(
        (sides) => disputeActions(caller, sides, dispute.status === DisputeStatus.OPEN),
      );
      byCaller.set(key, actions);
    }
    return actions;
  }
}
