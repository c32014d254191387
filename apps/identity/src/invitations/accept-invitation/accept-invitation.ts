import type { DataSource } from 'typeorm';
import type { SignIn } from '../../accounts/application/sign-in/sign-in.js';
import { AccountError } from '../../accounts/domain/account-error.js';
import { AuditEvent } from '../../accounts/domain/audit-event.js';
import { passwordProblem } from '../../accounts/domain/password-rule.js';
import { AccountStore, type Actor } from '../../accounts/infrastructure/account.store.js';
import { hashPassword } from '../../accounts/infrastructure/password-hashing.js';
import { GrantStore } from '../../grants/infrastructure/grant.store.js';
import type { InvitationEntity } from '../infrastructure/invitation.entity.js';
import type { InvitationStore } from '../infrastructure/invitation.store.js';

/**
 * Accepts an invitation with its link: the invited address signs in with its password, or, when
 * it has no account, creates one with the password chosen here (verified: the link proves the
 * address). The link is used once, and the grant is given in the same transaction.
 */
export class AcceptInvitation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationStore,
    private readonly signIn: SignIn,
  ) {}

  /** The pending invitation of the link, or undefined when it cannot be used. */
  pending(token: string): Promise<InvitationEntity | undefined> {
    return this.invitations.byToken(token);
  }

  async execute(token: string, password: string, actor: Actor = {}): Promise<InvitationEntity> {
    const invitation = await this.invitations.byToken(token);
    if (!invitation) throw new AccountError('link-invalid');
    const accounts = new AccountStore(this.dataSource);
    const existing = await accounts.findByEmail(invitation.email);
    let accountId: string;
    if (existing) {
      // The link proves the address; the password proves the person (throttled as sign-in).
      if (!existing.emailVerifiedAt) await accounts.markVerified(existing.id);
      accountId = await this.signIn.execute({ email: invitation.email, password }, actor);
    } else {
      const problem = passwordProblem(password, invitation.email);
      if (problem) throw new AccountError(problem);
      const passwordHash = await hashPassword(password);
      accountId = await accounts.transaction(async (store) => {
        const created = await store.create({
          email: invitation.email,
          passwordHash,
          language: invitation.language,
        });
        if (!created) throw new AccountError('link-invalid');
        await store.markVerified(created.id);
        await store.audit(AuditEvent.SIGN_UP, created.id, actor);
        await store.audit(AuditEvent.EMAIL_VERIFIED, created.id, actor);
        return created.id;
      });
    }
    return this.invitations.transaction(async (em) => {
      const accepted = await this.invitations.accept(em, token, accountId);
      if (!accepted) throw new AccountError('link-invalid');
      const grants = new GrantStore(this.dataSource, () => new Date(), em);
      await grants.give(
        {
          accountId,
          role: accepted.role,
          party: accepted.partyId
            ? {
                id: accepted.partyId,
                name: accepted.partyName ?? '',
                kind: accepted.partyKind ?? '',
              }
            : undefined,
          grantedBy: `invitation:${accepted.id}`,
        },
        actor,
      );
      await grants.audit(AuditEvent.GRANT_ACCEPTED, accountId, actor);
      return accepted;
    });
  }
}
