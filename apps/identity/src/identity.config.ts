import {
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { Secret, ServiceConfig } from '#libs/config';
import type { Role } from '#libs/contracts';
import { machineIdentityProblem } from './oidc/domain/machine-client.js';

/** A client known from configuration (the CLI, tests), as the provider takes client metadata. */
export interface StaticClient {
  client_id: string;
  client_secret?: string;
  grant_types?: string[];
  redirect_uris?: string[];
  post_logout_redirect_uris?: string[];
  token_endpoint_auth_method?: string;
  /** The role its client-credentials tokens carry. */
  role?: Role;
  /** The party its client-credentials tokens act for (none for the operator). */
  party?: string;
}

/** The identity service: the OpenID Provider, its keys and its clients. */
export class IdentityConfig extends ServiceConfig {
  /**
   * Secret (at least 32 characters) the signing keys are encrypted under, and the provider's
   * cookie keys derived from. Unset: generated on first start and kept in DATA_DIR/identity-key
   * (mode 600). Changing it makes the stored keys unreadable.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  @Secret()
  IDENTITY_KEY_SECRET: string | undefined = undefined;

  /** Days a signing key signs before a new one replaces it. */
  @IsInt()
  @Min(1)
  IDENTITY_KEY_ROTATION_DAYS: number = 30;

  /**
   * Minutes a new signing key is published before it signs: longer than replicas take to pick
   * up keys (IDENTITY_KEY_CHECK_INTERVAL_MS) and than verifiers cache the key set.
   */
  @IsInt()
  @Min(0)
  IDENTITY_KEY_ANNOUNCE_MINUTES: number = 60;

  /** How often (ms) the provider checks whether a key is due, and picks up keys made elsewhere. */
  @IsInt()
  @Min(1000)
  IDENTITY_KEY_CHECK_INTERVAL_MS: number = 60_000;

  /** Lifetime of access tokens for the API (seconds): JWTs cannot be recalled, keep it short. */
  @IsInt()
  @Min(60)
  @Max(3600)
  IDENTITY_ACCESS_TOKEN_TTL_SECONDS: number = 600;

  /** Lifetime of ID tokens (seconds). */
  @IsInt()
  @Min(60)
  @Max(86_400)
  IDENTITY_ID_TOKEN_TTL_SECONDS: number = 3600;

  /**
   * Clients known from configuration: a JSON array of client metadata (`client_id`,
   * `client_secret`, `grant_types`, `redirect_uris`...), plus `role` and `party` for machines
   * using client credentials. Holds secrets.
   */
  @IsOptional()
  @IsClientList()
  @Secret()
  IDENTITY_CLIENTS: string | undefined = undefined;

  /**
   * Hours a platform client's secret keeps working after a rotation replaced it, so machines
   * can move to the new one.
   */
  @IsInt()
  @Min(0)
  @Max(720)
  IDENTITY_CLIENT_SECRET_GRACE_HOURS: number = 24;

  /**
   * How often (ms) API keys the authorization service still issues or revokes are carried over
   * to platform clients (besides at start); 0: at start only.
   */
  @IsInt()
  @Min(0)
  IDENTITY_API_KEY_SYNC_INTERVAL_MS: number = 60_000;

  /** The resource (audience) access tokens for the clearinghouse API name. */
  @IsString()
  @MinLength(1)
  IDENTITY_API_RESOURCE: string = 'urn:clearinghouse:api';

  /**
   * SMTP server for the accounts' mail (`smtp://user:password@host:587`, `smtps://...`). Unset:
   * each mail is written to DATA_DIR/mail and its link logged (standalone). Holds a password.
   */
  @IsOptional()
  @IsString()
  @Secret()
  MAIL_SMTP_URL: string | undefined = undefined;

  /**
   * The GraphQL endpoint where the rights registry is asked (parties registered by self-service
   * right holders, parties' kinds). Unset: the gateway's `/graphql` at the issuer's origin, as
   * the standalone and distributed launchers serve it.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  IDENTITY_REGISTRY_URL: string | undefined = undefined;

  /** The sender of the accounts' mail. */
  @IsString()
  @MinLength(3)
  MAIL_FROM: string = 'Clearinghouse <no-reply@clearinghouse.invalid>';

  get port(): number {
    return this.IDENTITY_PORT;
  }

  /** The issuer identifier (IDENTITY_PORT and IDENTITY_ISSUER are in PortsConfig). */
  get issuer(): string {
    return this.identityIssuer;
  }

  get registryUrl(): string {
    return this.IDENTITY_REGISTRY_URL ?? `${new URL(this.issuer).origin}/graphql`;
  }

  get staticClients(): StaticClient[] {
    return this.IDENTITY_CLIENTS ? (JSON.parse(this.IDENTITY_CLIENTS) as StaticClient[]) : [];
  }
}

/** Why IDENTITY_CLIENTS cannot stand (never quoting it: it holds secrets), or undefined. */
export function clientListProblem(value: unknown): string | undefined {
  let clients: unknown;
  try {
    clients = JSON.parse(String(value));
  } catch {
    return 'is not JSON';
  }
  if (!Array.isArray(clients)) return 'must be a JSON array of client metadata';
  const ids = new Set<string>();
  for (const [index, entry] of clients.entries()) {
    const client = entry as Partial<Record<string, unknown>> | null;
    if (typeof client !== 'object' || client === null || typeof client.client_id !== 'string') {
      return `client ${index + 1} needs a client_id`;
    }
    if (ids.has(client.client_id)) return `client_id ${client.client_id} appears twice`;
    ids.add(client.client_id);
    const problem = machineIdentityProblem(client.role, client.party);
    if (problem) return `client ${client.client_id}: ${problem}`;
  }
  return undefined;
}

function IsClientList(): PropertyDecorator {
  return (target, propertyKey) => {
    registerDecorator({
      name: 'isClientList',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: {
        message: (args: ValidationArguments) =>
          `$property ${clientListProblem(args.value) ?? 'is invalid'}`,
      },
      validator: { validate: (value: unknown) => clientListProblem(value) === undefined },
    });
  };
}
