import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventEnvelope } from '#libs/contracts';
import { Messaging } from '#libs/messaging';

/**
 * The events of one aggregate (the key they are published under) that a service under test
 * produced, in their order in the event log, once its outbox is empty (every event its
 * committed transactions wrote is published then). Reads the PostgreSQL event log.
 */
export async function publishedEvents(
  app: INestApplicationContext,
  aggregateId: string,
  timeoutMs = 30_000,
): Promise<EventEnvelope<Record<string, unknown>>[]> {
  const messaging = app.get(Messaging);
  const deadline = Date.now() + timeoutMs;
  while ((await messaging.status()).outboxPending > 0) {
    if (Date.now() > deadline) throw new Error('the outbox was not relayed in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const rows = await app
    .get(DataSource)
    .query<{ value: EventEnvelope<Record<string, unknown>> }[]>(
      `SELECT value FROM eventlog.events WHERE key = $1 ORDER BY "offset"`,
      [aggregateId],
    );
  return rows.map((row) => row.value);
}
