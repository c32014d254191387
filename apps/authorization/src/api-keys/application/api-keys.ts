import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { DataSource, IsNull } from 'typeorm';
import type { Caller } from '#libs/auth';
import { PartyKind, Role, isUuid } from '#libs/contracts';
import { RegistryViewReader } from '#libs/registry-view';
import {
  AuthorizationError,
  AuthorizationErrorCode,
} from '../../shared/domain/authorization.errors.js';
import { mayManageApiKeysOf } from '../../shared/domain/tenancy.js';
import { ApiKeyEntity } from '../infrastructure/api-key.entity.js';

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * API keys of platforms: created (the secret is shown once), listed, revoked, and exchanged by
 * the gateway for short-lived bearer tokens.
 */
@Injectable()
export class ApiKeys {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: RegistryViewReader,
  ) {}

  /** The platform an operation names: the caller's own, unless the operator names one. */
  private platformOf(caller: Caller, platformId?: string | null): string {
    if (caller.role === Role.OPERATOR && !platformId)
      throw new AuthorizationError(
        AuthorizationErrorCode.INVALID_REQUEST,
        'platformId is required',
      );
    return platformId ?? caller.partyId;
  }

  async create(
    caller: Caller,
    name: string,
    platformId?: string | null,
  ): Promise<{ key: ApiKeyEntity; secret: string }> {
    const platform = this.platformOf(caller, platformId);
    if (!mayManageApiKeysOf(caller, platform))
      throw new AuthorizationError(
        AuthorizationErrorCode.NOT_ALLOWED,
        'a platform manages its own keys',
      );
    if ((await this.registry.partyKind(platform)) !== PartyKind.PLATFORM)
      throw new AuthorizationError(
        AuthorizationErrorCode.NOT_FOUND,
        `${platform} is not a registered platform`,
      );
    const secret = `chk_${randomBytes(32).toString('base64url')}`;
    const key = await this.dataSource.manager.save(
      this.dataSource.manager.create(ApiKeyEntity, {
        id: uuidv7(),
        platformId: platform,
        name,
        prefix: secret.slice(0, 10),
        keyHash: hashOf(secret),
        revokedAt: null,
      }),
    );
    return { key, secret };
  }

  /**
   * A platform's keys: the platform's own, or any platform's for the operator. Another
   * platform's, or a platform the registry does not know, is NOT_FOUND.
   */
  async list(caller: Caller, platformId?: string | null): Promise<ApiKeyEntity[]> {
    const platform = this.platformOf(caller, platformId);
    if (
      !mayManageApiKeysOf(caller, platform) ||
      (caller.role === Role.OPERATOR &&
        (await this.registry.partyKind(platform)) !== PartyKind.PLATFORM)
    )
      throw new AuthorizationError(
        AuthorizationErrorCode.NOT_FOUND,
        `no API keys of platform ${platform}`,
      );
    return this.dataSource.manager.find(ApiKeyEntity, {
      where: { platformId: platform },
      order: { createdAt: 'ASC' },
    });
  }

  /** Revokes a key; a repeat returns it unchanged. */
  async revoke(caller: Caller, id: string): Promise<ApiKeyEntity> {
    const key = isUuid(id) ? await this.dataSource.manager.findOneBy(ApiKeyEntity, { id }) : null;
    if (!key || !mayManageApiKeysOf(caller, key.platformId))
      throw new AuthorizationError(AuthorizationErrorCode.NOT_FOUND, `no API key ${id}`);
    if (!key.revokedAt) {
      key.revokedAt = new Date();
      await this.dataSource.manager.update(
        ApiKeyEntity,
        { id, revokedAt: IsNull() },
        { revokedAt: key.revokedAt },
      );
    }
    return key;
  }

  /** The platform a secret belongs to, if it is a key not revoked. */
  async platformFor(secret: string): Promise<string | undefined> {
    const key = await this.dataSource.manager.findOneBy(ApiKeyEntity, {
      keyHash: hashOf(secret),
      revokedAt: IsNull(),
    });
    return key?.platformId;
  }
}
