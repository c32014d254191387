import type { EntityManager } from 'typeorm';
import type { RegistryViewReader } from '#libs/registry-view';
import type {
  DeliveryQueue,
  OutgoingMessage,
} from '../../deliveries/infrastructure/delivery-queue.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../endpoints/domain/event-types.js';
import type { SourceFacts } from '../infrastructure/source-facts.js';

/** What the handlers of the event sources use. */
export interface NoticeContext {
  queue: DeliveryQueue;
  facts: SourceFacts;
  registry: RegistryViewReader;
  /** Where the public API is served (absolute links in webhooks), e.g. `https://api.example.org`. */
  publicOrigin: string;
}

/**
 * Puts a message for an owner on its way, only when the owner is a party of the kind that
 * receives the type (a platform for its licenses, a society for its batches): an unknown party
 * or one of another kind gets nothing. Returns whether a message was made.
 */
export async function sendToOwner(
  context: NoticeContext,
  manager: EntityManager,
  message: Omit<OutgoingMessage, 'eventType'> & { eventType: WebhookEventType },
): Promise<boolean> {
  const owner = await context.registry.party(message.ownerPartyId, manager);
  if (owner?.kind !== WEBHOOK_EVENT_TYPES[message.eventType]) return false;
  return (await context.queue.enqueue(manager, message)) !== undefined;
}
