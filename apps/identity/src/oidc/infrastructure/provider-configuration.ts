import { randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import {
  errors,
  type Adapter,
  type ClientMetadata,
  type Configuration,
  type ResourceServer,
  type default as Provider,
} from 'oidc-provider';
import {
  chosenGrantOf,
  EXCHANGED_CLAIM,
  exchangedAuthTimeOf,
  GRANT_ID_CLAIM,
  registerTokenExchange,
  TOKEN_EXCHANGE,
} from '../../grants/token-exchange/token-exchange.grant.js';
import { machineClaims, machineIdentityProblem } from '../domain/machine-client.js';
import { DEVICE_CODE_TTL_SECONDS, deviceFlowFeature } from './device-flow.js';
import type { IdentityConfig, StaticClient } from '../../identity.config.js';

/** The one scope tokens for the API carry; what a caller may do follows its role and party. */
export const API_SCOPE = 'api';

/** Where the provider sends a browser to sign in or consent (the identity app's own pages). */
export const INTERACTION_PATH = '/interaction';

/**
 * The identity app's own account pages as a first-party client: their sign-in is an
 * authorization request of this client, which asks for no consent (see loadExistingGrant).
 */
export const ACCOUNT_PAGES_CLIENT_ID = 'identity-account-pages';
export const ACCOUNT_CALLBACK_PATH = '/account/callback';

/**
 * The web portal the gateway serves at the issuer's origin: a first-party public client (code +
 * PKCE, refresh tokens), which asks no consent either: signing in to the portal is what the person
 * came for, and the portal only calls the API on their behalf.
 */
export const PORTAL_CLIENT_ID = 'clearinghouse-portal';
export const PORTAL_CALLBACK_PATH = '/auth/callback';

/** The portal's client: public, code + PKCE, back to the issuer's own origin. */
export function portalClient(issuer: string): ClientMetadata {
  const origin = new URL(issuer).origin;
  return {
    client_id: PORTAL_CLIENT_ID,
    client_name: 'Clearinghouse portal',
    token_endpoint_auth_method: 'none',
    redirect_uris: [new URL(PORTAL_CALLBACK_PATH, origin).href],
    post_logout_redirect_uris: [new URL('/', origin).href],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  };
}

/** First-party clients: the person is never asked to allow them. */
const FIRST_PARTY_CLIENTS = new Set([ACCOUNT_PAGES_CLIENT_ID, PORTAL_CLIENT_ID]);

/**
 * Gives a first-party client's grant what the client asks for: the account pages an ID token,
 * the portal also refresh tokens and the API. Says whether anything was missing.
 */
function firstPartyScopes(
  grant: InstanceType<Provider['Grant']>,
  clientId: string,
  resource: string,
): boolean {
  const oidc = clientId === PORTAL_CLIENT_ID ? ['openid', 'offline_access'] : ['openid'];
  const missingOidc = oidc.filter((scope) => !grant.getOIDCScope().split(' ').includes(scope));
  if (missingOidc.length) grant.addOIDCScope(missingOidc.join(' '));
  const missingApi =
    clientId === PORTAL_CLIENT_ID &&
    !(grant.getResourceScope(resource) ?? '').split(' ').includes(API_SCOPE);
  if (missingApi) grant.addResourceScope(resource, API_SCOPE);
  return missingOidc.length > 0 || missingApi;
}

/** The account pages' client: public, code + PKCE, back to the issuer's own origin. */
export function accountPagesClient(issuer: string): ClientMetadata {
  return {
    client_id: ACCOUNT_PAGES_CLIENT_ID,
    token_endpoint_auth_method: 'none',
    redirect_uris: [new URL(ACCOUNT_CALLBACK_PATH, new URL(issuer).origin).href],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  };
}

export interface ProviderSettings {
  config: IdentityConfig;
  adapter: (model: string) => Adapter;
  /** Private signing keys, current first. */
  keys: JWK[];
  cookieKeys: string[];
  /** A person's claims (`sub`, `email`, `email_verified`), or undefined for no such account. */
  findAccount: (
    accountId: string,
  ) => Promise<{ sub: string; email?: string; email_verified?: boolean } | undefined>;
  /** Clients registered at run time (platforms' machines), besides the configured ones. */
  clients?: ClientSource;
  /** The grant a person's tokens act as (their `role` and `party`). */
  actingGrants?: ActingGrants;
}

/** The grants people act as: read for each token, chosen at sign-in or by token exchange. */
export interface ActingGrants {
  /** `role` and `party` of the grant the provider grant's tokens act as; none for no grant. */
  claims(
    accountId: string,
    oidcGrantId: string | undefined,
    chosenGrantId?: string,
  ): Promise<{ role: string; party?: string } | undefined>;
  /** Makes the provider grant's tokens act as the account's grant (refused when not held). */
  choose(accountId: string, oidcGrantId: string, grantId: string): Promise<void>;
}

/** Clients kept by the app: their metadata, and the check of a secret against stored hashes. */
export interface ClientSource {
  metadata(clientId: string): Promise<ClientMetadata | undefined>;
  /** Whether the secret is the client's; undefined for a client the source does not hold. */
  verifySecret(clientId: string, secret: string): Promise<boolean | undefined>;
}

/**
 * The provider's configuration: authorization code with PKCE (for every client), refresh
 * tokens rotated on each use, client credentials for machines, the device authorization grant
 * (for the CLI), revocation, RP-initiated logout; no introspection (access tokens are JWTs
 * verified with the JWKS) and no development interactions. Access tokens for the API resource are RFC 9068 JWTs signed ES256.
 */
export function providerConfiguration({
  config,
  adapter,
  keys,
  cookieKeys,
  findAccount,
  clients,
  actingGrants,
}: ProviderSettings): Configuration {
  const resource = config.IDENTITY_API_RESOURCE;
  return {
    adapter: clients
      ? (model: string) => (model === 'Client' ? clientAdapter(clients) : adapter(model))
      : adapter,
    clients: [
      ...config.staticClients.map(clientMetadata),
      accountPagesClient(config.issuer),
      portalClient(config.issuer),
    ],
    jwks: { keys },
    cookies: {
      keys: cookieKeys,
      long: { signed: true, httpOnly: true, sameSite: 'lax' },
      short: { signed: true, httpOnly: true, sameSite: 'lax' },
    },
    clientDefaults: {
      id_token_signed_response_alg: 'ES256',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
    enabledJWA: {
      idTokenSigningAlgValues: ['ES256'],
      userinfoSigningAlgValues: ['ES256'],
    },
    responseTypes: ['code'],
    // The portal opens the sign-up page directly for "Create an account".
    extraParams: ['screen_hint'],
    scopes: ['openid', 'email', 'offline_access'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    rotateRefreshToken: true,
    // OpenID Connect honours offline_access only with a consent prompt; the portal asks for no
    // consent (it is the provider's own), so its sign-ins get a refresh token without it.
    issueRefreshToken: (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') &&
      (code.scopes.has('offline_access') || client.clientId === PORTAL_CLIENT_ID),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      deviceFlow: deviceFlowFeature(),
      introspection: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      userinfo: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== resource) {
            throw new errors.InvalidTarget(`the only resource is ${resource}`);
          }
          return apiResourceServer(config);
        },
      },
    },
    extraClientMetadata: {
      properties: ['role', 'party'],
      validator: (_ctx, key, _value, metadata) => {
        if (key !== 'role') return;
        const problem = machineIdentityProblem(metadata.role, metadata.party);
        if (problem) throw new errors.InvalidClientMetadata(problem);
      },
    },
    // Machines act as their client's role and party; people as the grant chosen for the
    // sign-in, read again for every token (a grant taken back stops at the next refresh).
    // A person's token also says when they signed in (`auth_time`, from the code, refresh
    // token or device code it was issued for), which provider grant it stands on, and whether
    // it was made by token exchange.
    extraTokenClaims: async (ctx, token) => {
      if (token.kind === 'ClientCredentials') {
        return machineClaims(ctx.oidc.client?.role, ctx.oidc.client?.party);
      }
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const { entities } = ctx.oidc;
      const exchanged = token.gty === TOKEN_EXCHANGE;
      const authTime = exchanged
        ? exchangedAuthTimeOf(token)
        : (entities.AuthorizationCode?.authTime ??
          entities.RefreshToken?.authTime ??
          entities.DeviceCode?.authTime);
      const acting = actingGrants
        ? await actingGrants.claims(token.accountId, token.grantId, chosenGrantOf(token))
        : undefined;
      return {
        ...acting,
        ...(authTime !== undefined ? { auth_time: authTime } : {}),
        ...(token.grantId ? { [GRANT_ID_CLAIM]: token.grantId } : {}),
        ...(exchanged ? { [EXCHANGED_CLAIM]: true } : {}),
      };
    },
    // Real accounts only: one deleted since its sign-in gets no more tokens.
    findAccount: async (_ctx, sub) => {
      const claims = await findAccount(sub);
      return claims && { accountId: sub, claims: () => ({ ...claims, sub }) };
    },
    interactions: {
      url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}`,
    },
    loadExistingGrant: async (ctx) => {
      const clientId = ctx.oidc.client!.clientId;
      const grantId =
        (ctx.oidc.result?.consent as { grantId?: string } | undefined)?.grantId ??
        ctx.oidc.session!.grantIdFor(clientId);
      const found = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (grantId) {
        // A grant made for the "act as" choice: first-party clients still ask nothing more.
        if (
          found &&
          FIRST_PARTY_CLIENTS.has(clientId) &&
          firstPartyScopes(found, clientId, resource)
        ) {
          await found.save();
        }
        return found;
      }
      if (!FIRST_PARTY_CLIENTS.has(clientId) || !ctx.oidc.session?.accountId) return undefined;
      // The app's own pages and the portal: the person signs in without being asked to allow them.
      const grant = new ctx.oidc.provider.Grant({
        clientId,
        accountId: ctx.oidc.session.accountId,
      });
      firstPartyScopes(grant, clientId, resource);
      await grant.save();
      return grant;
    },
    ttl: {
      AccessToken: config.IDENTITY_ACCESS_TOKEN_TTL_SECONDS,
      ClientCredentials: config.IDENTITY_ACCESS_TOKEN_TTL_SECONDS,
      IdToken: config.IDENTITY_ID_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      DeviceCode: DEVICE_CODE_TTL_SECONDS,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
      RefreshToken: 14 * 24 * 3600,
    },
  };
}

/** The public halves of signing keys (what the JWKS publishes). */
export function publicKeysOf(keys: JWK[]): JWK[] {
  return keys.map(({ kty, crv, x, y, kid, alg, use }) => ({ kty, crv, x, y, kid, alg, use }));
}

/** The API resource's tokens: RFC 9068 JWTs signed ES256, with the API scope. */
export function apiResourceServer(config: IdentityConfig): ResourceServer {
  return {
    scope: API_SCOPE,
    audience: config.IDENTITY_API_RESOURCE,
    accessTokenTTL: config.IDENTITY_ACCESS_TOKEN_TTL_SECONDS,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: 'ES256' } },
  };
}

/** A configured client as the provider takes it. */
function clientMetadata(client: StaticClient): ClientMetadata {
  return { ...client } as ClientMetadata;
}

/**
 * Stands in for the secret of a stored client in the metadata the provider holds (it requires
 * one for `client_secret_*`): random per process, never stored or shown, so it authenticates
 * nothing even if the check below were bypassed. Presented secrets go to `verifySecret`.
 */
const SECRET_HELD_AS_HASH = randomBytes(32).toString('base64url');

/** The provider's Client model read from the app's clients (registration stays disabled). */
function clientAdapter(clients: ClientSource): Adapter {
  const none = () => Promise.resolve(undefined);
  return {
    find: async (id) => {
      const metadata = await clients.metadata(id);
      if (!metadata) return undefined;
      return String(metadata.token_endpoint_auth_method).startsWith('client_secret_')
        ? { ...metadata, client_secret: SECRET_HELD_AS_HASH }
        : metadata;
    },
    upsert: none,
    findByUserCode: none,
    findByUid: none,
    consume: none,
    destroy: none,
    revokeByGrantId: none,
  };
}

/**
 * Makes the provider check the secret of a stored client against its hashes (the current one
 * and those still in their grace after a rotation); configured clients keep the provider's own
 * comparison. To be called on each provider built with `clients`.
 */
export function checkStoredSecrets(provider: Provider, clients: ClientSource): void {
  const prototype = provider.Client.prototype;
  // The provider's own comparison, kept for the configured clients.
  const compare = Object.getOwnPropertyDescriptor(prototype, 'compareClientSecret')!.value as (
    this: typeof prototype,
    actual: string,
  ) => boolean | Promise<boolean>;
  prototype.compareClientSecret = async function (
    this: typeof prototype,
    actual: string,
  ): Promise<boolean> {
    // A configured client (`noManage`) is never looked up among the stored ones.
    if ((this as { noManage?: boolean }).noManage) return compare.call(this, actual);
    const stored = await clients.verifySecret(this.clientId, actual);
    return stored ?? (await compare.call(this, actual));
  };
}

/** Token exchange (RFC 8693) onto one of the person's grants; see registerTokenExchange. */
export function registerActingGrantExchange(
  provider: Provider,
  config: IdentityConfig,
  keys: JWK[],
  actingGrants: ActingGrants,
  passwordChangedAt: (accountId: string) => Promise<Date | undefined>,
): void {
  registerTokenExchange(provider, {
    issuer: config.issuer,
    resource: config.IDENTITY_API_RESOURCE,
    resourceServer: apiResourceServer(config),
    publicKeys: publicKeysOf(keys),
    holds: async (accountId, grantId) =>
      (await actingGrants.claims(accountId, undefined, grantId)) !== undefined,
    choose: (accountId, oidcGrantId, grantId) =>
      actingGrants.choose(accountId, oidcGrantId, grantId),
    passwordChangedAt,
  });
}
