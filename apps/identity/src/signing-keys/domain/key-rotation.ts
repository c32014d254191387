/** A signing key as the rotation rules see it (its material aside). */
export interface KeyLifetime {
  kid: string;
  /** When the key was made (and published). */
  createdAt: Date;
  /** When it stopped signing (a newer key took over); undefined while it signs or waits to. */
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
  /**
   * How long a new key is published before it signs (ms): longer than the other replicas take
   * to pick up keys and than verifiers cache the key set, so no verifier meets a token signed
   * by a key it has not seen. Zero signs with a new key at once.
   */
  announceMs: number;
}

const live = <K extends KeyLifetime>(keys: readonly K[]) =>
  keys.filter((key) => key.retiredAt === undefined);

const announced = (key: KeyLifetime, now: Date, policy: RotationPolicy) =>
  now.getTime() - key.createdAt.getTime() >= policy.announceMs;

/**
 * The key that signs now: the newest key not retired that has been published long enough; when
 * none has (the first key, or a rotation forced after a compromise), the oldest key not retired.
 */
export function currentKey<K extends KeyLifetime>(
  keys: readonly K[],
  now: Date,
  policy: RotationPolicy,
): K | undefined {
  const candidates = live(keys).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return candidates.find((key) => announced(key, now, policy)) ?? candidates.at(-1);
}

/** Keys not retired yet that the current key has taken over from: to be retired now. */
export function supersededKeys<K extends KeyLifetime>(
  keys: readonly K[],
  now: Date,
  policy: RotationPolicy,
): K[] {
  const current = currentKey(keys, now, policy);
  return current ? live(keys).filter((key) => key.createdAt < current.createdAt) : [];
}

/**
 * A new key is due when none signs, or when the one that signs will reach the rotation age
 * within the announcement time and no next key is published yet.
 */
export function rotationDue(
  keys: readonly KeyLifetime[],
  now: Date,
  policy: RotationPolicy,
): boolean {
  const current = currentKey(keys, now, policy);
  if (current === undefined) return true;
  const next = live(keys).some((key) => key.createdAt > current.createdAt);
  return (
    !next &&
    now.getTime() - current.createdAt.getTime() >=
      Math.max(0, policy.rotateAfterMs - policy.announceMs)
  );
}

/**
 * Retired keys whose every token has expired: they leave the key set (and the database). A key
 * not retired is never expired.
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
 * then the next key waiting to sign and the retired ones still published, newest first;
 * expired ones are left out.
 */
export function publishedKeys<K extends KeyLifetime>(
  keys: readonly K[],
  now: Date,
  policy: RotationPolicy,
): K[] {
  const expired = new Set(expiredKeys(keys, now, policy));
  const current = currentKey(keys, now, policy);
  const others = keys
    .filter((key) => key !== current && !expired.has(key))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return current ? [current, ...others] : others;
}
