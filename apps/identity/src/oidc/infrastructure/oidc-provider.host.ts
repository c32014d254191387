import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  Inject,
  Injectable,
  type OnApplicationShutdown,
  type OnModuleInit,
  Optional,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { JWK } from 'jose';
import Provider from 'oidc-provider';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { InjectLogger } from '#libs/runtime';
import { FindAccountClaims } from '../../accounts/application/account-claims/account-claims.js';
import { IdentityConfig } from '../../identity.config.js';
import type { KeySet, SigningKeys } from '../../signing-keys/application/signing-keys.js';
import { PostgresAdapter } from './postgres-adapter.js';
import {
  type ActingGrants,
  checkStoredSecrets,
  type ClientSource,
  providerConfiguration,
  publicKeysOf,
  registerActingGrantExchange,
} from './provider-configuration.js';

export const SIGNING_KEYS = Symbol('SIGNING_KEYS');
export const COOKIE_KEYS = Symbol('COOKIE_KEYS');
/** Clients registered at run time (platform clients), served to the provider. */
export const CLIENT_SOURCE = Symbol('CLIENT_SOURCE');
/** The grants people's tokens act as (the grants part of the app). */
export const ACTING_GRANTS = Symbol('ACTING_GRANTS');

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

/**
 * Serves the OpenID Provider (a Koa application) under the issuer's path on the service's
 * Fastify server: requests there are handed, unparsed, to the provider's own handler. The
 * provider holds its signing keys from start; when the keys change (a rotation here or in
 * another replica, seen by a periodic check) a new provider takes over with the new key set,
 * on the same storage, so nothing in flight is lost.
 */
@Injectable()
export class OidcProviderHost implements OnModuleInit, OnApplicationShutdown {
  private provider: Provider | undefined;
  private handler: Handler | undefined;
  private kids: string[] = [];
  private keys: JWK[] = [];
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  readonly mountPath: string;

  constructor(
    private readonly config: IdentityConfig,
    private readonly dataSource: DataSource,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(SIGNING_KEYS) private readonly signingKeys: SigningKeys,
    @Inject(COOKIE_KEYS) private readonly cookieKeys: string[],
    @InjectLogger() private readonly logger: Logger,
    private readonly accounts: FindAccountClaims,
    @Optional() @Inject(CLIENT_SOURCE) private readonly clients?: ClientSource,
    @Optional() @Inject(ACTING_GRANTS) private readonly actingGrants?: ActingGrants,
  ) {
    this.mountPath = new URL(config.issuer).pathname.replace(/\/$/, '');
    if (!this.mountPath) {
      throw new Error(
        `IDENTITY_ISSUER needs a path (e.g. ${config.issuer.replace(/\/$/, '')}/oidc): the provider is served under it`,
      );
    }
  }

  async onModuleInit(): Promise<void> {
    await this.refresh();
    await this.mount();
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) =>
        this.logger.error({ err: error }, 'signing keys could not be checked'),
      );
    }, this.config.IDENTITY_KEY_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The running provider (its models, for the account and grant parts of the app). */
  get current(): Provider {
    if (!this.provider) throw new Error('the OpenID Provider is not started yet');
    return this.provider;
  }

  /** The key id that signs now. */
  get signingKid(): string | undefined {
    return this.kids[0];
  }

  /** The private key that signs now (for the app's own service tokens; never logged). */
  get signingKey(): JWK | undefined {
    return this.keys[0];
  }

  /** The public halves of the published keys: what verifies this issuer's tokens in-process. */
  get publicKeys(): JWK[] {
    return publicKeysOf(this.keys);
  }

  /** Makes a new signing key now (the operator's "rotate"), and serves with it. */
  rotate(): Promise<void> {
    return this.refresh({ rotate: true });
  }

  /**
   * Applies the key rules (a new key when due, expired ones dropped), takes the key set when
   * it changed, and deletes expired provider records. One refresh at a time.
   */
  refresh({ rotate = false }: { rotate?: boolean } = {}): Promise<void> {
    const run = async () => {
      await this.refreshing?.catch(() => undefined);
      const set = await this.signingKeys.current({ rotate });
      if (!this.provider || set.kids.join() !== this.kids.join()) this.serve(set);
      const deleted = await PostgresAdapter.deleteExpired(this.dataSource);
      if (deleted > 0) this.logger.debug({ deleted }, 'expired provider records deleted');
    };
    const next = run();
    this.refreshing = next;
    return next;
  }

  private serve(set: KeySet): void {
    const provider = new Provider(
      this.config.issuer,
      providerConfiguration({
        config: this.config,
        adapter: PostgresAdapter.factory(this.dataSource),
        keys: set.keys,
        cookieKeys: this.cookieKeys,
        findAccount: (accountId) => this.accounts.execute(accountId),
        clients: this.clients,
        actingGrants: this.actingGrants,
      }),
    );
    // X-Forwarded-* reach the provider only from the gateway (ForwardedHeaders).
    provider.proxy = true;
    if (this.clients) checkStoredSecrets(provider, this.clients);
    if (this.actingGrants)
      registerActingGrantExchange(provider, this.config, set.keys, this.actingGrants, (id) =>
        this.accounts.passwordChangedAt(id),
      );
    provider.on('server_error', (_ctx, error) =>
      this.logger.error({ err: error }, 'OpenID Provider error'),
    );
    this.provider = provider;
    this.handler = provider.callback();
    const changed = this.kids.length > 0;
    this.kids = set.kids;
    this.keys = set.keys;
    // Key ids only: the keys themselves are never logged.
    this.logger.info(
      { signingKid: set.kids[0], publishedKids: set.kids },
      changed ? 'signing keys changed' : 'OpenID Provider ready',
    );
  }

  /**
   * Routes `<mount path>` and everything under it to the provider. The routes live in their own
   * Fastify scope that leaves the body unread: the provider parses its own requests.
   */
  private async mount(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const mountPath = this.mountPath;
    await fastify.register((scope, _options, done) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, _payload, parsed) => parsed(null));
      const forward = (
        request: { raw: IncomingMessage },
        reply: { hijack(): void; raw: ServerResponse },
      ) => {
        reply.hijack();
        const raw = request.raw as IncomingMessage & { originalUrl?: string };
        const url = raw.url ?? '/';
        raw.originalUrl = url;
        const rest = url.slice(mountPath.length);
        raw.url = rest.startsWith('/') ? rest : `/${rest}`;
        // Once the provider has answered, the request log names the whole path again.
        void Promise.resolve(this.handler?.(raw, reply.raw)).finally(() => (raw.url = url));
      };
      scope.all(mountPath, forward);
      scope.all(`${mountPath}/*`, forward);
      done();
    });
  }
}
