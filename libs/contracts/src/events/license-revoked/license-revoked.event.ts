import { IsISO8601, IsOptional, IsString, IsUUID, MinLength } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';

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
}

export const LicenseRevoked = defineEvent({
  type: 'authorization.license.revoked',
  version: 1,
  topic: Topics.authorizationLicense,
  payload: LicenseRevokedV1,
});
