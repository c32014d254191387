import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LicenseRevoked, OptOutScope, type OptOutTerms } from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import { RegistryViewReader } from '#libs/registry-view';
import { revocationFrom, revocationReason } from '../domain/revocation.js';
import { LicenseEntity, LicenseStatus } from '../infrastructure/licensing.entities.js';

/**
 * Revokes the active licenses an opt-out takes out of the scheme, from the instant it does,
 * in the transaction that applies the opt-out event; publishes license.revoked for each, with
 * what a platform needs to act on it: when it was revoked, the license's terms, the holder to
 * ask for a direct license and the opt-out's effective time.
 */
@Injectable()
export class LicenseRevoker {
  constructor(
    private readonly outbox: Outbox,
    private readonly registry: RegistryViewReader,
  ) {}

  async revokeFor(
    optOut: OptOutTerms,
    manager: EntityManager,
    cause: { eventId: string; correlationId: string },
  ): Promise<number> {
    const query = manager
      .createQueryBuilder(LicenseEntity, 'license')
      .setLock('pessimistic_write')
      .where('license.status = :active', { active: LicenseStatus.ACTIVE })
      .andWhere('license.workId IS NOT NULL')
      .andWhere('license.validTo > :day', { day: optOut.effectiveFrom.toISOString().slice(0, 10) });
    if (optOut.useTypes.length)
      query.andWhere('license.useType IN (:...useTypes)', { useTypes: optOut.useTypes });
    if (optOut.scope === OptOutScope.WORK)
      query.andWhere('license.workId = :workId', { workId: optOut.workId });
    else {
      query.andWhere(
        'license.workId IN (SELECT "work_id" FROM "authorization"."rv_shares" WHERE "holder_id" = :holderId)',
        { holderId: optOut.holderId },
      );
    }
    const candidates = await query.getMany();
    if (candidates.length === 0) return 0;
    const works = await this.registry.works(
      candidates.map((license) => license.workId!),
      manager,
    );
    const revoked: { license: LicenseEntity; from: Date; reason: string }[] = [];
    for (const license of candidates) {
      const work = works.get(license.workId!);
      if (!work) continue;
      const from = revocationFrom(optOut, license, work.holdersAt);
      if (from) revoked.push({ license, from, reason: revocationReason(optOut, from) });
    }
    if (revoked.length === 0) return 0;
    const revokedAt = new Date();
    // One statement for all of them: an opt-out of a large catalogue revokes many licenses.
    await manager.query(
      `UPDATE "authorization"."licenses" l
          SET status = $1, revoked_from = r.revoked_from, revoked_reason = r.reason, opt_out_id = $2,
              revoked_at = $6
         FROM unnest($3::uuid[], $4::timestamptz[], $5::text[]) AS r(id, revoked_from, reason)
        WHERE l.id = r.id`,
      [
        LicenseStatus.REVOKED,
        optOut.id,
        revoked.map(({ license }) => license.id),
        revoked.map(({ from }) => from.toISOString()),
        revoked.map(({ reason }) => reason),
        revokedAt.toISOString(),
      ],
    );
    await this.outbox.add(
      manager,
      revoked.map(({ license, from, reason }) => ({
        definition: LicenseRevoked,
        aggregateId: license.id,
        correlationId: cause.correlationId,
        causationId: cause.eventId,
        payload: {
          licenseId: license.id,
          platformId: license.platformId,
          revokedFrom: from.toISOString(),
          reason,
          optOutId: optOut.id,
          revokedAt: revokedAt.toISOString(),
          workId: license.workId,
          useType: license.useType,
          territory: license.territory,
          validFrom: license.validFrom,
          validTo: license.validTo,
          holderId: optOut.holderId,
          optOutEffectiveFrom: optOut.effectiveFrom.toISOString(),
        },
      })),
    );
    return revoked.length;
  }
}
