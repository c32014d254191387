import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { OptOutWithdrawn, isUuid } from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import { RegistryViewReader } from '#libs/registry-view';
import { mayReadOptOutsOf } from '../domain/opt-out-request.js';
import { OptOutError, OptOutErrorCode } from '../domain/opt-out.errors.js';
import { OptOutEntity } from '../infrastructure/opt-out.entity.js';

/**
 * Withdraws an opt-out: its works are back under the scheme from now. The row is kept. A
 * repeat (an opt-out already withdrawn) returns it unchanged and publishes nothing.
 */
@Injectable()
export class WithdrawOptOutHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly registry: RegistryViewReader,
  ) {}

  async execute(caller: Caller, id: string, correlationId: string): Promise<OptOutEntity> {
    return this.dataSource.transaction(async (manager) => {
      const optOut = isUuid(id)
        ? await manager.findOne(OptOutEntity, {
            where: { id },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      const now = new Date();
      // Another holder's opt-out is NOT_FOUND, as one that does not exist.
      if (
        !optOut ||
        !mayReadOptOutsOf(
          caller,
          optOut.holderId,
          await this.registry.societiesOf(optOut.holderId, now, manager),
        )
      )
        throw new OptOutError(OptOutErrorCode.NOT_FOUND, `no opt-out ${id}`);
      if (optOut.withdrawnAt) return optOut;
      optOut.withdrawnAt = now;
      optOut.withdrawnBy = caller.partyId;
      await manager.update(OptOutEntity, id, { withdrawnAt: now, withdrawnBy: caller.partyId });
      await this.outbox.add(manager, [
        {
          definition: OptOutWithdrawn,
          aggregateId: optOut.id,
          correlationId,
          payload: {
            optOutId: optOut.id,
            holderId: optOut.holderId,
            withdrawnAt: now.toISOString(),
          },
        },
      ]);
      return optOut;
    });
  }
}
