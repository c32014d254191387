import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface LicenseFacts {
  platformId: string;
  workId: string | null;
  useType: string;
  territory: string;
  validFrom: string;
  validTo: string;
}

export interface OptOutFacts {
  holderId: string;
  effectiveFrom: string;
}

/**
 * What the notices remember of earlier events (licenses, opt-outs, batches); the parties and
 * works they name are read from the registry view (RegistryViewReader). Every write is an
 * upsert: a repeat changes nothing.
 */
@Injectable()
export class SourceFacts {
  async recordLicense(
    manager: EntityManager,
    licenseId: string,
    facts: LicenseFacts,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "notifications"."notice_licenses"
         ("license_id", "platform_id", "work_id", "use_type", "territory", "valid_from", "valid_to")
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ("license_id") DO NOTHING`,
      [
        licenseId,
        facts.platformId,
        facts.workId,
        facts.useType,
        facts.territory,
        facts.validFrom,
        facts.validTo,
      ],
    );
  }

  async license(manager: EntityManager, licenseId: string): Promise<LicenseFacts | undefined> {
    const [row] = await manager.query<LicenseFacts[]>(
      `SELECT "platform_id" AS "platformId", "work_id" AS "workId", "use_type" AS "useType",
              "territory", "valid_from"::text AS "validFrom", "valid_to"::text AS "validTo"
       FROM "notifications"."notice_licenses" WHERE "license_id" = $1`,
      [licenseId],
    );
    return row;
  }

  async recordOptOut(manager: EntityManager, optOutId: string, facts: OptOutFacts): Promise<void> {
    await manager.query(
      `INSERT INTO "notifications"."notice_opt_outs" ("opt_out_id", "holder_id", "effective_from")
       VALUES ($1, $2, $3) ON CONFLICT ("opt_out_id") DO NOTHING`,
      [optOutId, facts.holderId, facts.effectiveFrom],
    );
  }

  async optOut(manager: EntityManager, optOutId: string): Promise<OptOutFacts | undefined> {
    const [row] = await manager.query<{ holderId: string; effectiveFrom: Date }[]>(
      `SELECT "holder_id" AS "holderId", "effective_from" AS "effectiveFrom"
       FROM "notifications"."notice_opt_outs" WHERE "opt_out_id" = $1`,
      [optOutId],
    );
    return row && { holderId: row.holderId, effectiveFrom: row.effectiveFrom.toISOString() };
  }

  async recordBatch(manager: EntityManager, batchId: string, societyId: string): Promise<void> {
    await manager.query(
      `INSERT INTO "notifications"."notice_batches" ("batch_id", "society_id")
       VALUES ($1, $2) ON CONFLICT ("batch_id") DO NOTHING`,
      [batchId, societyId],
    );
  }

  async batchSociety(manager: EntityManager, batchId: string): Promise<string | undefined> {
    const [row] = await manager.query<{ society_id: string }[]>(
      `SELECT "society_id" FROM "notifications"."notice_batches" WHERE "batch_id" = $1`,
      [batchId],
    );
    return row?.society_id;
  }
}
