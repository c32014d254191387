import { IsOptional, IsString, IsUUID, Matches, MinLength } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';

export class PartyUpdatedV1 {
  @IsUUID()
  partyId: string;

  @IsString()
  @MinLength(1)
  name: string;

  @IsOptional()
  @Matches(/^\d{11}$/)
  ipiNameNumber: string | null;

  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  country: string | null;
}

export const PartyUpdated = defineEvent({
  type: 'registry.party.updated',
  version: 1,
  topic: Topics.registryParty,
  payload: PartyUpdatedV1,
});
