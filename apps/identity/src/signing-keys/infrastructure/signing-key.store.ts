import { type DataSource, type EntityManager } from 'typeorm';
import { SigningKeyEntity } from './signing-key.entity.js';

/** The stored signing keys; changes happen inside `exclusively`, one process at a time. */
export class SigningKeyStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in a transaction holding the key lock, so replicas deciding a rotation at the
   * same moment make one key, not one each.
   */
  exclusively<T>(work: (keys: SigningKeyRepository) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['identity:signing-keys']);
      return work(new SigningKeyRepository(manager));
    });
  }
}

export class SigningKeyRepository {
  constructor(private readonly manager: EntityManager) {}

  all(): Promise<SigningKeyEntity[]> {
    return this.manager.find(SigningKeyEntity, { order: { createdAt: 'DESC' } });
  }

  async add(key: SigningKeyEntity): Promise<void> {
    await this.manager.insert(SigningKeyEntity, key);
  }

  async retire(kids: string[], at: Date): Promise<void> {
    if (kids.length === 0) return;
    await this.manager
      .createQueryBuilder()
      .update(SigningKeyEntity)
      .set({ retiredAt: at })
      .where('kid IN (:...kids) AND retired_at IS NULL', { kids })
      .execute();
  }

  async remove(kids: string[]): Promise<void> {
    if (kids.length === 0) return;
    await this.manager.delete(SigningKeyEntity, kids);
  }
}
