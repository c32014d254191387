import { WorkRegistered, type NewEvent, type WorkRegisteredV1 } from '#libs/contracts';
import type { ValidWork } from '../domain/work-registration.js';

/** The work.registered event of a new work whose shares apply from `sharesFrom`. */
export function workRegistered(
  workId: string,
  work: ValidWork,
  registeredBy: string,
  sharesFrom: Date,
  correlationId: string,
): NewEvent<WorkRegisteredV1> {
  return {
    definition: WorkRegistered,
    aggregateId: workId,
    correlationId,
    occurredAt: sharesFrom,
    payload: {
      workId,
      title: work.title,
      alternativeTitles: work.alternativeTitles.map((alternative) => alternative.title),
      category: work.category,
      creatorNames: work.creatorNames,
      identifiers: work.identifiers,
      shares: work.shares,
      sharesEffectiveFrom: sharesFrom.toISOString(),
      registeredBy,
    },
  };
}
