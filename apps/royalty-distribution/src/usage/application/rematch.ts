import { Injectable, type OnModuleInit } from '@nestjs/common';
import { WorkRegistered, normalizeTitle } from '#libs/contracts';
import { Messaging, handlerFor } from '#libs/messaging';

/**
 * Matches usage lines still without a work to a newly registered work, by identifier, by
 * normalized title, or by the work id a platform named: until an approved batch has paid them.
 * A batch calculated before the match counts them when it is recalculated.
 */
@Injectable()
export class Rematch implements OnModuleInit {
  constructor(private readonly messaging: Messaging) {}

  onModuleInit(): void {
    this.messaging.register('royalty-distribution.rematch', [
      handlerFor(WorkRegistered, async ({ payload }, manager) => {
        await manager.query(
          `UPDATE royalty_distribution.usage_lines
           SET work_id = $1::uuid, unidentified_reference = NULL
           WHERE work_id IS NULL AND batch_id IS NULL
             AND (identifier_key = ANY ($2::text[]) OR normalized_title = $3
                  OR unidentified_reference = 'work:' || $1::text)`,
          [
            payload.workId,
            payload.identifiers.map((identifier) => `${identifier.scheme}:${identifier.value}`),
            normalizeTitle(payload.title),
          ],
        );
      }),
    ]);
  }
}
