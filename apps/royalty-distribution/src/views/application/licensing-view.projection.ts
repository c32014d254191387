import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LicenseGranted, LicenseRevoked, SchemeDefined } from '#libs/contracts';
import { Messaging, handlerFor } from '#libs/messaging';
import { optOutViewHandlers } from '#libs/opt-out-view';

/**
 * Keeps the licenses, schemes and opt-outs views from authorization and opt-out events.
 * Writes are upserts: a replay changes nothing.
 */
@Injectable()
export class LicensingViewProjection implements OnModuleInit {
  constructor(private readonly messaging: Messaging) {}

  onModuleInit(): void {
    this.messaging.register(
      'royalty-distribution.opt-outs',
      optOutViewHandlers('royalty_distribution'),
    );
    this.messaging.register('royalty-distribution.licensing', [
      handlerFor(SchemeDefined, async ({ payload }, manager) => {
        await manager.query(
          `INSERT INTO royalty_distribution.schemes
             (id, revision, society_id, category, right_type, currency, weights)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (id) DO UPDATE SET revision = excluded.revision,
             right_type = excluded.right_type, currency = excluded.currency,
             weights = excluded.weights
           WHERE schemes.revision < excluded.revision`,
          [
            payload.schemeId,
            payload.revision,
            payload.societyId,
            payload.category,
            payload.rightType,
            payload.currency,
            JSON.stringify(payload.weights),
          ],
        );
      }),
      handlerFor(LicenseGranted, async ({ payload }, manager) => {
        await manager.query(
          `INSERT INTO royalty_distribution.licenses
             (id, platform_id, work_id, unidentified_reference, decision, scheme_id, society_id,
              category, use_type, territory, valid_from, valid_to, fee_minor, currency)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
           ON CONFLICT (id) DO NOTHING`,
          [
            payload.licenseId,
            payload.platformId,
            payload.workId,
            payload.unidentifiedReference,
            payload.decision,
            payload.schemeId,
            payload.societyId,
            payload.category,
            payload.useType,
            payload.territory,
            payload.validFrom,
            payload.validTo,
            payload.fee.amountMinor,
            payload.fee.currency,
          ],
        );
      }),
      handlerFor(LicenseRevoked, async ({ payload }, manager) => {
        await manager.query(
          `UPDATE royalty_distribution.licenses SET revoked_from = $2 WHERE id = $1`,
          [payload.licenseId, payload.revokedFrom],
        );
      }),
    ]);
  }
}
