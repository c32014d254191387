import { randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { Role } from '#libs/contracts';
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

  /**
   * Takes the grant back (once; a second time changes nothing), and with it withdraws the
   * holder's pending invitations sent under it, in one transaction.
   */
  async revoke(grant: GrantEntity, actor: Actor = {}): Promise<void> {
    if (!this.manager) return this.transaction((store) => store.revoke(grant, actor));
    const result = await this.em.update(
      GrantEntity,
      { id: grant.id, revokedAt: IsNull() },
      { revokedAt: this.now() },
    );
    if (!result.affected) return;
    await this.audit(AuditEvent.GRANT_REVOKED, grant.accountId, actor);
    await this.withdrawInvitationsSentUnder(grant);
  }

  /**
   * The pending invitations the holder sent acting as this grant: as the operator, all it sent
   * as operator; otherwise those to the grant's own party; and a society admin's invitations of
   * members' right holders once it is admin of no society at all (while it still admins
   * another, acceptance asks the registry again which society's member the party is).
   */
  private async withdrawInvitationsSentUnder(grant: GrantEntity): Promise<void> {
    await this.em.query(
      `UPDATE "identity"."invitations" SET "withdrawn_at" = $1
        WHERE "invited_by" = $2 AND "inviter_role" = $3
          AND "accepted_at" IS NULL AND "withdrawn_at" IS NULL
          AND ($3 = $5 OR "party_id" = $4
            OR ("role" = $6 AND NOT EXISTS (
              SELECT 1 FROM "identity"."grants"
               WHERE "account_id" = $2 AND "role" = $3 AND "revoked_at" IS NULL)))`,
      [
        this.now(),
        grant.accountId,
        grant.role,
        grant.partyId,
        String(Role.OPERATOR),
        String(Role.RIGHT_HOLDER),
      ],
    );
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
