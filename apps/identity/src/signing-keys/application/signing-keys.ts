import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import {
  expiredKeys,
  publishedKeys,
  rotationDue,
  supersededKeys,
  type RotationPolicy,
} from '../domain/key-rotation.js';
import type { KeySealer } from '../infrastructure/key-sealing.js';
import type { SigningKeyEntity } from '../infrastructure/signing-key.entity.js';
import type { SigningKeyStore } from '../infrastructure/signing-key.store.js';

export const SIGNING_ALGORITHM = 'ES256';

/** The private keys the provider signs and publishes with, current first. */
export interface KeySet {
  keys: JWK[];
  /** The key ids, in the same order: a change means the provider must take the new set. */
  kids: string[];
}

/**
 * The provider's signing keys: made by the app (ES256), sealed at rest, rotated when the
 * current one reaches its age (the next one published before it signs), retired ones kept
 * published until what they signed has expired.
 */
export class SigningKeys {
  constructor(
    private readonly store: SigningKeyStore,
    private readonly sealer: KeySealer,
    private readonly policy: RotationPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The keys to use now: a next key is made when the current one nears its age and signs once
   * it has been published for the announcement time (the one it replaces retires then);
   * `rotate` makes a key that signs at once (after a compromise); retired keys whose tokens
   * have all expired are dropped.
   */
  current({ rotate = false }: { rotate?: boolean } = {}): Promise<KeySet> {
    return this.store.exclusively(async (repository) => {
      const now = this.now();
      let keys = (await repository.all()).map(withLifetime);
      if (rotate || rotationDue(keys, now, this.policy)) {
        await repository.add(await this.generate(now));
        // Forced: the new key signs at once, every other one retires.
        if (rotate) {
          await repository.retire(
            keys.filter(isLive).map((key) => key.kid),
            now,
          );
        }
        keys = (await repository.all()).map(withLifetime);
      }
      const superseded = supersededKeys(keys, now, this.policy);
      if (superseded.length > 0) {
        await repository.retire(
          superseded.map((key) => key.kid),
          now,
        );
        keys = (await repository.all()).map(withLifetime);
      }
      const expired = expiredKeys(keys, now, this.policy);
      await repository.remove(expired.map((key) => key.kid));
      const published = publishedKeys(keys, now, this.policy);
      return {
        keys: published.map((key) => this.open(key.row)),
        kids: published.map((key) => key.kid),
      };
    });
  }

  private async generate(now: Date): Promise<SigningKeyEntity> {
    const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, {
      extractable: true,
    });
    const { kty, crv, x, y } = await exportJWK(publicKey);
    const publicJwk = { kty: kty!, crv: crv!, x: x!, y: y! };
    const kid = await calculateJwkThumbprint(publicJwk);
    const privateJwk = {
      ...(await exportJWK(privateKey)),
      kid,
      alg: SIGNING_ALGORITHM,
      use: 'sig',
    };
    return {
      kid,
      alg: SIGNING_ALGORITHM,
      publicJwk: { ...publicJwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' },
      sealedPrivateJwk: this.sealer.seal(kid, JSON.stringify(privateJwk)),
      createdAt: now,
      retiredAt: null,
    };
  }

  private open(row: SigningKeyEntity): JWK {
    return JSON.parse(this.sealer.open(row.kid, row.sealedPrivateJwk)) as JWK;
  }
}

const isLive = (key: { retiredAt: Date | undefined }) => key.retiredAt === undefined;

function withLifetime(row: SigningKeyEntity) {
  return { kid: row.kid, createdAt: row.createdAt, retiredAt: row.retiredAt ?? undefined, row };
}
