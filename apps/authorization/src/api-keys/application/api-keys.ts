import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { DataSource, IsNull } from 'typeorm';
import type { Caller } from '#libs/auth';
import { PartyKind, Role } from '#libs/contracts';
import { RegistryViewReader } from '#libs/registry-view';
import {
  AuthorizationError,
  AuthorizationErrorCode,
} from '../../shared/domain/authorization.errors.js';
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

  private platformOf(caller: Caller, platformId?: string | null): string {
    if (caller.role === Role.PLATFORM) {
      if (platformId && platformId !== caller.partyId)
        throw new AuthorizationError(
          AuthorizationErrorCode.NOT_ALLOWED,
          'a platform manages its own keys',
        );
      return caller.partyId;
    }
    if (caller.role === Role.OPERATOR && platformId) return platformId;
    throw new AuthorizationError(
      caller.role === Role.OPERATOR
        ? AuthorizationErrorCode.INVALID_REQUEST
        : AuthorizationErrorCode.NOT_ALLOWED,
      caller.role === Role.OPERATOR ? 'platformId is required' : 'API keys belong to platforms',
    );
  }

  async create(
    caller: Caller,
    name: string,
    platformId?: string | null,
  ): Promise<{ key: ApiKeyEntity; secret: string }> {
    const platform = this.platformOf(caller, platformId);
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

  list(caller: Caller, platformId?: string | null): Promise<ApiKeyEntity[]> {
    return this.dataSource.manager.find(ApiKeyEntity, {
      where: { platformId: this.platformOf(caller, platformId) },
      order: { createdAt: 'ASC' },
    });
  }

  /** Revokes a key; a repeat returns it unchanged. */
  async revoke(caller: Caller, id: string): Promise<ApiKeyEntity> {
    const key = await this.dataSource.manager.findOneBy(ApiKeyEntity, { id });
    if (!key || (caller.role !== Role.OPERATOR && key.platformId !== caller.partyId))
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
