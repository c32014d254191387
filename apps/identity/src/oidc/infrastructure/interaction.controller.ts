import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { InteractionResults } from 'oidc-provider';
import { ForgotPassword } from '../../accounts/application/forgot-password/forgot-password.js';
import { SignIn } from '../../accounts/application/sign-in/sign-in.js';
import { SignUp } from '../../accounts/application/sign-up/sign-up.js';
import { AccountError } from '../../accounts/domain/account-error.js';
import { FORM_TOKENS } from '../../pages/form-tokens.provider.js';
import type { FormTokens } from '../../pages/form-token.js';
import { statusOf } from '../../pages/problem-status.js';
import { formOf, languageOf, sendPage } from '../../pages/respond.js';
import { TEXTS, type FormProblem } from '../../pages/texts.js';
import {
  consentPage,
  forgotPage,
  messagePage,
  problemPage,
  signInPage,
  signUpPage,
} from '../../pages/views.js';
import { PasskeySignIn } from '../../passkeys/application/passkey-sign-in/passkey-sign-in.js';
import { ChallengePurpose, PasskeyError } from '../../passkeys/domain/passkey-rules.js';
import { secondFactorPage } from '../../pages/second-factor-view.js';
import { ActingGrants } from '../../grants/act-as/acting-grants.js';
import type { GrantEntity } from '../../grants/infrastructure/grant.entity.js';
import type { GrantProblem } from '../../pages/grant-texts.js';
import { actAsPage } from '../../pages/grant-views.js';
import { OidcProviderHost } from './oidc-provider.host.js';
import { INTERACTION_PATH } from './provider-configuration.js';
import { clientAddressOf } from '../../forwarding/forwarded-headers.js';

type Details = Awaited<ReturnType<OidcProviderHost['current']['interactionDetails']>>;

/**
 * Where the provider sends a browser to sign in or consent: the sign-in, sign-up, forgotten
 * password and consent pages of one interaction (`/interaction/:uid/...`). Every form carries
 * a token bound to the interaction's uid and is taken only with the interaction's own cookie;
 * a finished step goes back to the provider with `interactionResult`.
 */
/** The first of the client's `ui_locales` the pages speak, if any. */
function hintedLanguage(uiLocales: unknown): 'ja' | 'en' | undefined {
  if (typeof uiLocales !== 'string') return undefined;
  for (const tag of uiLocales.split(' ')) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ja' || primary === 'en') return primary;
  }
  return undefined;
}

@Controller(INTERACTION_PATH.slice(1))
export class InteractionController {
  constructor(
    private readonly host: OidcProviderHost,
    private readonly signIn: SignIn,
    private readonly signUp: SignUp,
    private readonly forgotPassword: ForgotPassword,
    @Inject(FORM_TOKENS) private readonly forms: FormTokens,
    private readonly passkeySignIn: PasskeySignIn,
    private readonly actingGrants: ActingGrants,
  ) {}

  @Get(':uid')
  async start(
    @Param('uid') uid: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const details = await this.details(uid, request, reply);
    if (!details) return this.expired(request, reply);
    if (details.prompt.name === 'consent') return this.consent(uid, details, request, reply);
    // A client may say which language its person reads (ui_locales) and that they come to
    // create an account (screen_hint=sign-up, as the portal's "Create an account" does).
    const query = request.query as Partial<Record<string, unknown>> | undefined;
    const hinted = hintedLanguage(details.params.ui_locales);
    const signUp = details.params.screen_hint === 'sign-up';
    // Only on arrival from the provider: the pages' own links carry `lang`.
    if (!query?.lang && (hinted || signUp)) {
      return reply.redirect(this.path(uid, signUp ? 'sign-up' : '', hinted), 303);
    }
    return this.signInForm(uid, request, reply, 200);
  }

  @Post(':uid/sign-in')
  async postSignIn(
    @Param('uid') uid: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const details = await this.details(uid, request, reply);
    if (!details) return this.expired(request, reply);
    const form = formOf(request);
    if (!this.forms.valid('sign-in', uid, form.csrf)) {
      return this.signInForm(uid, request, reply, 403, 'form-expired', form.email);
    }
    let accountId: string;
    try {
      const checked = await this.signIn.withPassword(
        { email: form.email ?? '', password: form.password ?? '' },
        { clientAddress: clientAddressOf(request), clientId: clientIdOf(details) },
        (id) => this.passkeySignIn.secondFactorRequired(id),
      );
      accountId = checked.accountId;
      if (checked.secondFactorPending) {
        await this.passkeySignIn.startSecondFactor(uid, accountId);
        return this.secondFactorForm(uid, request, reply, 200);
      }
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      return this.signInForm(uid, request, reply, statusOf(error.code), error.code, form.email);
    }
    return this.signedIn(uid, { accountId, amr: ['pwd'] }, request, reply);
  }

  /** WebAuthn options for signing in with a passkey alone (any account's, discoverable). */
  @Post(':uid/passkey/options')
  postPasskeyOptions(
    @Param('uid') uid: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.passkeyOptions(uid, ChallengePurpose.SIGN_IN, request, reply);
  }

  @Post(':uid/passkey')
  postPasskey(
    @Param('uid') uid: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.passkeyStep(uid, ChallengePurpose.SIGN_IN, ['hwk', 'user'], request, reply);
  }

  /** WebAuthn options for the second factor: only the passkeys of the account just checked. */
  @Post(':uid/second-factor/options')
  postSecondFactorOptions(
    @Param('uid') uid: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.passkeyOptions(uid, ChallengePurpose.SECOND_FACTOR, request, reply);
  }

  @Post(':uid/second-factor')
  postSecondFactor(
    @Param('uid') uid: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.passkeyStep(
      uid,
      ChallengePurpose.SECOND_FACTOR,
      ['pwd', 'hwk', 'mfa'],
      request,
      reply,
    );
  }

  /**
   * A passkey's answer, alone or as the second factor (each with its own form token and
   * challenge). A failure starts the sign-in again: the second factor is asked once.
   */
  private async passkeyStep(
    uid: string,
    purpose: ChallengePurpose.SIGN_IN | ChallengePurpose.SECOND_FACTOR,
    amr: string[],
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const details = await this.details(uid, request, reply);
    if (!details) return this.expired(request, reply);
    const form = formOf(request);
    const formName = purpose === ChallengePurpose.SIGN_IN ? 'sign-in' : 'second-factor';
    if (!this.forms.valid(formName, uid, form.csrf)) {
      return this.signInForm(uid, request, reply, 403, 'form-expired');
    }
    try {
      const accountId = await this.passkeySignIn.execute(uid, purpose, form.credential ?? '', {
        clientAddress: clientAddressOf(request),
        clientId: clientIdOf(details),
      });
      return await this.signedIn(uid, { accountId, amr }, request, reply);
    } catch (error) {
      if (!(error instanceof PasskeyError)) throw error;
      return this.signInForm(uid, request, reply, 400, 'passkey-failed');
    }
  }

  @Get(':uid/sign-up')
  async signUpForm(
    @Param('uid') uid: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    if (!(await this.details(uid, request, reply))) return this.expired(request, reply);
    return this.renderSignUp(uid, request, reply, 200);
  }

  @Post(':uid/sign-up')
  async postSignUp(
    @Param('uid') uid: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const details = await this.details(uid, request, reply);
    if (!details) return this.expired(request, reply);
    const form = formOf(request);
    const lang = languageOf(request);
    if (!this.forms.valid('sign-up', uid, form.csrf)) {
      return this.renderSignUp(uid, request, reply, 403, 'form-expired', form.email);
    }
    try {
      await this.signUp.execute(
        { email: form.email ?? '', password: form.password ?? '', language: lang },
        { clientAddress: clientAddressOf(request), clientId: clientIdOf(details) },
      );
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      return this.renderSignUp(uid, request, reply, statusOf(error.code), error.code, form.email);
    }
    const t = TEXTS[lang];
    return sendPage(
      reply,
      200,
      messagePage({
        lang,
        here: this.path(uid, 'sign-up'),
        title: t.checkMailTitle,
        message: t.checkMailSignUp,
        backHref: this.path(uid, '', lang),
      }),
    );
  }

  @Get(':uid/forgot')
  async forgotForm(
    @Param('uid') uid: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    if (!(await this.details(uid, request, reply))) return this.expired(request, reply);
    return this.renderForgot(uid, request, reply, 200);
  }

  @Post(':uid/forgot')
  async postForgot(
    @Param('uid') uid: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const details = await this.details(uid, request, reply);
    if (!details) return this.expired(request, reply);
    const form = formOf(request);
    const lang = languageOf(request);
    if (!this.forms.valid('forgot', uid, form.csrf)) {
      return this.renderForgot(uid, request, reply, 403, 'form-expired', form.email);
    }
    try {
      await this.forgotPassword.execute(
        { email: form.email ?? '' },
        { clientAddress: clientAddressOf(request), clientId: clientIdOf(details) },
      );
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      return this.renderForgot(uid, request, reply, statusOf(error.code), error.code, form.email);
    }
    const t = TEXTS[lang];
    return sendPage(
      reply,
      200,
      messagePage({
        lang,
        here: this.path(uid, 'forgot'),
        title: t.checkMailTitle,
        message: t.checkMailForgot,
        backHref: this.path(uid, '', lang),
      }),
    );
  }

  @Post(':uid/consent')
  async postConsent(
    @Param('uid') uid: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const details = await this.details(uid, request, reply);
    if (!details || details.prompt.name !== 'consent' || !details.session?.accountId) {
      return this.expired(request, reply);
    }
    if (!this.forms.valid('consent', uid, formOf(request).csrf)) {
      return this.consent(uid, details, request, reply, 403);
    }
    const provider = this.host.current;
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({
          accountId: details.session.accountId,
          clientId: clientIdOf(details),
        });
    if (!grant) return this.expired(request, reply);
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    return this.finish(request, reply, { consent: details.grantId ? {} : { grantId } });
  }

  @Post(':uid/deny')
  async postDeny(
    @Param('uid') uid: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const details = await this.details(uid, request, reply);
    if (!details) return this.expired(request, reply);
    if (!this.forms.valid('consent', uid, formOf(request).csrf)) {
      return this.consent(uid, details, request, reply, 403);
    }
    return this.finish(request, reply, {
      error: 'access_denied',
      error_description: 'the person did not allow access',
    });
  }

  /**
   * After sign-in: a person holding several grants chooses the one to act as (the account is
   * kept in the interaction meanwhile); with one grant or none the sign-in finishes at once.
   */
  private async signedIn(
    uid: string,
    login: { accountId: string; amr: string[] },
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const held = await this.actingGrants.held(login.accountId);
    if (held.length < 2) return this.finish(request, reply, { login });
    await this.host.current.interactionResult(
      request.raw,
      reply.raw,
      { login },
      { mergeWithLastSubmission: false },
    );
    return this.renderActAs(uid, held, request, reply, 200);
  }

  @Get(':uid/act-as')
  async actAsForm(
    @Param('uid') uid: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const accountId = signedInAccount(await this.details(uid, request, reply));
    if (!accountId) return this.expired(request, reply);
    return this.renderActAs(uid, await this.actingGrants.held(accountId), request, reply, 200);
  }

  /**
   * The chosen grant: recorded for the provider grant of this sign-in (the one the session has
   * for the client when it is the same person's, else a new one), so its tokens and their
   * refreshes act as it; then the sign-in finishes.
   */
  @Post(':uid/act-as')
  async postActAs(
    @Param('uid') uid: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const details = await this.details(uid, request, reply);
    const accountId = signedInAccount(details);
    if (!details || !accountId) return this.expired(request, reply);
    const form = formOf(request);
    const held = await this.actingGrants.held(accountId);
    if (!this.forms.valid('act-as', uid, form.csrf)) {
      return this.renderActAs(uid, held, request, reply, 403, 'form-expired');
    }
    const chosen = held.find(({ id }) => id === form.grant);
    if (!chosen) return this.renderActAs(uid, held, request, reply, 404, 'grant-not-held');
    const provider = this.host.current;
    const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
    const same = existing?.accountId === accountId ? existing : undefined;
    const oidcGrantId =
      same?.jti ?? (await new provider.Grant({ accountId, clientId: clientIdOf(details) }).save());
    await this.actingGrants.choose(accountId, oidcGrantId, chosen.id);
    // The sign-in as it was made (with how: password, passkey, both).
    const login = { ...(details.result?.login as object | undefined), accountId };
    return this.finish(
      request,
      reply,
      same ? { login } : { login, consent: { grantId: oidcGrantId } },
    );
  }

  private renderActAs(
    uid: string,
    held: GrantEntity[],
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    problem?: GrantProblem,
  ): FastifyReply {
    const lang = languageOf(request);
    return sendPage(
      reply,
      status,
      actAsPage({
        lang,
        here: this.path(uid, 'act-as'),
        action: this.path(uid, 'act-as'),
        csrf: this.forms.issue('act-as', uid),
        grants: held.map((grant) => ({
          id: grant.id,
          role: grant.role,
          partyName: grant.partyName ?? undefined,
        })),
        problem,
      }),
    );
  }

  /**
   * The interaction of this page, when this browser is in it (the provider's interaction
   * cookie names it); undefined when it has ended or belongs to another browser.
   */
  private async details(
    uid: string,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<Details | undefined> {
    try {
      const details = await this.host.current.interactionDetails(request.raw, reply.raw);
      return details.uid === uid ? details : undefined;
    } catch {
      return undefined;
    }
  }

  private async finish(
    request: FastifyRequest,
    reply: FastifyReply,
    result: InteractionResults,
  ): Promise<FastifyReply> {
    const returnTo = await this.host.current.interactionResult(request.raw, reply.raw, result, {
      mergeWithLastSubmission: false,
    });
    return reply.code(303).header('cache-control', 'no-store').redirect(returnTo, 303);
  }

  private expired(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const lang = languageOf(request);
    const here = request.url.split('?')[0] ?? '/';
    return sendPage(reply, 410, problemPage({ lang, here, problem: 'interaction-expired' }));
  }

  private path(uid: string, step: string, lang?: string): string {
    const base = `${INTERACTION_PATH}/${encodeURIComponent(uid)}${step ? `/${step}` : ''}`;
    return lang ? `${base}?lang=${lang}` : base;
  }

  private async passkeyOptions(
    uid: string,
    purpose: ChallengePurpose.SIGN_IN | ChallengePurpose.SECOND_FACTOR,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const form = formOf(request);
    const formName = purpose === ChallengePurpose.SIGN_IN ? 'sign-in' : 'second-factor';
    if (!(await this.details(uid, request, reply)) || !this.forms.valid(formName, uid, form.csrf)) {
      return reply.code(403).send({ statusCode: 403, message: 'this sign-in has expired' });
    }
    try {
      const options = await this.passkeySignIn.options(uid, purpose);
      return reply.header('cache-control', 'no-store').send(options);
    } catch (error) {
      if (!(error instanceof PasskeyError)) throw error;
      return reply.code(400).send({ statusCode: 400, message: 'sign in with the password first' });
    }
  }

  private secondFactorForm(
    uid: string,
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
  ): FastifyReply {
    return sendPage(
      reply,
      status,
      secondFactorPage({
        lang: languageOf(request),
        here: this.path(uid, ''),
        action: this.path(uid, 'second-factor'),
        optionsAction: this.path(uid, 'second-factor/options'),
        csrf: this.forms.issue('second-factor', uid),
      }),
    );
  }

  private signInForm(
    uid: string,
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    problem?: FormProblem,
    email?: string,
  ): FastifyReply {
    const lang = languageOf(request);
    return sendPage(
      reply,
      status,
      signInPage({
        lang,
        here: this.path(uid, ''),
        action: this.path(uid, 'sign-in'),
        csrf: this.forms.issue('sign-in', uid),
        problem,
        email,
        signUpHref: this.path(uid, 'sign-up', lang),
        forgotHref: this.path(uid, 'forgot', lang),
        passkey: this.passkeySignIn.available
          ? { action: this.path(uid, 'passkey'), optionsAction: this.path(uid, 'passkey/options') }
          : undefined,
      }),
    );
  }

  private renderSignUp(
    uid: string,
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    problem?: FormProblem,
    email?: string,
  ): FastifyReply {
    const lang = languageOf(request);
    return sendPage(
      reply,
      status,
      signUpPage({
        lang,
        here: this.path(uid, 'sign-up'),
        action: this.path(uid, 'sign-up'),
        csrf: this.forms.issue('sign-up', uid),
        problem,
        email,
        signInHref: this.path(uid, '', lang),
      }),
    );
  }

  private renderForgot(
    uid: string,
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    problem?: FormProblem,
    email?: string,
  ): FastifyReply {
    const lang = languageOf(request);
    return sendPage(
      reply,
      status,
      forgotPage({
        lang,
        here: this.path(uid, 'forgot'),
        action: this.path(uid, 'forgot'),
        csrf: this.forms.issue('forgot', uid),
        problem,
        email,
        signInHref: this.path(uid, '', lang),
      }),
    );
  }

  private consent(
    uid: string,
    details: Details,
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
  ): FastifyReply {
    const lang = languageOf(request);
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    const scopes = [
      ...new Set([
        ...(missing.missingOIDCScope ?? []),
        ...Object.values(missing.missingResourceScopes ?? {}).flat(),
      ]),
    ];
    return sendPage(
      reply,
      status,
      consentPage({
        lang,
        here: this.path(uid, ''),
        action: this.path(uid, 'consent'),
        denyAction: this.path(uid, 'deny'),
        csrf: this.forms.issue('consent', uid),
        problem: status === 403 ? 'form-expired' : undefined,
        client: clientIdOf(details) ?? '',
        scopes,
      }),
    );
  }
}

function clientIdOf(details: Details): string | undefined {
  const clientId = details.params.client_id;
  return typeof clientId === 'string' ? clientId : undefined;
}

/** The account a sign-in of this interaction was for, kept while its grant is chosen. */
function signedInAccount(details: Details | undefined): string | undefined {
  const login = details?.result?.login as { accountId?: unknown } | undefined;
  return typeof login?.accountId === 'string' ? login.accountId : undefined;
}
