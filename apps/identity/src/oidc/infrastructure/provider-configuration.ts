import type { JWK } from 'jose';
import { errors, type Adapter, type ClientMetadata, type Configuration } from 'oidc-provider';
import { machineClaims, machineIdentityProblem } from '../domain/machine-client.js';
import type { IdentityConfig, StaticClient } from '../../identity.config.js';

/** The one scope tokens for the API carry; what a caller may do follows its role and party. */
export const API_SCOPE = 'api';

/** Where the provider sends a browser to sign in or consent (the identity app's own pages). */
export const INTERACTION_PATH = '/interaction';

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
}

/**
 * The provider's configuration: authorization code with PKCE (for every client), refresh
 * tokens rotated on each use, client credentials for machines, revocation, RP-initiated
 * logout; no introspection (access tokens are JWTs verified with the JWKS) and no development
 * interactions. Access tokens for the API resource are RFC 9068 JWTs signed ES256.
 */
export function providerConfiguration({
  config,
  adapter,
  keys,
  cookieKeys,
  findAccount,
}: ProviderSettings): Configuration {
  const resource = config.IDENTITY_API_RESOURCE;
  return {
    adapter,
    clients: config.staticClients.map(clientMetadata),
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
    scopes: ['openid', 'email', 'offline_access'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    rotateRefreshToken: true,
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
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
          return {
            scope: API_SCOPE,
            audience: resource,
            accessTokenTTL: config.IDENTITY_ACCESS_TOKEN_TTL_SECONDS,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'ES256' } },
          };
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
    extraTokenClaims: (ctx, token) =>
      token.kind === 'ClientCredentials'
        ? machineClaims(ctx.oidc.client?.role, ctx.oidc.client?.party)
        : undefined,
    // Real accounts only: one deleted since its sign-in gets no more tokens.
    findAccount: async (_ctx, sub) => {
      const claims = await findAccount(sub);
      return claims && { accountId: sub, claims: () => ({ ...claims, sub }) };
    },
    interactions: {
      url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}`,
    },
    ttl: {
      AccessToken: config.IDENTITY_ACCESS_TOKEN_TTL_SECONDS,
      ClientCredentials: config.IDENTITY_ACCESS_TOKEN_TTL_SECONDS,
      IdToken: config.IDENTITY_ID_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
      RefreshToken: 14 * 24 * 3600,
    },
  };
}

/** A configured client as the provider takes it. */
function clientMetadata(client: StaticClient): ClientMetadata {
  return { ...client } as ClientMetadata;
}
