import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountError } from '../../accounts/domain/account-error.js';
import { GrantsError, GrantsErrorCode } from '../../grants/domain/grant-rules.js';
import type { Language } from '../../accounts/domain/language.js';
import type { FormTokens } from '../../pages/form-token.js';
import { FORM_TOKENS } from '../../pages/form-tokens.provider.js';
import { GRANT_TEXTS } from '../../pages/grant-texts.js';
import { invitationPage } from '../../pages/grant-views.js';
import { statusOf } from '../../pages/problem-status.js';
import { forgetQuery, formOf, languageOf, sendPage } from '../../pages/respond.js';
import type { FormProblem } from '../../pages/texts.js';
import { messagePage, problemPage } from '../../pages/views.js';
import { INVITATION_PATH } from '../create-invitation/create-invitation.handler.js';
import type { InvitationEntity } from '../infrastructure/invitation.entity.js';
import { AcceptInvitation, PasskeyRequiredError } from './accept-invitation.js';
import { clientAddressOf } from '../../forwarding/forwarded-headers.js';

/**
 * The page an invitation's link opens (`/account/invitation?token=...`): who invites to what;
 * the invitee signs in with the invited address's password, or chooses one for a new account,
 * and accepts. Opening the link uses nothing up; the button does. The token never reaches the
 * log.
 */
@Controller()
export class InvitationPageController {
  constructor(
    private readonly accept: AcceptInvitation,
    @Inject(FORM_TOKENS) private readonly forms: FormTokens,
  ) {}

  @Get(INVITATION_PATH.slice(1))
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const query = request.query as Partial<Record<string, unknown>>;
    const token = typeof query.token === 'string' ? query.token : '';
    forgetQuery(request);
    const lang = languageOf(request);
    const invitation = token ? await this.accept.pending(token) : undefined;
    if (!invitation) {
      return sendPage(
        reply,
        410,
        problemPage({ lang, here: INVITATION_PATH, problem: 'link-invalid' }),
      );
    }
    return this.render(reply, lang, token, invitation, 200);
  }

  @Post(INVITATION_PATH.slice(1))
  async post(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(request);
    const token = form.token ?? '';
    const lang = languageOf(request);
    const invitation = token ? await this.accept.pending(token) : undefined;
    if (!invitation) {
      return sendPage(
        reply,
        410,
        problemPage({ lang, here: INVITATION_PATH, problem: 'link-invalid' }),
      );
    }
    if (!this.forms.valid('invitation', token, form.csrf)) {
      return this.render(reply, lang, token, invitation, 403, 'form-expired');
    }
    let accepted: InvitationEntity;
    try {
      accepted = await this.accept.execute(token, form.password ?? '', {
        clientAddress: clientAddressOf(request),
      });
    } catch (error) {
      // The registry answers whether the inviter's society still has the party as a member.
      const unavailable =
        error instanceof GrantsError && error.code === GrantsErrorCode.UNAVAILABLE;
      if (error instanceof PasskeyRequiredError || unavailable) {
        const t = GRANT_TEXTS[lang];
        return sendPage(
          reply,
          unavailable ? 503 : 403,
          messagePage({
            lang,
            here: INVITATION_PATH,
            title: t.invitationTitle,
            message: unavailable ? t.invitationTryLater : t.invitationNeedsPasskey,
          }),
        );
      }
      if (!(error instanceof AccountError)) throw error;
      return this.render(reply, lang, token, invitation, statusOf(error.code), error.code);
    }
    const t = GRANT_TEXTS[lang];
    return sendPage(
      reply,
      200,
      messagePage({
        lang,
        here: INVITATION_PATH,
        title: t.invitationAcceptedTitle,
        message: t.invitationAccepted(
          t.what(t.roles[accepted.role] ?? accepted.role, accepted.partyName ?? undefined),
        ),
      }),
    );
  }

  private render(
    reply: FastifyReply,
    lang: Language,
    token: string,
    invitation: InvitationEntity,
    status: number,
    problem?: FormProblem,
  ): FastifyReply {
    return sendPage(
      reply,
      status,
      invitationPage({
        lang,
        here: `${INVITATION_PATH}?token=${encodeURIComponent(token)}`,
        action: INVITATION_PATH,
        csrf: this.forms.issue('invitation', token),
        token,
        invitation: {
          inviterRole: invitation.inviterRole,
          inviterPartyName: invitation.inviterPartyName ?? undefined,
          role: invitation.role,
          partyName: invitation.partyName ?? undefined,
          email: invitation.email,
        },
        problem,
      }),
    );
  }
}
