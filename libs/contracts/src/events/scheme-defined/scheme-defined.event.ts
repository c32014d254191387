import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { IsTerritory } from '../../validation.js';
import { RightType, UseType, WorkCategory } from '../../values/enums.js';
import { NestedArray } from '../shared/nested.js';

export class UseTypeWeightDto {
  @IsEnum(UseType)
  useType: UseType;

  /** Points per unit of use in distribution (integer). */
  @IsInt()
  @Min(0)
  weight: number;
}

/**
 * An ECL scheme as it now stands (created or changed): its terms, tariff and distribution
 * weights. Consumers keep the latest `revision`.
 */
export class SchemeDefinedV1 {
  @IsUUID()
  schemeId: string;

  @IsInt()
  @Min(1)
  revision: number;

  @IsUUID()
  societyId: string;

  @IsEnum(WorkCategory)
  category: WorkCategory;

  @IsArray()
  @ArrayNotEmpty()
  @IsEnum(UseType, { each: true })
  useTypes: UseType[];

  @IsArray()
  @ArrayNotEmpty()
  @IsTerritory({ each: true })
  territories: string[];

  @IsEnum(RightType)
  rightType: RightType;

  /** Tariff per unit of expected use, integer minor units. */
  @Matches(/^(0|[1-9]\d*)$/)
  unitRateMinor: string;

  @Matches(/^[A-Z]{3}$/)
  currency: string;

  @IsBoolean()
  coversUnidentified: boolean;

  @IsArray()
  @NestedArray(UseTypeWeightDto)
  weights: UseTypeWeightDto[];

  @IsBoolean()
  active: boolean;
}

export const SchemeDefined = defineEvent({
  type: 'authorization.scheme.defined',
  version: 1,
  topic: Topics.authorizationScheme,
  payload: SchemeDefinedV1,
});
