import { Inject, Injectable } from '@nestjs/common';
import { Role } from '#libs/contracts';
import { isEmail, normalizeEmail } from '../../accounts/domain/email.js';
import { isLanguage, type Language } from '../../accounts/domain/language.js';
import { MAIL_THROTTLE } from '../../accounts/domain/throttle.js';
import { AccountStore, throttleKey } from '../../accounts/infrastructure/account.store.js';
import {
  grantProblem,
  GrantsError,
  GrantsErrorCode,
  isRole,
} from '../../grants/domain/grant-rules.js';
import type { GrantCaller } from '../../grants/domain/grant-rules.js';
import { GrantStore } from '../../grants/infrastructure/grant.store.js';
import { RegistryClient } from '../../grants/infrastructure/registry.client.js';
import { IdentityConfig } from '../../identity.config.js';
import { invitationMailText } from '../../mail/invitation-texts.js';
import { MAILER, type Mailer } from '../../mail/mail.port.js';
import {
  INVITER_THROTTLE,
  invitationProblem,
  needsMembership,
} from '../domain/invitation-rules.js';
import type { InvitationEntity } from '../infrastructure/invitation.entity.js';
import { InvitationStore } from '../infrastructure/invitation.store.js';

/** Where an invitation's link leads: the identity app's own page. */
export const INVITATION_PATH = '/account/invitation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Invites an address to a grant: checks who may invite whom (the party's kind fits the role,
 * and the caller's grant allows it), then mails a link (in the invitee's language) that works
 * seven days, once. Asking again for the same address, role and party while it is pending
 * answers the same invitation and mails a fresh link. Each sending counts against the inviter
 * (fifty an hour) and the invited address (the accounts' mail limit): past either, 429.
 */
@Injectable()
export class CreateInvitationHandler {
  constructor(
    private readonly store: InvitationStore,
    private readonly grants: GrantStore,
    private readonly accounts: AccountStore,
    private readonly registry: RegistryClient,
    private readonly config: IdentityConfig,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {}

  async execute(caller: GrantCaller, body: unknown): Promise<InvitationEntity> {
    const input = invitationInput(body);
    if (!caller.role) {
      throw new GrantsError(
        GrantsErrorCode.FORBIDDEN,
        'only the operator, society admins and platform staff invite; act as one of those grants',
      );
    }
    // Refused whatever the registry would say: asked nothing.
    const never = invitationProblem(caller, input.role, input.party, true);
    if (never) throw new GrantsError(GrantsErrorCode.FORBIDDEN, never);
    const party = input.party ? await this.registry.party(input.party) : undefined;
    if (input.party && !party) {
      throw new GrantsError(GrantsErrorCode.NOT_FOUND, `no party ${input.party}`);
    }
    const kindProblem = grantProblem(input.role, party);
    if (kindProblem) throw new GrantsError(GrantsErrorCode.INVALID_REQUEST, kindProblem);
    const member =
      needsMembership(caller, input.role) && party
        ? await this.registry.memberOf(party.id, caller.party ?? '')
        : false;
    const problem = invitationProblem(caller, input.role, party?.id, member);
    if (problem) throw new GrantsError(GrantsErrorCode.FORBIDDEN, problem);

    const inviterGrant = (await this.grants.active(caller.accountId)).find(
      (grant) =>
        grant.role === String(caller.role) && (grant.partyId ?? undefined) === caller.party,
    );
    await this.countSending(caller.accountId, input.email);
    const { invitation, token } = await this.store.send({
      email: input.email,
      role: input.role,
      party,
      invitedBy: caller.accountId,
      inviterRole: caller.role,
      inviterPartyName: inviterGrant?.partyName ?? undefined,
      language: input.language,
    });
    const url = new URL(INVITATION_PATH, new URL(this.config.issuer).origin);
    url.searchParams.set('token', token);
    url.searchParams.set('lang', input.language);
    const language = input.language;
    const mail = invitationMailText(
      language,
      {
        inviter: inviterGrant?.partyName ?? (language === 'ja' ? '運営者' : 'The operator'),
        role: input.role,
        party: party?.name,
      },
      url.href,
    );
    await this.mailer.send({ to: input.email, ...mail, link: url.href });
    return invitation;
  }

  /** Counts one invitation mail against its sender and its address, or refuses it (429). */
  private async countSending(inviterId: string, email: string): Promise<void> {
    const counted = await this.accounts.transaction((store) =>
      store.countAttempt([
        { key: `invitations-sent:${inviterId}`, policy: INVITER_THROTTLE },
        { key: throttleKey('mail', email), policy: MAIL_THROTTLE },
      ]),
    );
    if (counted === 'locked') {
      throw new GrantsError(
        GrantsErrorCode.TOO_MANY_REQUESTS,
        'too many invitations: an inviter sends at most 50 an hour, and an address is mailed at most 5 times an hour; try again in an hour',
      );
    }
  }
}

interface InvitationInput {
  email: string;
  role: Role;
  party?: string;
  language: Language;
}

/** The body as an invitation, or a sentence saying what is wrong. */
function invitationInput(body: unknown): InvitationInput {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const email = typeof fields.email === 'string' ? normalizeEmail(fields.email) : '';
  if (!isEmail(email)) {
    throw new GrantsError(GrantsErrorCode.INVALID_REQUEST, 'email must be an e-mail address');
  }
  if (!isRole(fields.role)) {
    throw new GrantsError(
      GrantsErrorCode.INVALID_REQUEST,
      `role must be one of ${Object.values(Role).join(', ')}`,
    );
  }
  const party = fields.party;
  if (party !== undefined && party !== null && (typeof party !== 'string' || !UUID.test(party))) {
    throw new GrantsError(GrantsErrorCode.INVALID_REQUEST, 'party must be a party id');
  }
  const language = fields.language ?? 'ja';
  if (!isLanguage(language)) {
    throw new GrantsError(GrantsErrorCode.INVALID_REQUEST, 'language must be ja or en');
  }
  return {
    email,
    role: fields.role,
    ...(typeof party === 'string' ? { party } : {}),
    language,
  };
}
