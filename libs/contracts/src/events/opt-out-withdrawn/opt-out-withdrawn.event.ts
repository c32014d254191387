import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';

export class OptOutWithdrawnV1 {
  @IsUUID()
  optOutId: string;

  @IsUUID()
  holderId: string;

  /** From this instant the works are back under the scheme. */
  @IsISO8601({ strict: true })
  withdrawnAt: string;
}

export const OptOutWithdrawn = defineEvent({
  type: 'optout.withdrawn',
  version: 1,
  topic: Topics.optOut,
  payload: OptOutWithdrawnV1,
});
