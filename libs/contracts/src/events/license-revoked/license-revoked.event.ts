import { IsEnum, IsISO8601, IsOptional, IsString, IsUUID, MinLength } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { IsCalendarDate, IsInstant, IsTerritory } from '../../validation.js';
import { UseType } from '../../values/enums.js';

/**
 * A license revoked. The fields after `optOutId` are optional: events written before they were
 * carried have none of them, and are still version 1.
 */
export class LicenseRevokedV1 {
  @IsUUID()
  licenseId: string;

  @IsUUID()
  platformId: string;

  /** Instant from which the license no longer covers use. */
  @IsISO8601({ strict: true })
  revokedFrom: string;

  @IsString()
  @MinLength(1)
  reason: string;

  /** The opt-out that caused the revocation, if any. */
  @IsOptional()
  @IsUUID()
  optOutId: string | null;

  /** When the revocation was recorded (distinct from revokedFrom, when coverage ends). */
  @IsOptional()
  @IsInstant()
  revokedAt?: string;

  /** The licensed work; null for an unidentified one. */
  @IsOptional()
  @IsUUID()
  workId?: string | null;

  @IsOptional()
  @IsEnum(UseType)
  useType?: UseType | null;

  @IsOptional()
  @IsTerritory()
  territory?: string;

  /** The license's period [validFrom, validTo), calendar days. */
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string;

  @IsOptional()
  @IsCalendarDate()
  validTo?: string;

  /** The holder whose opt-out caused the revocation: the contact for a direct license. */
  @IsOptional()
  @IsUUID()
  holderId?: string | null;

  /** The effective time of the opt-out that caused the revocation. */
  @IsOptional()
  @IsInstant()
  optOutEffectiveFrom?: string | null;
}

export const LicenseRevoked = defineEvent({
  type: 'authorization.license.revoked',
  version: 1,
  topic: Topics.authorizationLicense,
  payload: LicenseRevokedV1,
});
