import { isUuid } from '#libs/contracts';

/**
 * The federated Work a work key names: a registry id, or null for the reference of an
 * unidentified work.
 */
export const workReference = (workKey: string): { id: string } | null =>
  isUuid(workKey) ? { id: workKey } : null;
