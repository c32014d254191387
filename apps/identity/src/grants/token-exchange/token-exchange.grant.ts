import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import {
  errors,
  type default as Provider,
  type ResourceServer,
  type TokenEndpointGrantContext,
} from 'oidc-provider';

/** RFC 8693 token exchange, as a grant type of the token endpoint. */
export const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
const REFRESH_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:refresh_token';
/** The parameter naming the grant (account × party × role) the new token acts as. */
export const ACTING_GRANT_PARAMETER = 'acting_grant';

const CHOSEN = Symbol('chosen grant');
const SUBJECT_AUTH_TIME = Symbol('auth time of the subject token');

/** The grant an exchanged token was asked for (read by the token claims), if any. */
export function chosenGrantOf(token: object): string | undefined {
  return (token as { [CHOSEN]?: string })[CHOSEN];
}

/** When the person signed in for the subject of an exchanged token (read by the claims). */
export function exchangedAuthTimeOf(token: object): number | undefined {
  return (token as { [SUBJECT_AUTH_TIME]?: number })[SUBJECT_AUTH_TIME];
}

/**
 * The private claims a person's access token carries besides its role and party: the provider
 * grant behind it (`grant_id`, checked when the token is exchanged), when the person signed in
 * (`auth_time`), and whether it was itself made by an exchange (`exchanged`).
 */
export const GRANT_ID_CLAIM = 'grant_id';
export const EXCHANGED_CLAIM = 'exchanged';

export interface TokenExchangeSettings {
  issuer: string;
  resource: string;
  resourceServer: ResourceServer;
  /** The provider's published keys (they verify subject access tokens). */
  publicKeys: JWK[];
  /** Whether the account holds the grant, not taken back. */
  holds(accountId: string, grantId: string): Promise<boolean>;
  /** Makes the provider grant's later tokens (refreshes) act as the grant. */
  choose(accountId: string, oidcGrantId: string, grantId: string): Promise<void>;
  /** When the account's password last changed; undefined for no such account. */
  passwordChangedAt(accountId: string): Promise<Date | undefined>;
}

type Params = {
  subject_token?: string;
  subject_token_type?: string;
  acting_grant?: string;
};

/**
 * Registers token exchange: a person's client presents the person's access or refresh token
 * (`subject_token`, `subject_token_type`) and names one of the person's grants
 * (`acting_grant`); the answer is an access token acting as that grant. With a refresh token
 * the sign-in itself switches: its next refreshes keep acting as the grant. An access token
 * counts only while the sign-in behind it lasts (its provider grant, named by `grant_id`, is
 * not revoked or signed out), if it was not itself exchanged and was issued after the
 * password's last change; the new token expires when the subject does, so an access token
 * never renews itself. A grant the person does not hold (or no longer), or a subject refused,
 * is `invalid_grant` with a sentence.
 */
export function registerTokenExchange(provider: Provider, settings: TokenExchangeSettings): void {
  const publicKeys = createLocalJWKSet({ keys: settings.publicKeys });
  provider.registerGrantType<Params>(
    TOKEN_EXCHANGE,
    async (ctx: TokenEndpointGrantContext<Params>) => {
      const {
        subject_token: subject,
        subject_token_type: type,
        acting_grant: grantId,
      } = ctx.oidc.params;
      if (!subject || !type || !grantId) {
        throw new errors.InvalidRequest(
          'token exchange needs subject_token, subject_token_type and acting_grant',
        );
      }
      const { client } = ctx.oidc;
      const apiScope = settings.resourceServer.scope;
      let accountId: string;
      let oidcGrant: { grantId?: string; sessionUid?: string; sid?: string };
      let authTime: number | undefined;
      // An access token's new token ends with it; a refresh token's lasts the usual time.
      let notAfter: number | undefined;
      if (type === REFRESH_TOKEN_TYPE) {
        const refresh = await provider.RefreshToken.find(subject, { ignoreExpiration: false });
        if (
          !refresh ||
          refresh.isExpired ||
          refresh.consumed ||
          refresh.clientId !== client.clientId ||
          !refresh.accountId ||
          !refresh.grantId
        ) {
          throw invalidGrant('the subject token is not a live refresh token of this client');
        }
        const grant = await provider.Grant.find(refresh.grantId);
        if (!grant) {
          throw invalidGrant('the subject token is not a live refresh token of this client');
        }
        if (!grant.getResourceScopeFiltered(settings.resource, [apiScope])) {
          throw invalidGrant(
            `the sign-in of the subject token did not allow the ${apiScope} scope`,
          );
        }
        accountId = refresh.accountId;
        oidcGrant = { grantId: refresh.grantId, sessionUid: refresh.sessionUid, sid: refresh.sid };
        authTime = refresh.authTime;
      } else if (type === ACCESS_TOKEN_TYPE) {
        const payload = await jwtVerify(subject, publicKeys, {
          issuer: settings.issuer,
          audience: settings.resource,
          typ: 'at+jwt',
          algorithms: ['ES256'],
        }).then(
          ({ payload }) => payload,
          () => undefined,
        );
        if (!payload?.sub || payload.client_id !== client.clientId) {
          throw invalidGrant('the subject token is not a live access token of this client');
        }
        const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
        if (!scopes.includes(apiScope)) {
          throw invalidGrant(`the subject token does not carry the ${apiScope} scope`);
        }
        if (payload[EXCHANGED_CLAIM] === true) {
          throw invalidGrant(
            'the subject token was itself made by a token exchange: exchange the refresh token or sign in again',
          );
        }
        const subjectGrant = payload[GRANT_ID_CLAIM];
        const grant =
          typeof subjectGrant === 'string' ? await provider.Grant.find(subjectGrant) : undefined;
        if (
          !grant ||
          grant.accountId !== payload.sub ||
          grant.clientId !== client.clientId ||
          !grant.getResourceScopeFiltered(settings.resource, [apiScope])
        ) {
          throw invalidGrant(
            'the sign-in of the subject token has ended (signed out, revoked or expired): sign in again',
          );
        }
        const changed = await settings.passwordChangedAt(payload.sub);
        if (!changed || (payload.iat ?? 0) < Math.floor(changed.getTime() / 1000)) {
          throw invalidGrant(
            'the subject token was issued before the password was last changed: sign in again',
          );
        }
        accountId = payload.sub;
        authTime = typeof payload.auth_time === 'number' ? payload.auth_time : undefined;
        notAfter = payload.exp;
        oidcGrant = { grantId: subjectGrant as string };
      } else {
        throw new errors.InvalidRequest(
          `subject_token_type must be ${ACCESS_TOKEN_TYPE} or ${REFRESH_TOKEN_TYPE}`,
        );
      }
      if (!(await settings.holds(accountId, grantId))) {
        throw invalidGrant(`you hold no grant ${grantId} (or it was taken back)`);
      }
      // A refresh token's sign-in switches; an access token's does not (it only lends its grant).
      if (type === REFRESH_TOKEN_TYPE && oidcGrant.grantId) {
        await settings.choose(accountId, oidcGrant.grantId, grantId);
      }

      const token = new provider.AccessToken({
        accountId,
        client,
        grantId: oidcGrant.grantId as string,
        gty: TOKEN_EXCHANGE,
        sessionUid: oidcGrant.sessionUid,
        sid: oidcGrant.sid,
      });
      (token as unknown as { [CHOSEN]?: string })[CHOSEN] = grantId;
      (token as unknown as { [SUBJECT_AUTH_TIME]?: number })[SUBJECT_AUTH_TIME] = authTime;
      if (notAfter !== undefined) {
        const left = notAfter - Math.floor(Date.now() / 1000);
        if (left <= 0) throw invalidGrant('the subject token has expired');
        (token as { expiresIn?: number }).expiresIn = Math.min(token.expiration, left);
      }
      token.resourceServer = new provider.ResourceServer(
        settings.resource,
        settings.resourceServer,
      );
      token.scope = apiScope;
      ctx.oidc.entity('AccessToken', token);
      const value = await token.save();
      ctx.body = {
        access_token: value,
        issued_token_type: ACCESS_TOKEN_TYPE,
        token_type: 'Bearer',
        expires_in: token.expiration,
        scope: token.scope,
      };
    },
    ['subject_token', 'subject_token_type', ACTING_GRANT_PARAMETER],
  );
}

/** `invalid_grant` whose description says why (the provider's own says only "invalid"). */
function invalidGrant(sentence: string): Error {
  return new errors.CustomOIDCProviderError('invalid_grant', sentence);
}
