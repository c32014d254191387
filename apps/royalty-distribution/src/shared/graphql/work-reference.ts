const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID (ids in paths and arguments, work keys). */
export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * The federated Work a work key names: a registry id, or null for the reference of an
 * unidentified work.
 */
export const workReference = (workKey: string): { id: string } | null =>
  isUuid(workKey) ? { id: workKey } : null;
