import {
  Equals,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  MinLength,
} from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { IsCalendarDate, IsTerritory } from '../../validation.js';
import { Decision, UseType, WorkCategory } from '../../values/enums.js';
import { MoneyDto } from '../../values/money.js';
import { Nested } from '../shared/nested.js';

export class LicenseGrantedV1 {
  @IsUUID()
  licenseId: string;

  @IsUUID()
  platformId: string;

  @IsUUID()
  useRequestId: string;

  /** Null when the work was not identified (GRANTED_ECL_UNIDENTIFIED). */
  @IsOptional()
  @IsUUID()
  workId: string | null;

  /** Reference distribution uses to match an unidentified work later. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  unidentifiedReference: string | null;

  @IsEnum(Decision)
  decision: Decision;

  @IsUUID()
  schemeId: string;

  @IsUUID()
  societyId: string;

  @IsEnum(WorkCategory)
  category: WorkCategory;

  @IsEnum(UseType)
  useType: UseType;

  @IsTerritory()
  territory: string;

  /** [validFrom, validTo) */
  @IsCalendarDate()
  validFrom: string;

  @IsCalendarDate()
  validTo: string;

  @IsInt()
  @Min(0)
  expectedQuantity: number;

  @Nested(MoneyDto)
  fee: MoneyDto;

  /**
   * True when the item was first answered PENDING (the opt-out view was behind) and granted on
   * a later decision; absent for a license granted when asked.
   */
  @IsOptional()
  @Equals(true)
  previouslyPending?: true;
}

export const LicenseGranted = defineEvent({
  type: 'authorization.license.granted',
  version: 1,
  topic: Topics.authorizationLicense,
  payload: LicenseGrantedV1,
});
