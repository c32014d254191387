import { secretActive } from '../domain/endpoint-rules.js';
import type { DeliveryRecord, EndpointRepository } from '../infrastructure/endpoint.repository.js';
import type { WebhookEndpointEntity } from '../infrastructure/webhook-endpoint.entity.js';
import type { WebhookSecretEntity } from '../infrastructure/webhook-secret.entity.js';
import type { WebhookDelivery, WebhookEndpoint } from './endpoint.types.js';

/** An endpoint as the API shows it, with the dates of the secrets that still sign (never the secrets). */
export function endpointView(
  endpoint: WebhookEndpointEntity,
  secrets: readonly WebhookSecretEntity[],
  now: Date = new Date(),
): WebhookEndpoint {
  return {
    id: endpoint.id,
    ownerId: endpoint.ownerPartyId,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    disabledAt: endpoint.disabledAt,
    failingSince: endpoint.failingSince,
    lastSuccessAt: endpoint.lastSuccessAt,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
    secrets: secrets
      .filter((secret) => secret.endpointId === endpoint.id && secretActive(secret, now))
      .map(({ id, createdAt, expiresAt }) => ({ id, createdAt, expiresAt })),
  };
}

/** Endpoints as the API shows them, their secrets read in one query. */
export async function endpointViews(
  repository: EndpointRepository,
  endpoints: readonly WebhookEndpointEntity[],
): Promise<WebhookEndpoint[]> {
  const secrets = await repository.secrets(endpoints.map((endpoint) => endpoint.id));
  return endpoints.map((endpoint) => endpointView(endpoint, secrets));
}

export function deliveryView(record: DeliveryRecord): WebhookDelivery {
  const { endpointId: _endpointId, ...view } = record;
  return view;
}
