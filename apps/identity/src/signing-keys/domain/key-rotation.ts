/** A signing key as the rotation rules see it (its material aside). */
export interface KeyLifetime {
  kid: string;
  /** When the key was made; the newest key not retired signs. */
  createdAt: Date;
  /** When a newer key replaced it for signing; undefined while it signs. */
  retiredAt: Date | undefined;
}

export interface RotationPolicy {
  /** How long a key signs before a new one replaces it (ms). */
  rotateAfterMs: number;
  /**
   * How long a retired key stays published (ms): at least the longest lifetime of anything it
   * signed (access and ID tokens), so every token it signed verifies until it expires.
   */
  keepRetiredMs: number;
}

/** The key that signs now: the newest one not retired, if any. */
export function currentKey<K extends KeyLifetime>(keys: readonly K[]): K | undefined {
  return keys
    .filter((key) => key.retiredAt === undefined)
    .reduce<K | undefined>(
      (newest, key) => (newest === undefined || key.createdAt > newest.createdAt ? key : newest),
      undefined,
    );
}

/** A new key is due when none signs, or the one that signs is older than the policy allows. */
export function rotationDue(
  keys: readonly KeyLifetime[],
  now: Date,
  policy: RotationPolicy,
): boolean {
  const current = currentKey(keys);
  return (
    current === undefined || now.getTime() - current.createdAt.getTime() >= policy.rotateAfterMs
  );
}

/**
 * Retired keys whose every token has expired: they leave the key set (and the database). A key
 * that still signs is never expired.
 */
export function expiredKeys<K extends KeyLifetime>(
  keys: readonly K[],
  now: Date,
  policy: RotationPolicy,
): K[] {
  return keys.filter(
    (key) =>
      key.retiredAt !== undefined &&
      now.getTime() - key.retiredAt.getTime() >= policy.keepRetiredMs,
  );
}

/**
 * The keys the provider holds, current first (it signs with the first key of its algorithm),
 * then the retired ones still published, newest first; expired ones are left out.
 */
export function publishedKeys<K extends KeyLifetime>(
  keys: readonly K[],
  now: Date,
  policy: RotationPolicy,
): K[] {
  const expired = new Set(expiredKeys(keys, now, policy));
  const current = currentKey(keys);
  const retired = keys
    .filter((key) => key !== current && !expired.has(key))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return current ? [current, ...retired] : retired;
}
