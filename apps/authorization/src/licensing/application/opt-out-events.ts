import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OptOutRegistered, OptOutWithdrawn } from '#libs/contracts';
import { Messaging, handlerFor } from '#libs/messaging';
import { OPT_OUT_VIEW_CONSUMER } from '../../opt-out-view/application/opt-out-view.reader.js';
import { OptOutRecord } from '../../opt-out-view/infrastructure/opt-out-record.entity.js';
import { LicenseRevoker } from './license-revoker.js';

/**
 * Applies optout.* events: keeps the opt-out view and, in the same transaction, revokes the
 * licenses a new opt-out takes out of the scheme. A replayed event finds its row and changes
 * nothing (the inbox also skips it).
 */
@Injectable()
export class OptOutEvents implements OnModuleInit {
  constructor(
    private readonly messaging: Messaging,
    private readonly revoker: LicenseRevoker,
  ) {}

  onModuleInit(): void {
    this.messaging.register(OPT_OUT_VIEW_CONSUMER, [
      handlerFor(OptOutRegistered, async (event, manager) => {
        const { payload } = event;
        const optOut: OptOutRecord = {
          id: payload.optOutId,
          holderId: payload.holderId,
          scope: payload.scope,
          workId: payload.workId,
          useTypes: payload.useTypes,
          effectiveFrom: new Date(payload.effectiveFrom),
          withdrawnAt: null,
        };
        const inserted = await manager.query<unknown[]>(
          `INSERT INTO "authorization"."opt_outs"
             ("id", "holder_id", "scope", "work_id", "use_types", "effective_from")
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ("id") DO NOTHING RETURNING 1`,
          [
            optOut.id,
            optOut.holderId,
            optOut.scope,
            optOut.workId,
            optOut.useTypes,
            optOut.effectiveFrom,
          ],
        );
        if (inserted.length === 0) return;
        await this.revoker.revokeFor(optOut, manager, event);
      }),
      handlerFor(OptOutWithdrawn, async ({ payload }, manager) => {
        await manager.update(OptOutRecord, payload.optOutId, {
          withdrawnAt: new Date(payload.withdrawnAt),
        });
      }),
    ]);
  }
}
