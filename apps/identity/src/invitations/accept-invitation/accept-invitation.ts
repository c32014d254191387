import { operatorActorId } from '#libs/auth';
import { Role } from '#libs/contracts';
import type { DataSource } from 'typeorm';
import type { SignIn } from '../../accounts/application/sign-in/sign-in.js';
import { AccountError } from '../../accounts/domain/account-error.js';
import { AuditEvent } from '../../accounts/domain/audit-event.js';
import { passwordProblem } from '../../accounts/domain/password-rule.js';
import { AccountStore, type Actor } from '../../accounts/infrastructure/account.store.js';
import { hashPassword } from '../../accounts/infrastructure/password-hashing.js';
import { isRole } from '../../grants/domain/grant-rules.js';
import { GrantStore } from '../../grants/infrastructure/grant.store.js';
import type { RegistryClient } from '../../grants/infrastructure/registry.client.js';
import type { IdentityConfig } from '../../identity.config.js';
import { invitationProblem, needsMembership } from '../domain/invitation-rules.js';
import type { InvitationEntity } from '../infrastructure/invitation.entity.js';
import type { InvitationStore } from '../infrastructure/invitation.store.js';

/** An account that confirms its sign-ins with a passkey: a password alone does not accept. */
export class PasskeyRequiredError extends Error {
  constructor() {
    super('invitation refused: the account confirms its sign-ins with a passkey');
    this.name = 'PasskeyRequiredError';
  }
}

/**
 * Accepts an invitation with its link: the invited address signs in with its password, or, when
 * it has no account, creates one with the password chosen here (verified: the link proves the
 * address). The inviter must still be allowed to give the grant (checked again now, as when it
 * was sent); an invitation that no longer stands is withdrawn. Nothing is written before the
 * password is right: the link is used once, the address marked verified, the account made and
 * the grant given in one transaction.
 */
export class AcceptInvitation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationStore,
    private readonly signIn: SignIn,
    private readonly registry: RegistryClient,
    private readonly config: IdentityConfig,
  ) {}

  /** The pending invitation of the link, or undefined when it cannot be used. */
  pending(token: string): Promise<InvitationEntity | undefined> {
    return this.invitations.byToken(token);
  }

  async execute(token: string, password: string, actor: Actor = {}): Promise<InvitationEntity> {
    const invitation = await this.invitations.byToken(token);
    if (!invitation) throw new AccountError('link-invalid');
    if (!(await this.stillStands(invitation))) {
      await this.invitations.withdraw(invitation.id);
      throw new AccountError('link-invalid');
    }
    const accounts = new AccountStore(this.dataSource);
    const existing = await accounts.findByEmail(invitation.email);
    let newPasswordHash: string | undefined;
    if (existing) {
      if (existing.passkeySecondFactor) throw new PasskeyRequiredError();
      await this.passwordOf(invitation.email, password, actor);
    } else {
      const problem = passwordProblem(password, invitation.email);
      if (problem) throw new AccountError(problem);
      newPasswordHash = await hashPassword(password);
    }
    return this.invitations.transaction(async (em) => {
      const store = new AccountStore(this.dataSource, undefined, em);
      let accountId: string;
      if (existing) {
        accountId = existing.id;
        // The link proves the address, now that the password proved the person.
        if (!existing.emailVerifiedAt) {
          await store.markVerified(accountId);
          await store.audit(AuditEvent.EMAIL_VERIFIED, accountId, actor);
        }
      } else {
        const created = await store.create({
          email: invitation.email,
          passwordHash: newPasswordHash!,
          language: invitation.language,
        });
        if (!created) throw new AccountError('link-invalid');
        accountId = created.id;
        await store.markVerified(accountId);
        await store.audit(AuditEvent.SIGN_UP, accountId, actor);
        await store.audit(AuditEvent.EMAIL_VERIFIED, accountId, actor);
      }
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

  /**
   * Checks the password of the invited address as sign-in does (throttled, audited). An address
   * not verified yet is refused by sign-in only after its password was found right: here that
   * is a success, since the link proves the address.
   */
  private async passwordOf(email: string, password: string, actor: Actor): Promise<void> {
    try {
      await this.signIn.execute({ email, password }, actor);
    } catch (error) {
      if (error instanceof AccountError && error.code === 'email-not-verified') return;
      throw error;
    }
  }

  /**
   * Whether the inviter may still give this grant: the invitation rule run again against each
   * grant the inviter holds now in the role it invited as (and the registry's membership
   * answer now). The operator's machine holds no grant: it stands while its client is still
   * configured to act as the operator.
   */
  private async stillStands(invitation: InvitationEntity): Promise<boolean> {
    const role = invitation.role;
    const inviterRole = invitation.inviterRole;
    if (!isRole(role) || !isRole(inviterRole)) return false;
    const partyId = invitation.partyId ?? undefined;
    if (inviterRole === Role.OPERATOR && this.isOperatorMachine(invitation.invitedBy)) return true;
    const held = await new GrantStore(this.dataSource).active(invitation.invitedBy);
    for (const grant of held) {
      if (grant.role !== String(inviterRole)) continue;
      const caller = {
        accountId: invitation.invitedBy,
        role: inviterRole,
        ...(grant.partyId ? { party: grant.partyId } : {}),
      };
      const member =
        needsMembership(caller, role) && partyId
          ? await this.registry.memberOf(partyId, caller.party ?? '')
          : false;
      if (!invitationProblem(caller, role, partyId, member)) return true;
    }
    return false;
  }

  private isOperatorMachine(actorId: string): boolean {
    return this.config.staticClients.some(
      (client) =>
        client.role === Role.OPERATOR &&
        (client.grant_types ?? []).includes('client_credentials') &&
        operatorActorId(this.config.issuer, client.client_id) === actorId,
    );
  }
}
