import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { MessagingConfig, PortsConfig } from './base.config.js';
import { IsHttpUrl } from './validators.js';

/** A subgraph service: database and messaging settings plus the port it serves on. */
export abstract class ServiceConfig extends MessagingConfig {
  abstract get port(): number;
}

export class RightsRegistryConfig extends ServiceConfig {
  /**
   * Disputes one party may open in 24 hours (as the caller registering, or as the claimant):
   * each freezes the money of a work that someone else holds, so a registration past this is
   * refused. The operator is not limited.
   */
  @IsInt()
  @Min(1)
  DISPUTES_PER_DAY: number = 5;

  /**
   * Days before today that the operator may back-date the start of a membership it records
   * (a society admin never back-dates: its memberships start when the holder accepts).
   */
  @IsInt()
  @Min(0)
  MEMBERSHIP_BACKDATE_DAYS: number = 365;

  get port(): number {
    return this.RIGHTS_REGISTRY_PORT;
  }
}

export class AuthorizationConfig extends ServiceConfig {
  /**
   * How far behind (ms) the opt-out view may be before use requests are answered PENDING
   * instead of granted: an opt-out event older than this not yet applied stops grants.
   */
  @IsInt()
  @Min(0)
  OPT_OUT_VIEW_MAX_LAG_MS: number = 2000;

  get port(): number {
    return this.AUTHORIZATION_PORT;
  }
}

export class OptOutConfig extends ServiceConfig {
  get port(): number {
    return this.OPT_OUT_PORT;
  }
}

export class NotificationsConfig extends ServiceConfig {
  /**
   * `true` lets endpoints use loopback addresses (`http://127.0.0.1:…`, `localhost`), for
   * development and tests only; private, link-local and metadata addresses stay refused.
   */
  @IsIn(['true', 'false'])
  WEBHOOK_ALLOW_LOOPBACK: 'true' | 'false' = 'false';

  get webhookAllowLoopback(): boolean {
    return this.WEBHOOK_ALLOW_LOOPBACK === 'true';
  }

  /** Milliseconds one delivery may take, connection and answer together, before it fails. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  WEBHOOK_TIMEOUT_MS: number = 10_000;

  /** Deliveries in flight to one endpoint at a time: a slow receiver holds only its own. */
  @IsInt()
  @Min(1)
  @Max(64)
  WEBHOOK_ENDPOINT_CONCURRENCY: number = 4;

  /** Deliveries in flight at a time from one notifications process. */
  @IsInt()
  @Min(1)
  @Max(1024)
  WEBHOOK_CONCURRENCY: number = 64;

  /**
   * The unit of the retry schedule in milliseconds (1000: retries after seconds, then minutes,
   * then hours, parked after a day or more). Tests and benchmarks shrink it.
   */
  @IsInt()
  @Min(1)
  WEBHOOK_RETRY_UNIT_MS: number = 1000;

  /** Hours an endpoint's previous secret still signs after a rotation. */
  @IsInt()
  @Min(0)
  @Max(24 * 30)
  WEBHOOK_SECRET_OVERLAP_HOURS: number = 24;

  /** Days an endpoint may fail without one success before it is disabled and its owner told. */
  @IsInt()
  @Min(1)
  WEBHOOK_DISABLE_AFTER_DAYS: number = 5;

  /** Where the identity app answers (mail notices to people); default its local port. */
  @IsOptional()
  @IsHttpUrl()
  IDENTITY_URL: string | undefined = undefined;

  get identityUrl(): string {
    return this.IDENTITY_URL ?? `http://127.0.0.1:${this.IDENTITY_PORT}`;
  }

  get port(): number {
    return this.NOTIFICATIONS_PORT;
  }
}

export class RoyaltyDistributionConfig extends ServiceConfig {
  /** Days reserved money stays claimable before it is released by rule. */
  @IsInt()
  @Min(1)
  RESERVE_PERIOD_DAYS: number = 1095;

  /**
   * PostgreSQL `work_mem` (MiB) of a batch calculation's summing step, so its hash tables stay
   * in memory; PostgreSQL may use it a few times over (hash_mem_multiplier, parallel workers).
   */
  @IsInt()
  @Min(4)
  @Max(8192)
  CALCULATION_WORK_MEM_MB: number = 128;

  /**
   * Usage files the service takes in at once, from all clients together (each holds a database
   * connection while it streams); more get 503 with Retry-After. Keep it below DB_POOL_SIZE.
   */
  @IsInt()
  @Min(1)
  UPLOADS_AT_ONCE: number = 4;

  /**
   * An upload that sends fewer than UPLOAD_MIN_BYTES in any window of this long (ms) is aborted:
   * 408, nothing stored.
   */
  @IsInt()
  @Min(100)
  UPLOAD_IDLE_TIMEOUT_MS: number = 5000;

  /** The least an upload must send in each UPLOAD_IDLE_TIMEOUT_MS (bytes): no trickling. */
  @IsInt()
  @Min(1)
  UPLOAD_MIN_BYTES: number = 8192;

  get port(): number {
    return this.ROYALTY_DISTRIBUTION_PORT;
  }
}

export interface SubgraphEndpoint {
  name: string;
  /** Base URL of the service; its GraphQL endpoint is `${url}/graphql`. */
  url: string;
}

/** The gateway: its own port and where each subgraph answers (defaults follow the service ports). */
export class GatewayConfig extends PortsConfig {
  /** The public endpoint limits each client (see BaseConfig.RATE_LIMIT_PER_MINUTE). */
  @IsInt()
  @Min(0)
  override RATE_LIMIT_PER_MINUTE: number = 1200;

  /**
   * Usage files a client may be uploading at once through the gateway (each holds a database
   * connection of the royalty-distribution service while it streams); 0: no limit.
   */
  @IsInt()
  @Min(0)
  UPLOADS_PER_CLIENT: number = 2;

  /**
   * Failed API-key exchanges (unknown or revoked keys) a client address may make per minute;
   * beyond, 429 with the time to wait, before the key is even checked.
   */
  @IsInt()
  @Min(1)
  API_KEY_FAILURES_PER_MINUTE: number = 10;

  @IsOptional()
  @IsHttpUrl()
  RIGHTS_REGISTRY_URL: string | undefined = undefined;

  @IsOptional()
  @IsHttpUrl()
  AUTHORIZATION_URL: string | undefined = undefined;

  @IsOptional()
  @IsHttpUrl()
  OPT_OUT_URL: string | undefined = undefined;

  @IsOptional()
  @IsHttpUrl()
  ROYALTY_DISTRIBUTION_URL: string | undefined = undefined;

  @IsOptional()
  @IsHttpUrl()
  NOTIFICATIONS_URL: string | undefined = undefined;

  /** Where the identity app answers: `/oidc` and `/interaction` are forwarded to it. */
  @IsOptional()
  @IsHttpUrl()
  IDENTITY_URL: string | undefined = undefined;

  /**
   * How the gateway gets its supergraph: `introspect` composes it from the running subgraphs
   * (development), `file` reads the one composed at build time (SUPERGRAPH_FILE, default
   * apps/gateway/supergraph.graphql) so a subgraph change cannot alter production unseen.
   * Default: `file` in production, `introspect` otherwise.
   */
  @IsOptional()
  @IsIn(['introspect', 'file'])
  SUPERGRAPH_SOURCE: 'introspect' | 'file' | undefined = undefined;

  @IsOptional()
  @IsString()
  SUPERGRAPH_FILE: string | undefined = undefined;

  get supergraphSource(): 'introspect' | 'file' {
    return this.SUPERGRAPH_SOURCE ?? (this.isProduction ? 'file' : 'introspect');
  }

  /** Milliseconds the gateway waits for the subgraphs to come up before giving up. */
  @IsInt()
  @Min(0)
  SUBGRAPH_WAIT_MS: number = 60_000;

  get port(): number {
    return this.GATEWAY_PORT;
  }

  /** The identity app's base URL. */
  get identityUrl(): string {
    return this.IDENTITY_URL ?? `http://127.0.0.1:${this.IDENTITY_PORT}`;
  }

  get subgraphs(): SubgraphEndpoint[] {
    const local = (port: number) => `http://127.0.0.1:${port}`;
    return [
      {
        name: 'rights-registry',
        url: this.RIGHTS_REGISTRY_URL ?? local(this.RIGHTS_REGISTRY_PORT),
      },
      { name: 'authorization', url: this.AUTHORIZATION_URL ?? local(this.AUTHORIZATION_PORT) },
      { name: 'opt-out', url: this.OPT_OUT_URL ?? local(this.OPT_OUT_PORT) },
      {
        name: 'royalty-distribution',
        url: this.ROYALTY_DISTRIBUTION_URL ?? local(this.ROYALTY_DISTRIBUTION_PORT),
      },
      { name: 'notifications', url: this.NOTIFICATIONS_URL ?? local(this.NOTIFICATIONS_PORT) },
    ];
  }
}
