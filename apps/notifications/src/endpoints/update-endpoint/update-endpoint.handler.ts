import { Inject, Injectable } from '@nestjs/common';
import { NotificationsConfig } from '#libs/config';
import { RegistryViewReader } from '#libs/registry-view';
import { AppError, type RequestContext, type UseCaseHandler } from '#libs/runtime';
import { callerOf, managedEndpoint } from '../application/managed-endpoint.js';
import {
  eventTypesProblem,
  normalizedEventTypes,
  switchedEndpoint,
} from '../domain/endpoint-rules.js';
import { EndpointRepository } from '../infrastructure/endpoint.repository.js';
import { endpointUrlProblem } from '../infrastructure/endpoint-url.check.js';
import type {
  EndpointDisabledReason,
  WebhookEndpointEntity,
} from '../infrastructure/webhook-endpoint.entity.js';
import type { WebhookSecretEntity } from '../infrastructure/webhook-secret.entity.js';
import type { UpdateWebhookEndpointInput } from './update-endpoint.input.js';

/**
 * Changes an endpoint's URL, description, event types or state. Applying the same change again
 * changes nothing; turning an endpoint on clears its failure streak.
 */
@Injectable()
export class UpdateEndpointHandler implements UseCaseHandler<
  UpdateWebhookEndpointInput,
  { endpoint: WebhookEndpointEntity; secrets: WebhookSecretEntity[] }
> {
  constructor(
    private readonly repository: EndpointRepository,
    @Inject(RegistryViewReader) private readonly registry: RegistryViewReader,
    private readonly config: NotificationsConfig,
  ) {}

  async execute(input: UpdateWebhookEndpointInput, context: RequestContext) {
    const caller = callerOf(context);
    return this.repository.transaction(async (manager) => {
      const endpoint = await managedEndpoint(this.repository, manager, caller, input.id, true);
      if (input.url != null && input.url !== endpoint.url) {
        const problem = await endpointUrlProblem(input.url, this.config.webhookAllowLoopback);
        if (problem) throw AppError.badInput(problem);
        endpoint.url = input.url;
      }
      if (input.description != null) endpoint.description = input.description;
      if (input.eventTypes != null) {
        const kind = await this.registry.partyKind(endpoint.ownerPartyId, manager);
        const problem = kind ? eventTypesProblem(kind, input.eventTypes) : null;
        if (problem) throw AppError.badInput(problem);
        endpoint.eventTypes = normalizedEventTypes(input.eventTypes);
      }
      if (input.enabled != null) {
        const state = switchedEndpoint(endpoint, input.enabled, new Date());
        Object.assign(endpoint, state, {
          disabledReason: state.disabledReason as EndpointDisabledReason | null,
        });
      }
      endpoint.updatedAt = new Date();
      await this.repository.save(manager, endpoint);
      return { endpoint, secrets: await this.repository.secrets([endpoint.id], manager) };
    });
  }
}
