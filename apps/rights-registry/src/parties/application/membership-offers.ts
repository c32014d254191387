import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { Caller } from '#libs/auth';
import { Role } from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import { acceptedMembership } from '../domain/party.js';
import { PartyError, PartyErrorCode } from '../domain/party.errors.js';
import {
  MembershipEntity,
  MembershipOfferEntity,
  MembershipOfferStatus,
  PartyEntity,
} from '../infrastructure/party.entities.js';
import { recordMembership } from './change-party.handlers.js';
import { today } from './party-view.js';

/** A membership offer as use cases return it. */
export type MembershipOfferView = Pick<
  MembershipOfferEntity,
  | 'id'
  | 'partyId'
  | 'societyId'
  | 'memberFrom'
  | 'memberTo'
  | 'status'
  | 'offeredBy'
  | 'offeredAt'
  | 'decidedAt'
>;

const MAX_OFFERS = 200;

/**
 * Offers a caller may see: a right holder those made to it, a society's admin those its society
 * made, the operator all. Most recent first.
 */
@Injectable()
export class MembershipOfferQueries {
  constructor(private readonly dataSource: DataSource) {}

  async visibleTo(
    caller: Caller,
    status: MembershipOfferStatus | undefined,
  ): Promise<MembershipOfferView[]> {
    const where: FindOptionsWhere<MembershipOfferEntity> = status ? { status } : {};
    if (caller.role === Role.RIGHT_HOLDER) where.partyId = caller.partyId;
    else if (caller.role === Role.SOCIETY_ADMIN) where.societyId = caller.partyId;
    else if (caller.role !== Role.OPERATOR) return [];
    return this.dataSource.manager.find(MembershipOfferEntity, {
      where,
      order: { offeredAt: 'DESC', id: 'ASC' },
      take: MAX_OFFERS,
    });
  }
}

/**
 * The holder's own pending offer, locked; another party's offer is not found (the same answer
 * as for an id that names nothing), a decided one is closed.
 */
async function lockOwnPendingOffer(
  manager: EntityManager,
  caller: Caller,
  offerId: string,
): Promise<MembershipOfferEntity> {
  const offer = await manager.findOne(MembershipOfferEntity, {
    where: { id: offerId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!offer || offer.partyId !== caller.partyId) {
    throw new PartyError(PartyErrorCode.OFFER_NOT_FOUND, `membership offer ${offerId} not found`);
  }
  if (offer.status !== MembershipOfferStatus.PENDING) {
    throw new PartyError(
      PartyErrorCode.OFFER_CLOSED,
      `membership offer ${offerId} is already ${offer.status.toLowerCase()}`,
    );
  }
  return offer;
}

/**
 * The holder accepts a society's offer: the membership starts on the offered day, or today when
 * accepted later (membership-changed), unless the holder belongs to another society then.
 */
@Injectable()
export class AcceptMembershipHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(
    caller: Caller,
    offerId: string,
    correlationId: string,
  ): Promise<MembershipOfferView> {
    return this.dataSource.transaction(async (manager) => {
      // Memberships of one party change one at a time; the party is locked before the offer,
      // in the order ChangeMembershipHandler takes them.
      await manager.findOne(PartyEntity, {
        where: { id: caller.partyId },
        lock: { mode: 'pessimistic_write' },
      });
      const offer = await lockOwnPendingOffer(manager, caller, offerId);
      const existing = await manager.findBy(MembershipEntity, { partyId: offer.partyId });
      const membership = acceptedMembership(existing, offer, today());
      await recordMembership(
        manager,
        this.outbox,
        existing,
        { partyId: offer.partyId, ...membership },
        correlationId,
      );
      const decided = { status: MembershipOfferStatus.ACCEPTED, decidedAt: new Date() };
      await manager.update(MembershipOfferEntity, offer.id, decided);
      return { ...offer, ...decided };
    });
  }
}

/** The holder declines a society's offer; nothing else changes. */
@Injectable()
export class DeclineMembershipHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: Caller, offerId: string): Promise<MembershipOfferView> {
    return this.dataSource.transaction(async (manager) => {
      const offer = await lockOwnPendingOffer(manager, caller, offerId);
      const decided = { status: MembershipOfferStatus.DECLINED, decidedAt: new Date() };
      await manager.update(MembershipOfferEntity, offer.id, decided);
      return { ...offer, ...decided };
    });
  }
}
