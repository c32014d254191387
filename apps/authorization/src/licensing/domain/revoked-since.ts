import { isUuid } from '#libs/contracts';

/**
 * A position in the licenses revoked since an instant. They are listed by the instant each was
 * revoked, then by id: a stable order in which a license revoked later comes after every one
 * already listed, so a platform can page through "what changed since T" and resume.
 */
export interface RevokedPosition {
  revokedAt: Date;
  id: string;
}

/** The opaque cursor of a position. */
export const revokedCursorOf = ({ revokedAt, id }: RevokedPosition): string =>
  Buffer.from(`${revokedAt.toISOString()}|${id}`).toString('base64url');

/** The position a cursor of revokedCursorOf stands for, or null when it is not one. */
export function revokedPositionOf(cursor: string): RevokedPosition | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length || !at || !id || !isUuid(id)) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at)) return null;
  const revokedAt = new Date(at);
  return Number.isNaN(revokedAt.getTime()) || revokedAt.toISOString() !== at
    ? null
    : { revokedAt, id };
}
