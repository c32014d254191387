import { randomUUID } from 'node:crypto';
import {
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { InjectLogger } from '#libs/runtime';
import { IdentityConfig } from '../../identity.config.js';
import { apiKeyClientId, type ClientManager } from '../domain/platform-client.js';

/** Where the authorization service kept platforms' API keys (SHA-256 of each key). */
const API_KEYS = '"authorization"."api_keys"';

/** The actor the audit names for clients made from API keys. */
const IMPORT: ClientManager = { subject: 'api-key-import', role: 'SYSTEM', party: undefined };

interface ApiKeyRow {
  id: string;
  platform_id: string;
  name: string;
  key_hash: string;
  created_at: Date;
  revoked_at: Date | null;
}

/**
 * Makes each API key of the authorization service a client of its platform: client id
 * `apikey-<first 32 hex of the key's SHA-256>`, secret the key itself (its stored SHA-256),
 * `client_secret_basic`; a revoked key's client is deleted. Keys already moved are left as
 * they are (changes made here since, a rotation or a deletion, stand), so it runs at start and
 * then every IDENTITY_API_KEY_SYNC_INTERVAL_MS while that service still issues and revokes
 * keys. Where the table is not in this database (services on separate databases), there is
 * nothing to move.
 */
@Injectable()
export class ImportApiKeysHandler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: IdentityConfig,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  /** Once the whole app has started (a start that fails leaves no timer behind), before it listens. */
  async onApplicationBootstrap(): Promise<void> {
    await this.sync();
    const every = this.config.IDENTITY_API_KEY_SYNC_INTERVAL_MS;
    if (every <= 0) return;
    this.timer = setInterval(() => {
      this.sync().catch((error: unknown) =>
        this.logger.error({ err: error }, 'API keys could not be carried over'),
      );
    }, every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async sync(): Promise<void> {
    const { imported, deleted } = await this.execute();
    if (imported + deleted > 0) {
      this.logger.info({ imported, deleted }, 'API keys carried over to platform clients');
    }
  }

  async execute(): Promise<{ imported: number; deleted: number }> {
    return this.carryOver('');
  }

  /**
   * Carries over at once the one key a client id names (`apikey-<32 hex>`), so a key made a
   * moment ago works without waiting for the next periodic move: the provider asks this when
   * it does not know such a client. A read of the key table's unique index (the hashes
   * starting with those digits); true when the client now exists (live or deleted).
   */
  async carryOverKey(clientId: string): Promise<boolean> {
    const digits = /^apikey-([0-9a-f]{32})$/.exec(clientId)?.[1];
    if (!digits) return false;
    const { imported, deleted } = await this.carryOver(digits);
    if (imported + deleted > 0) {
      this.logger.info({ imported, deleted }, 'API key carried over to a platform client');
    }
    return imported + deleted > 0;
  }

  /** Moves the keys whose SHA-256 starts with `prefix` (every key for an empty prefix). */
  private async carryOver(prefix: string): Promise<{ imported: number; deleted: number }> {
    return this.dataSource.transaction(async (manager) => {
      const [table] = await manager.query<{ present: boolean }[]>(
        `SELECT to_regclass('${API_KEYS}') IS NOT NULL AS present`,
      );
      if (!table?.present) return { imported: 0, deleted: 0 };
      const columns = `"id", "platform_id", "name", "key_hash", "created_at", "revoked_at"`;
      // Hex digits sort alike in every collation, so the range reads the unique index.
      const keys = prefix
        ? await manager.query<ApiKeyRow[]>(
            `SELECT ${columns} FROM ${API_KEYS} WHERE "key_hash" >= $1 AND "key_hash" < $2 AND left("key_hash", ${prefix.length}) = $1`,
            [prefix, `${prefix}g`],
          )
        : await manager.query<ApiKeyRow[]>(`SELECT ${columns} FROM ${API_KEYS}`);
      const now = new Date();
      let imported = 0;
      let deleted = 0;
      const audit = (clientId: string, partyId: string, action: string) =>
        manager.query(
          `INSERT INTO "identity"."client_audit" ("id", "client_id", "party_id", "action", "actor_subject", "actor_role", "actor_party", "at") VALUES ($1, $2, $3, $4, $5, $6, NULL, $7)`,
          [randomUUID(), clientId, partyId, action, IMPORT.subject, IMPORT.role, now],
        );
      for (const key of keys) {
        const clientId = apiKeyClientId(key.key_hash);
        const inserted = await manager.query<{ client_id: string }[]>(
          `INSERT INTO "identity"."platform_clients" ("client_id", "party_id", "name", "auth_method", "jwk", "idempotency_key", "request_hash", "api_key_id", "created_at", "deleted_at")
           VALUES ($1, $2, $3, 'client_secret_basic', NULL, NULL, NULL, $4, $5, $6)
           ON CONFLICT DO NOTHING RETURNING "client_id"`,
          [clientId, key.platform_id, key.name, key.id, key.created_at, key.revoked_at],
        );
        if (inserted.length > 0) {
          await manager.query(
            `INSERT INTO "identity"."client_secrets" ("id", "client_id", "hash", "created_at", "expires_at") VALUES ($1, $2, $3, $4, NULL)`,
            [randomUUID(), clientId, `sha256$${key.key_hash}`, key.created_at],
          );
          await audit(clientId, key.platform_id, 'IMPORTED_API_KEY');
          imported += 1;
          continue;
        }
        if (key.revoked_at) {
          // An UPDATE answers with its rows and its count.
          const [revoked] = await manager.query<[{ client_id: string }[], number]>(
            `UPDATE "identity"."platform_clients" SET "deleted_at" = $2 WHERE "api_key_id" = $1 AND "deleted_at" IS NULL RETURNING "client_id"`,
            [key.id, key.revoked_at],
          );
          if (revoked.length > 0) {
            await audit(revoked[0]!.client_id, key.platform_id, 'DELETED');
            deleted += 1;
          }
        }
      }
      return { imported, deleted };
    });
  }
}
