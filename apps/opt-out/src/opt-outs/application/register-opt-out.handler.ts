import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { DataSource, IsNull } from 'typeorm';
import type { Caller } from '#libs/auth';
import { OptOutRegistered } from '#libs/contracts';
import { oncePerKey } from '#libs/database';
import { Outbox } from '#libs/messaging';
import { RegistryViewReader } from '#libs/registry-view';
import { acceptOptOut, repeatedOptOut, type OptOutRequest } from '../domain/opt-out-request.js';
import { OptOutError, OptOutErrorCode } from '../domain/opt-out.errors.js';
import { OptOutEntity } from '../infrastructure/opt-out.entity.js';

/**
 * Registers an opt-out after checking who asks, for whom and for what; publishes
 * optout.registered with it. With an idempotency key a repeat returns the first opt-out; without
 * one, a request that repeats an opt-out not withdrawn (same holder, scope, work and use types,
 * effective no later) returns that opt-out and publishes nothing. Requests for one holder wait
 * for each other, so two identical ones racing give one opt-out.
 */
@Injectable()
export class RegisterOptOutHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly registry: RegistryViewReader,
  ) {}

  async execute(
    caller: Caller,
    request: OptOutRequest,
    correlationId: string,
    idempotencyKey?: string,
  ): Promise<OptOutEntity> {
    return this.dataSource.transaction(async (manager) => {
      const register = async () => {
        // Taken before the clock is read: of two racing requests, the later one starts no
        // earlier than the first one's opt-out, and finds it.
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `opt-out-holder:${request.holderId}`,
        ]);
        const now = new Date();
        const work = request.workId ? await this.registry.work(request.workId, manager) : undefined;
        const accepted = acceptOptOut(caller, request, {
          now,
          holderKind: await this.registry.partyKind(request.holderId, manager),
          holderSocietyIds: await this.registry.societiesOf(request.holderId, now, manager),
          work: request.workId
            ? {
                known: work !== undefined,
                holderHasShare:
                  work !== undefined &&
                  [now, request.effectiveFrom ?? now].some((at) =>
                    work.holdersAt(at).has(request.holderId),
                  ),
              }
            : undefined,
        });
        const repeated = repeatedOptOut(
          accepted,
          await manager.findBy(OptOutEntity, {
            holderId: accepted.holderId,
            scope: accepted.scope,
            workId: accepted.workId ?? IsNull(),
            withdrawnAt: IsNull(),
          }),
        );
        if (repeated) return repeated.id;
        const optOut: OptOutEntity = {
          id: uuidv7(),
          ...accepted,
          withdrawnAt: null,
          registeredAt: now,
          registeredBy: caller.partyId,
          registeredByRole: caller.role,
          withdrawnBy: null,
        };
        await manager.insert(OptOutEntity, optOut);
        await this.outbox.add(manager, [
          {
            definition: OptOutRegistered,
            aggregateId: optOut.id,
            correlationId,
            payload: {
              optOutId: optOut.id,
              holderId: optOut.holderId,
              scope: optOut.scope,
              workId: optOut.workId,
              useTypes: optOut.useTypes,
              effectiveFrom: optOut.effectiveFrom.toISOString(),
            },
          },
        ]);
        return optOut.id;
      };
      const id = await oncePerKey(
        manager,
        'opt_out',
        {
          callerId: caller.partyId,
          key: idempotencyKey,
          operation: 'registerOptOut',
          body: request,
        },
        register,
        (message) => new OptOutError(OptOutErrorCode.KEY_REUSED, message),
      );
      return manager.findOneByOrFail(OptOutEntity, { id });
    });
  }
}
