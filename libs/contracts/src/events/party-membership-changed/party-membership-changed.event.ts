import { IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { IsCalendarDate } from '../../validation.js';

/** A membership period of a party in a society, [memberFrom, memberTo). */
export class PartyMembershipChangedV1 {
  @IsUUID()
  partyId: string;

  @IsUUID()
  societyId: string;

  @IsCalendarDate()
  memberFrom: string;

  /** End of the membership (exclusive); null while it lasts. */
  @IsOptional()
  @IsCalendarDate()
  memberTo: string | null;
}

export const PartyMembershipChanged = defineEvent({
  type: 'registry.party.membership-changed',
  version: 1,
  topic: Topics.registryParty,
  payload: PartyMembershipChangedV1,
});
