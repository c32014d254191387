import { randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { AuditEvent } from '../../accounts/domain/audit-event.js';
import { AccountStore, type Actor } from '../../accounts/infrastructure/account.store.js';
import { ActingGrantEntity } from './acting-grant.entity.js';
import { GrantEntity } from './grant.entity.js';

/** What a new grant holds. */
export interface NewGrant {
  accountId: string;
  role: string;
  party?: { id: string; name: string; kind: string };
  grantedBy: string;
}

/** Grants, the grant each sign-in acts as, and their lines in the accounts' audit log. */
export class GrantStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
    private readonly manager?: EntityManager,
  ) {}

  /** Runs `work` with a store whose every change commits together, or none does. */
  transaction<T>(work: (store: GrantStore) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) =>
      work(new GrantStore(this.dataSource, this.now, manager)),
    );
  }

  private get em(): EntityManager {
    return this.manager ?? this.dataSource.manager;
  }

  /** The account's grants not taken back, oldest first. */
  active(accountId: string): Promise<GrantEntity[]> {
    return this.em.find(GrantEntity, {
      where: { accountId, revokedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Every grant the account has held, taken back ones too, oldest first. */
  history(accountId: string): Promise<GrantEntity[]> {
    return this.em.find(GrantEntity, {
      where: { accountId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  findById(id: string): Promise<GrantEntity | null> {
    return this.em.findOneBy(GrantEntity, { id });
  }

  /**
   * Gives the grant, or answers the active one the account already holds for that role and
   * party (also when a racing request gave it first): never two. Audited once, when given.
   */
  async give(grant: NewGrant, actor: Actor = {}): Promise<GrantEntity> {
    const id = randomUUID();
    const partyKey = grant.party?.id ?? '';
    const inserted = await this.em
      .createQueryBuilder()
      .insert()
      .into(GrantEntity)
      .values({
        id,
        accountId: grant.accountId,
        role: grant.role,
        partyId: grant.party?.id ?? null,
        partyKey,
        partyName: grant.party?.name ?? null,
        partyKind: grant.party?.kind ?? null,
        grantedBy: grant.grantedBy,
        createdAt: this.now(),
        revokedAt: null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((inserted.raw as unknown[]).length > 0) {
      await this.audit(AuditEvent.GRANT_GIVEN, grant.accountId, actor);
    }
    const held = await this.em.findOneBy(GrantEntity, {
      accountId: grant.accountId,
      role: grant.role,
      partyKey,
      revokedAt: IsNull(),
    });
    if (!held) throw new Error('a grant just given is not found');
    return held;
  }

  /** Takes the grant back (once; a second time changes nothing). */
  async revoke(grant: GrantEntity, actor: Actor = {}): Promise<void> {
    const result = await this.em.update(
      GrantEntity,
      { id: grant.id, revokedAt: IsNull() },
      { revokedAt: this.now() },
    );
    if (result.affected) await this.audit(AuditEvent.GRANT_REVOKED, grant.accountId, actor);
  }

  /** Records which grant the tokens of the provider's grant act as from now on. */
  async choose(oidcGrantId: string, accountId: string, grantId: string): Promise<void> {
    await this.em.upsert(
      ActingGrantEntity,
      { oidcGrantId, accountId, grantId, chosenAt: this.now() },
      ['oidcGrantId'],
    );
  }

  /** The grant chosen for the provider's grant, if one was. */
  async chosen(oidcGrantId: string, accountId: string): Promise<string | undefined> {
    const row = await this.em.findOneBy(ActingGrantEntity, { oidcGrantId, accountId });
    return row?.grantId;
  }

  audit(event: AuditEvent, accountId: string, actor: Actor = {}): Promise<void> {
    return new AccountStore(this.dataSource, this.now, this.em).audit(event, accountId, actor);
  }
}
