import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { ClientManager } from '../domain/platform-client.js';
import { ClientAuditEntity } from './client-audit.entity.js';
import { ClientSecretEntity } from './client-secret.entity.js';
import { PlatformClientEntity } from './platform-client.entity.js';

export type ClientAction = 'CREATED' | 'SECRET_ROTATED' | 'DELETED' | 'IMPORTED_API_KEY';

/** Platform clients, their hashed secrets and the audit of their changes. */
@Injectable()
export class PlatformClientStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: a change and its audit are stored together or not at all. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A client that is not deleted, locked for the transaction when `manager` is given. */
  active(clientId: string, manager?: EntityManager): Promise<PlatformClientEntity | null> {
    const query = (manager ?? this.dataSource.manager)
      .getRepository(PlatformClientEntity)
      .createQueryBuilder('client')
      .where('client.clientId = :clientId AND client.deletedAt IS NULL', { clientId });
    return (manager ? query.setLock('pessimistic_write') : query).getOne();
  }

  byIdempotencyKey(
    partyId: string,
    idempotencyKey: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PlatformClientEntity | null> {
    return manager.findOneBy(PlatformClientEntity, { partyId, idempotencyKey });
  }

  /** The clients of one platform, or of every platform; deleted ones left out. */
  list(partyId: string | undefined): Promise<PlatformClientEntity[]> {
    return this.dataSource.manager.find(PlatformClientEntity, {
      where: { ...(partyId ? { partyId } : {}), deletedAt: IsNull() },
      order: { createdAt: 'ASC', clientId: 'ASC' },
    });
  }

  /** The secrets of a client, newest first. */
  secrets(clientId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.find(ClientSecretEntity, {
      where: { clientId },
      order: { createdAt: 'DESC' },
    });
  }

  async addSecret(manager: EntityManager, clientId: string, hash: string, now: Date) {
    await manager.insert(ClientSecretEntity, {
      id: randomUUID(),
      clientId,
      hash,
      createdAt: now,
      expiresAt: null,
    });
  }

  async audit(
    manager: EntityManager,
    client: PlatformClientEntity,
    action: ClientAction,
    actor: ClientManager,
    at: Date,
  ): Promise<void> {
    await manager.insert(ClientAuditEntity, {
      id: randomUUID(),
      clientId: client.clientId,
      partyId: client.partyId,
      action,
      actorSubject: actor.subject,
      actorRole: actor.role,
      actorParty: actor.party ?? null,
      at,
    });
  }

  /** The audit of one client, oldest first. */
  auditOf(clientId: string): Promise<ClientAuditEntity[]> {
    return this.dataSource.manager.find(ClientAuditEntity, {
      where: { clientId },
      order: { at: 'ASC' },
    });
  }
}
