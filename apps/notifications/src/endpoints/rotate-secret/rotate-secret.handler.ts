import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NotificationsConfig } from '#libs/config';
import { oncePerKey } from '#libs/database';
import { AppError, type RequestContext, type UseCaseHandler } from '#libs/runtime';
import { callerOf, managedEndpoint, noEndpoint } from '../application/managed-endpoint.js';
import {
  formatSecret,
  overlapHours,
  rotationExpiries,
  SECRET_BYTES,
} from '../domain/endpoint-rules.js';
import type { EndpointWithSecret } from '../create-endpoint/create-endpoint.handler.js';
import { EndpointRepository } from '../infrastructure/endpoint.repository.js';
import type { RotateWebhookSecretInput } from './rotate-secret.input.js';

/**
 * Gives an endpoint a new current secret, shown this once. The previous current secret keeps
 * signing until now + the overlap, so the receiver can switch at any moment of it; earlier ones
 * stop now. The same idempotency key again answers the same new secret.
 */
@Injectable()
export class RotateSecretHandler implements UseCaseHandler<
  RotateWebhookSecretInput,
  EndpointWithSecret
> {
  constructor(
    private readonly repository: EndpointRepository,
    private readonly config: NotificationsConfig,
  ) {}

  async execute(
    input: RotateWebhookSecretInput,
    context: RequestContext,
  ): Promise<EndpointWithSecret> {
    const caller = callerOf(context);
    const overlap = overlapHours(input.overlapHours, this.config.WEBHOOK_SECRET_OVERLAP_HOURS);
    if ('problem' in overlap) throw AppError.badInput(overlap.problem);
    const key = input.idempotencyKey ?? context.idempotencyKey;
    return this.repository.transaction(async (manager) => {
      const endpoint = await managedEndpoint(this.repository, manager, caller, input.id, true);
      const secretId = await oncePerKey(
        manager,
        'notifications',
        {
          callerId: caller.partyId,
          key,
          operation: 'rotateWebhookSecret',
          body: { id: input.id, overlapHours: overlap.hours },
        },
        async () => {
          const now = new Date();
          const existing = await this.repository.secrets([endpoint.id], manager);
          for (const [id, expiresAt] of rotationExpiries(existing, now, overlap.hours)) {
            await this.repository.expireSecret(manager, id, expiresAt);
          }
          const secret = {
            id: randomUUID(),
            endpointId: endpoint.id,
            secret: formatSecret(randomBytes(SECRET_BYTES)),
            createdAt: now,
            expiresAt: null,
          };
          await this.repository.insertSecret(manager, secret);
          endpoint.updatedAt = now;
          await this.repository.save(manager, endpoint);
          return secret.id;
        },
        (message) => AppError.conflict(message),
      );
      const secret = await this.repository.secret(manager, secretId);
      if (!secret || secret.endpointId !== endpoint.id) throw noEndpoint(input.id);
      const secrets = await this.repository.secrets([endpoint.id], manager);
      return { endpoint, secrets, secret: secret.secret };
    });
  }
}
