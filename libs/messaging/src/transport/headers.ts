/** Headers carried by every record: consumers route on them without parsing the value. */
export const Headers = {
  eventType: 'event-type',
  eventVersion: 'event-version',
  eventId: 'event-id',
  correlationId: 'correlation-id',
  /** Dead letters: why the record could not be handled. */
  error: 'dlq-error',
  errorReason: 'dlq-reason',
  attempts: 'dlq-attempts',
  consumer: 'dlq-consumer',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
} as const;
