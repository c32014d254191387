import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { chooseLanguage, type Language } from '../../accounts/domain/language.js';
import type { DeviceProblem } from '../../pages/device-texts.js';
import {
  deviceSuccessPage,
  userCodeConfirmPage,
  userCodeInputPage,
} from '../../pages/device-views.js';
import { PAGE_CSP } from '../../pages/html.js';

type DeviceFlowFeature = NonNullable<NonNullable<Configuration['features']>['deviceFlow']>;

/** Lifetime of a device code and its user code (RFC 8628 §3.2 `expires_in`). */
export const DEVICE_CODE_TTL_SECONDS = 600;

/**
 * The device authorization grant (RFC 8628) with the identity app's own pages: the person
 * types the code on `<issuer>/device`, confirms it, signs in through the usual interaction and
 * gets the success page. User codes are eight letters of the provider's `base-20` alphabet (no
 * vowels nor look-alike letters, about 34 bits), shown as `XXXX-XXXX`; case and hyphen do not
 * matter when typed.
 */
export function deviceFlowFeature(): DeviceFlowFeature {
  return {
    enabled: true,
    charset: 'base-20',
    mask: '****-****',
    userCodeInputSource: (ctx, _form, _out, error) => {
      const lang = languageOf(ctx);
      send(
        ctx,
        userCodeInputPage({
          lang,
          here: actionOf(ctx),
          action: actionOf(ctx),
          xsrf: xsrfOf(ctx),
          userCode: (error as { userCode?: string } | undefined)?.userCode,
          problem: error && problemOf(error),
        }),
      );
      return Promise.resolve();
    },
    userCodeConfirmSource: (ctx, _form, client, _deviceInfo, userCode) => {
      send(
        ctx,
        userCodeConfirmPage({
          lang: languageOf(ctx),
          here: actionOf(ctx),
          action: actionOf(ctx),
          xsrf: xsrfOf(ctx),
          client: client.clientName ?? client.clientId,
          userCode,
        }),
      );
      return Promise.resolve();
    },
    successSource: (ctx) => {
      send(ctx, deviceSuccessPage({ lang: languageOf(ctx), here: actionOf(ctx) }));
      return Promise.resolve();
    },
  };
}

/** What the input page says for an error of the provider's device pages. */
export function problemOf(error: Error): DeviceProblem {
  switch (error.name) {
    case 'NoCodeError':
      return 'code-missing';
    case 'NotFoundError':
      return 'code-unknown';
    case 'ExpiredError':
      return 'code-expired';
    case 'AlreadyUsedError':
      return 'code-used';
    case 'AbortedError':
      return 'aborted';
    default:
      return 'failed';
  }
}

function send(ctx: KoaContextWithOIDC, page: string): void {
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('content-security-policy', PAGE_CSP);
  ctx.set('cache-control', 'no-store');
  ctx.body = page;
}

/** The page's language: `lang` of the form or query, else Accept-Language, else Japanese. */
function languageOf(ctx: KoaContextWithOIDC): Language {
  const body = (ctx.oidc as { body?: Record<string, unknown> }).body;
  return chooseLanguage(body?.lang ?? ctx.query.lang, ctx.get('accept-language'));
}

/**
 * The code verification endpoint: where every device page posts, and the address of their
 * language switch (the code entry page; a code typed is not carried over).
 */
function actionOf(ctx: KoaContextWithOIDC): string {
  return new URL(ctx.oidc.urlFor('code_verification')).pathname;
}

/** The provider's form token of this browser's session (its `xsrf` check). */
function xsrfOf(ctx: KoaContextWithOIDC): string {
  const state = ctx.oidc.session?.state as { secret?: string } | undefined;
  return state?.secret ?? '';
}
