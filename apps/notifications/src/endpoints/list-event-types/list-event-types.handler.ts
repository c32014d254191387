import { Injectable } from '@nestjs/common';
import type { RequestContext, UseCaseHandler } from '#libs/runtime';
import { callerOf } from '../application/managed-endpoint.js';
import { ownerKindOf } from '../domain/endpoint-access.js';
import { eventTypesFor, WEBHOOK_EVENT_TYPES } from '../domain/event-types.js';

/** The event types the caller's kind of party may ask for; the operator, every one. */
@Injectable()
export class ListEventTypesHandler implements UseCaseHandler<void, string[]> {
  execute(_input: void, context: RequestContext): Promise<string[]> {
    const kind = ownerKindOf(callerOf(context));
    if (kind === 'ALL') return Promise.resolve(Object.keys(WEBHOOK_EVENT_TYPES));
    return Promise.resolve(kind ? eventTypesFor(kind) : []);
  }
}
