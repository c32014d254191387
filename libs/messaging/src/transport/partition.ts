import { createHash } from 'node:crypto';

/** Partition of a key: a stable hash, so one aggregate always lands in one partition. */
export function partitionFor(key: string, partitions: number): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) % partitions;
}
