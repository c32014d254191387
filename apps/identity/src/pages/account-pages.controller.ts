import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RESET_PATH, VERIFY_PATH } from '../accounts/application/account-mail.js';
import { ResetPassword } from '../accounts/application/reset-password/reset-password.js';
import { VerifyEmail } from '../accounts/application/verify-email/verify-email.js';
import { AccountError } from '../accounts/domain/account-error.js';
import type { Language } from '../accounts/domain/language.js';
import type { FormTokens } from './form-token.js';
import { FORM_TOKENS } from './form-tokens.provider.js';
import { STYLE_PATH, STYLE_SHEET } from './html.js';
import { statusOf } from './problem-status.js';
import { forgetQuery, formOf, languageOf, sendPage } from './respond.js';
import { TEXTS } from './texts.js';
import { messagePage, problemPage, resetPage, verifyPage } from './views.js';
import { clientAddressOf } from '../forwarding/forwarded-headers.js';

/**
 * The pages mailed links open: confirm an address, choose a new password. Opening a link uses
 * nothing up (mail scanners fetch links); the button on the page does. The token never reaches
 * the log: the request line names the path only.
 */
@Controller()
export class AccountPagesController {
  constructor(
    private readonly verifyEmail: VerifyEmail,
    private readonly resetPassword: ResetPassword,
    @Inject(FORM_TOKENS) private readonly forms: FormTokens,
  ) {}

  @Get(STYLE_PATH.slice(1))
  style(@Res() reply: FastifyReply): FastifyReply {
    return reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(STYLE_SHEET);
  }

  @Get(VERIFY_PATH.slice(1))
  async verifyForm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const token = this.tokenOf(request);
    forgetQuery(request);
    const lang = languageOf(request);
    const here = `${VERIFY_PATH}?token=${encodeURIComponent(token)}`;
    const state = await this.verifyEmail.state(token);
    if (state === 'invalid') {
      return sendPage(reply, 410, problemPage({ lang, here, problem: 'link-invalid' }));
    }
    if (state === 'done') return this.verified(reply, lang, here);
    return sendPage(
      reply,
      200,
      verifyPage({
        lang,
        here,
        action: VERIFY_PATH,
        token,
        csrf: this.forms.issue('verify', token),
      }),
    );
  }

  @Post(VERIFY_PATH.slice(1))
  async verify(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(request);
    const token = form.token ?? '';
    const lang = languageOf(request);
    const here = VERIFY_PATH;
    if (!this.forms.valid('verify', token, form.csrf)) {
      return sendPage(reply, 403, problemPage({ lang, here, problem: 'form-expired' }));
    }
    try {
      await this.verifyEmail.execute(token, { clientAddress: clientAddressOf(request) });
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      return sendPage(
        reply,
        statusOf(error.code),
        problemPage({ lang, here, problem: error.code }),
      );
    }
    return this.verified(reply, lang, here);
  }

  private verified(reply: FastifyReply, lang: Language, here: string): FastifyReply {
    const t = TEXTS[lang];
    return sendPage(
      reply,
      200,
      messagePage({ lang, here, title: t.verifiedTitle, message: t.verifiedBody }),
    );
  }

  @Get(RESET_PATH.slice(1))
  async resetForm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const token = this.tokenOf(request);
    forgetQuery(request);
    const lang = languageOf(request);
    const here = `${RESET_PATH}?token=${encodeURIComponent(token)}`;
    if (!(await this.resetPassword.usable(token))) {
      return sendPage(reply, 410, problemPage({ lang, here, problem: 'link-invalid' }));
    }
    return sendPage(
      reply,
      200,
      resetPage({ lang, here, action: RESET_PATH, token, csrf: this.forms.issue('reset', token) }),
    );
  }

  @Post(RESET_PATH.slice(1))
  async reset(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(request);
    const token = form.token ?? '';
    const lang = languageOf(request);
    const here = `${RESET_PATH}?token=${encodeURIComponent(token)}`;
    const csrf = this.forms.issue('reset', token);
    if (!this.forms.valid('reset', token, form.csrf)) {
      return sendPage(reply, 403, problemPage({ lang, here: RESET_PATH, problem: 'form-expired' }));
    }
    try {
      await this.resetPassword.execute(
        { token, password: form.password ?? '' },
        { clientAddress: clientAddressOf(request) },
      );
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      if (error.code === 'link-invalid') {
        return sendPage(reply, 410, problemPage({ lang, here: RESET_PATH, problem: error.code }));
      }
      return sendPage(
        reply,
        statusOf(error.code),
        resetPage({ lang, here, action: RESET_PATH, token, csrf, problem: error.code }),
      );
    }
    const t = TEXTS[lang];
    return sendPage(
      reply,
      200,
      messagePage({ lang, here: RESET_PATH, title: t.resetDoneTitle, message: t.resetDoneBody }),
    );
  }

  private tokenOf(request: FastifyRequest): string {
    const token = (request.query as Partial<Record<string, unknown>> | undefined)?.token;
    return typeof token === 'string' ? token : '';
  }
}
