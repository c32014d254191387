import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { INVITATION_LIFETIME_MS } from '../domain/invitation-rules.js';
import { InvitationEntity } from './invitation.entity.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

/** What an invitation is for, and who sends it. */
export interface NewInvitation {
  email: string;
  role: string;
  party?: { id: string; name: string; kind: string };
  invitedBy: string;
  inviterRole: string;
  inviterPartyName?: string;
  language: string;
}

/** Invitations in PostgreSQL; a link's token is only ever stored as its hash. */
export class InvitationStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The pending invitation of that address, role and party with a fresh link (the one mailed
   * before stops working) and seven days again; made when there is none. Racing requests for
   * the same invitation queue on its row: one invitation, each answered with a working link.
   */
  send(invitation: NewInvitation): Promise<{ invitation: InvitationEntity; token: string }> {
    return this.dataSource.transaction(async (em) => {
      const token = randomBytes(32).toString('base64url');
      const now = this.now();
      const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
      const partyKey = invitation.party?.id ?? '';
      await em
        .createQueryBuilder()
        .insert()
        .into(InvitationEntity)
        .values({
          id: randomUUID(),
          email: invitation.email,
          role: invitation.role,
          partyId: invitation.party?.id ?? null,
          partyKey,
          partyName: invitation.party?.name ?? null,
          partyKind: invitation.party?.kind ?? null,
          invitedBy: invitation.invitedBy,
          inviterRole: invitation.inviterRole,
          inviterPartyName: invitation.inviterPartyName ?? null,
          language: invitation.language,
          tokenHash: sha256(randomBytes(32).toString('base64url')),
          expiresAt,
          createdAt: now,
          acceptedAt: null,
          acceptedBy: null,
          withdrawnAt: null,
        })
        .orIgnore()
        .execute();
      const pending = await em
        .getRepository(InvitationEntity)
        .createQueryBuilder('invitation')
        .where('invitation.email = :email AND invitation.role = :role', invitation)
        .andWhere('invitation.partyKey = :partyKey', { partyKey })
        .andWhere('invitation.acceptedAt IS NULL AND invitation.withdrawnAt IS NULL')
        .setLock('pessimistic_write')
        .getOneOrFail();
      await em.update(
        InvitationEntity,
        { id: pending.id },
        { tokenHash: sha256(token), expiresAt, language: invitation.language },
      );
      return { invitation: { ...pending, expiresAt, language: invitation.language }, token };
    });
  }

  /** The pending, unexpired invitation of a link's token. */
  async byToken(token: string): Promise<InvitationEntity | undefined> {
    const row = await this.dataSource.manager.findOneBy(InvitationEntity, {
      tokenHash: sha256(token),
      acceptedAt: IsNull(),
      withdrawnAt: IsNull(),
    });
    return row && row.expiresAt > this.now() ? row : undefined;
  }

  /** Uses the link once, in the caller's transaction: the invitation, or undefined. */
  async accept(
    em: EntityManager,
    token: string,
    accountId: string,
  ): Promise<InvitationEntity | undefined> {
    const [rows] = await em.query<[{ id: string }[], number]>(
      `UPDATE "identity"."invitations" SET "accepted_at" = $2, "accepted_by" = $3
        WHERE "token_hash" = $1 AND "accepted_at" IS NULL AND "withdrawn_at" IS NULL
          AND "expires_at" > $2
        RETURNING "id"`,
      [sha256(token), this.now(), accountId],
    );
    const id = rows[0]?.id;
    return id ? ((await em.findOneBy(InvitationEntity, { id })) ?? undefined) : undefined;
  }

  /** What an account sent, newest first. */
  sentBy(accountId: string): Promise<InvitationEntity[]> {
    return this.dataSource.manager.find(InvitationEntity, {
      where: { invitedBy: accountId },
      order: { createdAt: 'DESC' },
      take: 200,
    });
  }

  findById(id: string): Promise<InvitationEntity | null> {
    return this.dataSource.manager.findOneBy(InvitationEntity, { id });
  }

  /** Withdraws a pending invitation: its link stops working. */
  async withdraw(id: string): Promise<void> {
    await this.dataSource.manager.update(
      InvitationEntity,
      { id, acceptedAt: IsNull(), withdrawnAt: IsNull() },
      { withdrawnAt: this.now() },
    );
  }

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
