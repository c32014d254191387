import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACCOUNT_PATH } from '../../accounts/application/account-mail.js';
import { isLanguage, type Language } from '../../accounts/domain/language.js';
import type { Actor } from '../../accounts/infrastructure/account.store.js';
import { ACCOUNT_PAGES_CLIENT_ID } from '../../oidc/infrastructure/provider-configuration.js';
import { ACCOUNT_TEXTS, type AccountDone } from '../../pages/account-texts.js';
import { accountPage, type AccountField } from '../../pages/account-views.js';
import { FORM_TOKENS } from '../../pages/form-tokens.provider.js';
import type { FormTokens } from '../../pages/form-token.js';
import {
  PASSKEY_SCRIPT,
  PASSKEY_SCRIPT_PATH,
  WEBAUTHN_LIBRARY_PATH,
} from '../../pages/passkey-views.js';
import { forgetQuery, formOf, languageOf, sendPage } from '../../pages/respond.js';
import { messagePage } from '../../pages/views.js';
import { ConfirmWithPasskey } from '../../passkeys/application/confirm-with-passkey/confirm-with-passkey.js';
import { ManagePasskeys } from '../../passkeys/application/manage-passkeys/manage-passkeys.js';
import { RegisterPasskey } from '../../passkeys/application/register-passkey/register-passkey.js';
import { ChangeLanguage } from '../application/change-language/change-language.js';
import { ChangeMailPreferences } from '../application/change-mail-preferences/change-mail-preferences.js';
import { NOTICE_KINDS } from '../../notices/domain/notice.js';
import { ChangePassword } from '../application/change-password/change-password.js';
import { DeleteAccount } from '../application/delete-account/delete-account.js';
import { PersonalData } from '../application/personal-data/personal-data.js';
import {
  ChangeSignInMethods,
  type ChangeConfirmation,
} from '../application/sign-in-methods/sign-in-methods.js';
import type { AccountProblem } from '../../pages/account-texts.js';
import { fieldOfProblem, problemOf, statusOfProblem } from './account-problems.js';
import { sendExport } from './me.controller.js';
import { SignedIn, type BrowserSession } from './signed-in.js';
import { clientAddressOf } from '../../forwarding/forwarded-headers.js';

/** `@simplewebauthn/browser`'s browser bundle, served by this app (no CDN). */
const WEBAUTHN_LIBRARY = readFileSync(
  path.join(
    path.dirname(createRequire(import.meta.url).resolve('@simplewebauthn/browser')),
    '..',
    'dist',
    'bundle',
    'index.umd.min.js',
  ),
  'utf8',
);

/** The form a use case of the page belongs to (for the field its problem is tied to). */
type PageForm =
  'password' | 'language' | 'notices' | 'passkey' | 'second-factor' | 'delete' | 'other';

const DONE_VALUES: AccountDone[] = [
  'password',
  'language',
  'passkey-added',
  'passkey-renamed',
  'passkey-removed',
  'second-factor',
  'notices',
];

/**
 * The signed-in person's account page (`/account`) and its forms. The person is the one the
 * provider's session in this browser names; without one the page sends them to sign in. Every
 * form carries a token bound to that session; a change answers with a redirect to the page
 * (post, redirect, get), a refusal with the page and the problem tied to its field.
 */
@Controller()
export class AccountController {
  constructor(
    private readonly signedIn: SignedIn,
    private readonly personalData: PersonalData,
    private readonly changePassword: ChangePassword,
    private readonly changeLanguage: ChangeLanguage,
    private readonly changeMailPreferences: ChangeMailPreferences,
    private readonly deleteAccount: DeleteAccount,
    private readonly registerPasskey: RegisterPasskey,
    private readonly managePasskeys: ManagePasskeys,
    private readonly confirmWithPasskey: ConfirmWithPasskey,
    private readonly signInMethods: ChangeSignInMethods,
    @Inject(FORM_TOKENS) private readonly forms: FormTokens,
  ) {}

  @Get(WEBAUTHN_LIBRARY_PATH.slice(1))
  webauthnLibrary(@Res() reply: FastifyReply): FastifyReply {
    return script(reply, WEBAUTHN_LIBRARY);
  }

  @Get(PASSKEY_SCRIPT_PATH.slice(1))
  passkeyScript(@Res() reply: FastifyReply): FastifyReply {
    return script(reply, PASSKEY_SCRIPT);
  }

  @Get(ACCOUNT_PATH.slice(1))
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const session = await this.signedIn.session(request, reply);
    if (!session) return this.toSignIn(request, reply);
    const done = (request.query as Partial<Record<string, unknown>> | undefined)?.done;
    return this.render(request, reply, session, 200, {
      done: DONE_VALUES.find((value) => value === done),
    });
  }

  /** Back from the sign-in: the session is set; the code is not needed (see SignedIn). */
  @Get(`${ACCOUNT_PATH.slice(1)}/callback`)
  callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    // The unused code stays out of the request log.
    forgetQuery(request);
    return this.back(request, reply);
  }

  @Get(`${ACCOUNT_PATH.slice(1)}/export`)
  async export(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const session = await this.signedIn.session(request, reply);
    if (!session) return this.toSignIn(request, reply);
    return sendExport(
      reply,
      await this.personalData.export(session.accountId, this.actor(request)),
    );
  }

  @Post(`${ACCOUNT_PATH.slice(1)}/language`)
  postLanguage(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.act(request, reply, 'language', 'language', (session, form) =>
      this.changeLanguage.execute(session.accountId, form.language ?? '', this.actor(request)),
    );
  }

  /** The notices form: the kinds ticked (a field per kind) and their language. */
  @Post(`${ACCOUNT_PATH.slice(1)}/notices`)
  postNotices(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.act(request, reply, 'notices', 'notices', (session, form) =>
      this.changeMailPreferences.execute(
        session.accountId,
        {
          language: form.noticeLanguage ?? '',
          wanted: NOTICE_KINDS.filter((kind) => form[kind] !== undefined),
        },
        this.actor(request),
      ),
    );
  }

  @Post(`${ACCOUNT_PATH.slice(1)}/password`)
  postPassword(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.act(request, reply, 'password', 'password', (session, form) =>
      this.changePassword.execute(
        {
          accountId: session.accountId,
          current: form.current ?? '',
          password: form.password ?? '',
          keepSession: session.sessionId,
        },
        this.actor(request),
      ),
    );
  }

  @Post(`${ACCOUNT_PATH.slice(1)}/passkeys/options`)
  async passkeyOptions(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const session = await this.signedIn.session(request, reply);
    const form = formOf(request);
    if (!session || !this.forms.valid('account', session.sessionId, form.csrf)) {
      return reply.code(403).send({ statusCode: 403, message: 'sign in and reload the page' });
    }
    const account = await this.personalData.overview(session.accountId);
    const options = await this.registerPasskey.options({
      accountId: session.accountId,
      email: account.account.email,
      sessionId: session.sessionId,
    });
    return reply.header('cache-control', 'no-store').send(options);
  }

  @Post(`${ACCOUNT_PATH.slice(1)}/passkeys`)
  postPasskey(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.act(request, reply, 'passkey', 'passkey-added', async (session, form) => {
      const account = await this.personalData.overview(session.accountId);
      await this.signInMethods.addPasskey(
        {
          accountId: session.accountId,
          email: account.account.email,
          sessionId: session.sessionId,
        },
        { credential: form.credential ?? '', name: form.name ?? '' },
        confirmationOf(session, form),
        this.actor(request),
      );
    });
  }

  @Post(`${ACCOUNT_PATH.slice(1)}/passkeys/:id/rename`)
  postRename(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.act(request, reply, 'other', 'passkey-renamed', (session, form) =>
      this.managePasskeys.rename(session.accountId, id, form.name ?? '', this.actor(request)),
    );
  }

  @Post(`${ACCOUNT_PATH.slice(1)}/passkeys/:id/remove`)
  postRemove(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.act(request, reply, 'other', 'passkey-removed', (session, form) =>
      this.signInMethods.removePasskey(
        session.accountId,
        id,
        confirmationOf(session, form),
        this.actor(request),
      ),
    );
  }

  @Post(`${ACCOUNT_PATH.slice(1)}/second-factor`)
  postSecondFactor(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.act(request, reply, 'second-factor', 'second-factor', (session, form) =>
      this.signInMethods.setSecondFactor(
        session.accountId,
        form.on === 'true',
        confirmationOf(session, form),
        this.actor(request),
      ),
    );
  }

  /** WebAuthn options for confirming with one of the person's passkeys before deleting. */
  @Post(`${ACCOUNT_PATH.slice(1)}/delete/options`)
  async deleteOptions(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const session = await this.signedIn.session(request, reply);
    if (!session || !this.forms.valid('account', session.sessionId, formOf(request).csrf)) {
      return reply.code(403).send({ statusCode: 403, message: 'sign in and reload the page' });
    }
    try {
      const options = await this.confirmWithPasskey.options(session.accountId, session.sessionId);
      return reply.header('cache-control', 'no-store').send(options);
    } catch (error) {
      const problem = problemOf(error);
      if (!problem) throw error;
      const status = statusOfProblem(problem);
      return reply.code(status).send({ statusCode: status, message: problem });
    }
  }

  @Post(`${ACCOUNT_PATH.slice(1)}/delete-with-passkey`)
  async postDeleteWithPasskey(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const result = await this.act(request, reply, 'other', undefined, (session, form) =>
      this.deleteAccount.execute(
        session.accountId,
        { passkey: { sessionId: session.sessionId, credential: form.credential ?? '' } },
        this.actor(request),
      ),
    );
    return result ?? this.deleted(request, reply);
  }

  @Post(`${ACCOUNT_PATH.slice(1)}/sign-out`)
  async postSignOut(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const lang = languageOf(request);
    const result = await this.act(request, reply, 'other', undefined, () =>
      this.signedIn.signOut(request, reply),
    );
    if (result !== undefined) return result;
    const t = ACCOUNT_TEXTS[lang];
    return sendPage(
      reply,
      200,
      messagePage({ lang, here: ACCOUNT_PATH, title: t.signedOutTitle, message: t.signedOutBody }),
    );
  }

  @Post(`${ACCOUNT_PATH.slice(1)}/delete`)
  async postDelete(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const result = await this.act(request, reply, 'delete', undefined, (session, form) =>
      this.deleteAccount.execute(
        session.accountId,
        { password: form.password ?? '' },
        this.actor(request),
      ),
    );
    return result ?? this.deleted(request, reply);
  }

  private deleted(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const lang = languageOf(request);
    const t = ACCOUNT_TEXTS[lang];
    return sendPage(
      reply,
      200,
      messagePage({ lang, here: ACCOUNT_PATH, title: t.deletedTitle, message: t.deletedBody }),
    );
  }

  /**
   * Takes a form of the page: the session's person, the form's token, then the use case; a
   * refusal renders the page with the problem, a success redirects to the page saying so (or,
   * without `done`, answers undefined for the caller to finish).
   */
  private async act(
    request: FastifyRequest,
    reply: FastifyReply,
    pageForm: PageForm,
    done: AccountDone | undefined,
    work: (session: BrowserSession, form: ReturnType<typeof formOf>) => Promise<void>,
  ): Promise<FastifyReply | undefined> {
    const session = await this.signedIn.session(request, reply);
    if (!session) return this.toSignIn(request, reply);
    const form = formOf(request);
    if (!this.forms.valid('account', session.sessionId, form.csrf)) {
      return this.render(request, reply, session, 403, { problem: 'form-expired' });
    }
    try {
      await work(session, form);
    } catch (error) {
      const problem = problemOf(error);
      if (!problem) throw error;
      return this.render(request, reply, session, statusOfProblem(problem), {
        problem,
        field: fieldOfProblem(problem, pageForm),
      });
    }
    return done ? this.back(request, reply, done) : undefined;
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    session: BrowserSession,
    status: number,
    state: { done?: AccountDone; problem?: AccountProblem; field?: AccountField },
  ): Promise<FastifyReply> {
    const overview = await this.personalData.overview(session.accountId);
    const lang = pageLanguage(request, overview.account.language);
    return sendPage(
      reply,
      status,
      accountPage({
        lang,
        here: ACCOUNT_PATH,
        overview,
        csrf: this.forms.issue('account', session.sessionId),
        paths: { base: ACCOUNT_PATH },
        passkeysAvailable: this.registerPasskey.available,
        done: state.done,
        problem: state.problem ? { code: state.problem, field: state.field } : undefined,
      }),
    );
  }

  private back(request: FastifyRequest, reply: FastifyReply, done?: AccountDone): FastifyReply {
    const url = new URL(ACCOUNT_PATH, 'http://page.invalid');
    if (done) url.searchParams.set('done', done);
    const asked = askedLanguage(request);
    if (asked) url.searchParams.set('lang', asked);
    return reply
      .code(303)
      .header('cache-control', 'no-store')
      .redirect(`${url.pathname}${url.search}`, 303);
  }

  private toSignIn(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    return reply
      .code(303)
      .header('cache-control', 'no-store')
      .redirect(this.signedIn.signInUrl(languageOf(request)), 303);
  }

  private actor(request: FastifyRequest): Actor {
    return { clientAddress: clientAddressOf(request), clientId: ACCOUNT_PAGES_CLIENT_ID };
  }
}

/** What confirms a change of how the person signs in: the session's sign-in, or the password. */
function confirmationOf(
  session: BrowserSession,
  form: ReturnType<typeof formOf>,
): ChangeConfirmation {
  return { sessionSignedInAt: session.signedInAt, password: form.confirm ?? '' };
}

/** The language named by the page's `lang` (query or form), if any. */
function askedLanguage(request: FastifyRequest): Language | undefined {
  const query = request.query as Partial<Record<string, unknown>> | undefined;
  const asked = formOf(request).lang ?? query?.lang;
  return isLanguage(asked) ? asked : undefined;
}

/** The account page's language: the one asked for, else the account's own, else the browser's. */
function pageLanguage(request: FastifyRequest, accountLanguage: string): Language {
  return (
    askedLanguage(request) ?? (isLanguage(accountLanguage) ? accountLanguage : languageOf(request))
  );
}

function script(reply: FastifyReply, body: string): FastifyReply {
  return reply
    .header('content-type', 'text/javascript; charset=utf-8')
    .header('cache-control', 'public, max-age=3600')
    .header('x-content-type-options', 'nosniff')
    .send(body);
}
