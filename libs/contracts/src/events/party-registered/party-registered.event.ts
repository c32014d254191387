import { IsEnum, IsOptional, IsString, IsUUID, Matches, MinLength } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { PartyKind } from '../../values/enums.js';

export class PartyRegisteredV1 {
  @IsUUID()
  partyId: string;

  @IsEnum(PartyKind)
  kind: PartyKind;

  @IsString()
  @MinLength(1)
  name: string;

  /** IPI name number (11 digits), when known. */
  @IsOptional()
  @Matches(/^\d{11}$/)
  ipiNameNumber: string | null;

  /** ISO 3166-1 alpha-2. */
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  country: string | null;

  /** Society the party is a member of at registration, if any. */
  @IsOptional()
  @IsUUID()
  memberOfSocietyId: string | null;
}

export const PartyRegistered = defineEvent({
  type: 'registry.party.registered',
  version: 1,
  topic: Topics.registryParty,
  payload: PartyRegisteredV1,
});
