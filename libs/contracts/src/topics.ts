/** Every event stream, one per aggregate, with its partition count. */
export const Topics = {
  registryParty: 'registry.party.v1',
  registryWork: 'registry.work.v1',
  optOut: 'optout.optout.v1',
  authorizationScheme: 'authorization.scheme.v1',
  authorizationLicense: 'authorization.license.v1',
  distributionBatch: 'distribution.batch.v1',
  distributionUsageReport: 'distribution.usage-report.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** Partitions per topic: per-aggregate order holds within a partition. */
export const DEFAULT_PARTITIONS = 8;

export const ALL_TOPICS: readonly Topic[] = Object.values(Topics);

/** Where messages that cannot be handled are parked for operators. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
