import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Secret } from './secret.js';
import { IsHttpUrl, IsPostgresUrl } from './validators.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const EVENT_TRANSPORTS = ['postgres', 'kafka'] as const;
export type EventTransportKind = (typeof EVENT_TRANSPORTS)[number];
export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** 0 asks for any free port (tests, side-by-side instances). */
const PORT_MIN = 0;
const PORT_MAX = 65535;

/**
 * Settings every process reads. Defaults are safe for production; `NODE_ENV=development` turns
 * on what only a developer should see (introspection, stack traces, field suggestions).
 */
export class BaseConfig {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'production';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Interface the HTTP servers bind to. */
  @IsString()
  @MinLength(1)
  HOST: string = '127.0.0.1';

  /** Largest accepted HTTP request body. */
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES: number = 1_048_576;

  /**
   * Requests a client (a bearer token, or else an address) may make per minute, health and
   * metrics aside; beyond, 429 with the time to wait. 0 turns the limit off: the default of
   * the subgraphs, which only the gateway calls (it limits clients; see GatewayConfig).
   */
  @IsInt()
  @Min(0)
  RATE_LIMIT_PER_MINUTE: number = 0;

  /** Deepest selection a GraphQL operation may nest (the gateway and every subgraph check). */
  @IsInt()
  @Min(2)
  @Max(100)
  GRAPHQL_MAX_DEPTH: number = 12;

  /**
   * Largest cost of a signed-in caller's GraphQL operation: each field counts 1, or more for
   * expensive ones (a title search, each requested use), times the elements of the lists it is
   * selected in (`first`, or the page size the field uses when it is left out).
   */
  @IsInt()
  @Min(10)
  GRAPHQL_MAX_COMPLEXITY: number = 5000;

  /** The same for anonymous callers (no token, or one that does not verify). */
  @IsInt()
  @Min(10)
  GRAPHQL_MAX_COMPLEXITY_ANONYMOUS: number = 1000;

  /**
   * Bearer token `GET /metrics` requires. Unset: metrics are served to loopback clients only
   * (a scraper on the same host), everyone else gets 404.
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  @Secret()
  METRICS_TOKEN: string | undefined = undefined;

  /**
   * `Strict-Transport-Security` max-age (seconds) sent with every response; set it when TLS is
   * terminated in front of the service. 0: not sent (plain HTTP on a developer machine).
   */
  @IsInt()
  @Min(0)
  HSTS_MAX_AGE_SECONDS: number = 0;

  /**
   * Proxies in front of the service whose `X-Forwarded-For` is believed (comma-separated
   * addresses or CIDR ranges, e.g. a TLS terminator's), so the client's own address counts for
   * rate limits, sign-in limits and logs. Unset: none; the peer's address is the client's.
   */
  @IsOptional()
  @IsString()
  TRUSTED_PROXIES: string | undefined = undefined;

  get trustedProxies(): string[] {
    return (this.TRUSTED_PROXIES ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0);
  }

  /** Folder for local state: the embedded PostgreSQL cluster (DATA_DIR/pg), the token secret. */
  @IsString()
  @MinLength(1)
  DATA_DIR: string = './.data';

  /**
   * Secret signing and verifying the shared-secret (HS256) tokens of the CLI, the API-key
   * exchange and tests (at least 32 characters). Unset: one is generated on first start and kept
   * in DATA_DIR/jwt-secret, shared by every process using that folder; such tokens are then
   * accepted only outside production (NODE_ENV=development or test). Set it explicitly to accept
   * them in production.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  @Secret()
  AUTH_JWT_SECRET: string | undefined = undefined;

  /**
   * The OpenID issuer whose access tokens (RFC 9068 JWTs) the API accepts, verified by its
   * JWKS. Default: the built-in identity app's issuer (IDENTITY_ISSUER, see PortsConfig).
   */
  @IsOptional()
  @IsHttpUrl()
  AUTH_ISSUER: string | undefined = undefined;

  /** The audience (`aud`) access tokens must name: the API's resource identifier. */
  @IsString()
  @MinLength(1)
  AUTH_AUDIENCE: string = 'urn:clearinghouse:api';

  /** The issuer's key set. Default: the `jwks_uri` of its discovery document. */
  @IsOptional()
  @IsHttpUrl()
  AUTH_JWKS_URI: string | undefined = undefined;

  /**
   * The claim holding the caller's role (a dotted path for nested claims, e.g.
   * `realm_access.roles`; a list must hold exactly one clearinghouse role).
   */
  @IsString()
  @MinLength(1)
  AUTH_ROLE_CLAIM: string = 'role';

  /** The claim holding the caller's party id (absent for the operator). */
  @IsString()
  @MinLength(1)
  AUTH_PARTY_CLAIM: string = 'party';

  /**
   * Least time (ms) between two fetches of the issuer's key set: a token with an unknown key id
   * refetches it (a rotated key needs no restart), at most this often.
   */
  @IsInt()
  @Min(0)
  AUTH_JWKS_COOLDOWN_MS: number = 10_000;

  /**
   * Secret the gateway proves itself with to the subgraphs (at least 32 characters): a subgraph
   * answers anonymous requests only when they carry it. Unset: generated on first start and
   * kept in DATA_DIR/subgraph-secret, like the token secret.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  @Secret()
  SUBGRAPH_SECRET: string | undefined = undefined;

  /** The `iss` of shared-secret (HS256) tokens (those the CLI issues carry it). */
  @IsString()
  @MinLength(1)
  AUTH_JWT_ISSUER: string = 'clearinghouse';

  /**
   * The OpenID issuer whose tokens are accepted (AUTH_ISSUER); none for a process that only
   * issues shared-secret tokens (the CLI). PortsConfig defaults it to the identity app's.
   */
  get oidcIssuer(): string | undefined {
    return this.AUTH_ISSUER;
  }

  /** Lifetime of tokens issued by `npm run cli -- token`. */
  @IsInt()
  @Min(60)
  AUTH_TOKEN_TTL_SECONDS: number = 12 * 3600;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** Only an explicit `NODE_ENV=development` exposes schema details and stack traces. */
  get isDevelopment(): boolean {
    return this.NODE_ENV === 'development';
  }
}

/** Where each process of the system listens; every process knows them all. */
export class PortsConfig extends BaseConfig {
  @IsInt()
  @Min(PORT_MIN)
  @Max(PORT_MAX)
  GATEWAY_PORT: number = 4000;

  @IsInt()
  @Min(PORT_MIN)
  @Max(PORT_MAX)
  RIGHTS_REGISTRY_PORT: number = 4001;

  @IsInt()
  @Min(PORT_MIN)
  @Max(PORT_MAX)
  AUTHORIZATION_PORT: number = 4002;

  @IsInt()
  @Min(PORT_MIN)
  @Max(PORT_MAX)
  OPT_OUT_PORT: number = 4003;

  @IsInt()
  @Min(PORT_MIN)
  @Max(PORT_MAX)
  ROYALTY_DISTRIBUTION_PORT: number = 4004;

  /** The identity app (the OpenID Provider). */
  @IsInt()
  @Min(PORT_MIN)
  @Max(PORT_MAX)
  IDENTITY_PORT: number = 4005;

  /** The notifications app: webhooks to platforms and societies, mail notices to people. */
  @IsInt()
  @Min(PORT_MIN)
  @Max(PORT_MAX)
  NOTIFICATIONS_PORT: number = 4006;

  /**
   * The identity app's issuer identifier, as callers reach it (the `iss` of every token it
   * signs; discovery at `<issuer>/.well-known/openid-configuration`). Its path is where the
   * provider is mounted. Default: `http://127.0.0.1:<IDENTITY_PORT>/oidc`; the standalone
   * launcher sets it to the gateway's address, which forwards `/oidc` to the identity app.
   */
  @IsOptional()
  @IsHttpUrl()
  IDENTITY_ISSUER: string | undefined = undefined;

  get identityIssuer(): string {
    return this.IDENTITY_ISSUER ?? `http://127.0.0.1:${this.IDENTITY_PORT}/oidc`;
  }

  override get oidcIssuer(): string {
    return this.AUTH_ISSUER ?? this.identityIssuer;
  }
}

/** Settings of a process that talks to PostgreSQL. */
export class DatabaseConfig extends PortsConfig {
  /** External PostgreSQL server; when unset an embedded server is started in DATA_DIR/pg. */
  @IsOptional()
  @IsPostgresUrl()
  @Secret()
  DATABASE_URL: string | undefined = undefined;

  /** Port of the embedded PostgreSQL server. */
  @IsInt()
  @Min(PORT_MIN)
  @Max(PORT_MAX)
  EMBEDDED_PG_PORT: number = 54320;

  /** Connections per service pool. */
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE: number = 10;
}

/** Settings of a service: its database plus how it publishes and consumes events. */
export class MessagingConfig extends DatabaseConfig {
  /** `postgres` (event log in the database, the default) or `kafka`; KAFKA_BROKERS implies kafka. */
  @IsOptional()
  @IsIn(EVENT_TRANSPORTS)
  EVENT_TRANSPORT: EventTransportKind | undefined = undefined;

  /** Comma-separated host:port list; required with EVENT_TRANSPORT=kafka. */
  @ValidateIf(
    (config: MessagingConfig) =>
      config.EVENT_TRANSPORT === 'kafka' || config.KAFKA_BROKERS !== undefined,
  )
  @IsNotEmpty({ message: 'KAFKA_BROKERS is required when EVENT_TRANSPORT is kafka' })
  @Matches(/^[^\s,:]+:\d+(,[^\s,:]+:\d+)*$/, {
    message: '$property must be host:port[,host:port...]',
  })
  KAFKA_BROKERS: string | undefined = undefined;

  /** Replication factor of Kafka topics created at start-up (-1: the broker's default). */
  @IsInt()
  @Min(-1)
  KAFKA_REPLICATION_FACTOR: number = -1;

  /** Partitions of topics created at start-up (existing topics keep theirs). */
  @IsInt()
  @Min(1)
  @Max(1024)
  EVENT_TOPIC_PARTITIONS: number = 8;

  /** Tries of a failing event handler before the event goes to the dead-letter topic. */
  @IsInt()
  @Min(1)
  @Max(100)
  EVENT_MAX_ATTEMPTS: number = 5;

  /** Days events stay in the PostgreSQL event log (0: forever). */
  @IsInt()
  @Min(0)
  EVENT_LOG_RETENTION_DAYS: number = 30;

  /** Milliseconds between polls when no notification arrives. */
  @IsInt()
  @Min(50)
  EVENT_POLL_INTERVAL_MS: number = 1000;

  get eventTransport(): EventTransportKind {
    return this.EVENT_TRANSPORT ?? (this.KAFKA_BROKERS ? 'kafka' : 'postgres');
  }

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS ? this.KAFKA_BROKERS.split(',') : [];
  }
}
