import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { NotificationsConfig } from '#libs/config';
import { RegistryViewReader } from '#libs/registry-view';
import { PartyKind } from '#libs/contracts';
import { oncePerKey } from '#libs/database';
import { AppError, type RequestContext, type UseCaseHandler } from '#libs/runtime';
import { callerOf, noEndpoint } from '../application/managed-endpoint.js';
import { newEndpointOwner, OWNER_KINDS } from '../domain/endpoint-access.js';
import {
  eventTypesProblem,
  formatSecret,
  MAX_ENDPOINTS_PER_OWNER,
  normalizedEventTypes,
  SECRET_BYTES,
  secretActive,
} from '../domain/endpoint-rules.js';
import { EndpointRepository } from '../infrastructure/endpoint.repository.js';
import { endpointUrlProblem } from '../infrastructure/endpoint-url.check.js';
import { WebhookEndpointEntity } from '../infrastructure/webhook-endpoint.entity.js';
import type { WebhookSecretEntity } from '../infrastructure/webhook-secret.entity.js';
import type { CreateWebhookEndpointInput } from './create-endpoint.input.js';

/** An endpoint with its secrets, and the secret shown to the caller this once. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpointEntity;
  secrets: WebhookSecretEntity[];
  secret: string;
}

/**
 * Makes an endpoint for the caller's party (the operator names the platform or society) with its
 * first secret. The same idempotency key again answers the same endpoint and secret; the key
 * with other content is CONFLICT.
 */
@Injectable()
export class CreateEndpointHandler implements UseCaseHandler<
  CreateWebhookEndpointInput,
  EndpointWithSecret
> {
  constructor(
    private readonly repository: EndpointRepository,
    @Inject(RegistryViewReader) private readonly registry: RegistryViewReader,
    private readonly config: NotificationsConfig,
  ) {}

  async execute(
    input: CreateWebhookEndpointInput,
    context: RequestContext,
  ): Promise<EndpointWithSecret> {
    const caller = callerOf(context);
    const decided = newEndpointOwner(caller, input.ownerId);
    if ('refused' in decided) {
      throw decided.refused === 'FORBIDDEN'
        ? AppError.forbidden(decided.message)
        : AppError.badInput(decided.message);
    }
    const owner = decided.owner;
    const eventTypes = input.eventTypes ?? [];
    const urlProblem = await endpointUrlProblem(input.url, this.config.webhookAllowLoopback);
    if (urlProblem) throw AppError.badInput(urlProblem);
    const body = {
      owner,
      url: input.url,
      description: input.description ?? '',
      eventTypes: normalizedEventTypes(eventTypes),
    };
    const key = input.idempotencyKey ?? context.idempotencyKey;
    return this.repository.transaction(async (manager) => {
      const resultId = await oncePerKey(
        manager,
        'notifications',
        { callerId: caller.partyId, key, operation: 'createWebhookEndpoint', body },
        async () => {
          const kind = await this.registry.partyKind(owner, manager);
          if (!kind || !OWNER_KINDS.includes(kind)) {
            throw AppError.badInput(`ownerId: ${owner} is not a registered platform or society`);
          }
          const problem = eventTypesProblem(kind, eventTypes);
          if (problem) throw AppError.badInput(problem);
          await this.repository.lockOwner(manager, owner);
          if ((await this.repository.countOfOwner(manager, owner)) >= MAX_ENDPOINTS_PER_OWNER) {
            throw AppError.conflict(
              `a ${kind === PartyKind.PLATFORM ? 'platform' : 'society'} has at most ${MAX_ENDPOINTS_PER_OWNER} webhook endpoints; delete one first`,
            );
          }
          const now = new Date();
          const endpoint = Object.assign(new WebhookEndpointEntity(), {
            id: randomUUID(),
            ownerPartyId: owner,
            url: body.url,
            description: body.description,
            eventTypes: body.eventTypes,
            enabled: true,
            disabledReason: null,
            disabledAt: null,
            failingSince: null,
            failedAttempts: 0,
            lastSuccessAt: null,
            createdAt: now,
            createdBy: caller.partyId,
            updatedAt: now,
          });
          const secret = {
            id: randomUUID(),
            endpointId: endpoint.id,
            secret: formatSecret(randomBytes(SECRET_BYTES)),
            createdAt: now,
            expiresAt: null,
          };
          await this.repository.insert(manager, endpoint, secret);
          return `${endpoint.id}/${secret.id}`;
        },
        (message) => AppError.conflict(message),
      );
      const [endpointId, secretId] = resultId.split('/') as [string, string];
      const endpoint = await this.repository.find(manager, endpointId);
      const secret = await this.repository.secret(manager, secretId);
      // A replay after the endpoint was deleted (or its first secret rotated away).
      if (!endpoint || !secret) throw noEndpoint(endpointId);
      if (!secretActive(secret, new Date())) {
        throw AppError.conflict(
          'the endpoint made with this key has had its secret rotated since; the current secret is shown at rotation only',
        );
      }
      const secrets = await this.repository.secrets([endpointId], manager);
      return { endpoint, secrets, secret: secret.secret };
    });
  }
}
