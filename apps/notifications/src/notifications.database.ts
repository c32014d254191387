import type { ServiceDatabase } from '#libs/database';
import { WebhookAttemptEntity } from './deliveries/infrastructure/webhook-attempt.entity.js';
import { WebhookDeliveryEntity } from './deliveries/infrastructure/webhook-delivery.entity.js';
import { WebhookMessageEntity } from './deliveries/infrastructure/webhook-message.entity.js';
import { WebhookEndpointDeletionEntity } from './endpoints/infrastructure/webhook-endpoint-deletion.entity.js';
import { WebhookEndpointEntity } from './endpoints/infrastructure/webhook-endpoint.entity.js';
import { WebhookSecretEntity } from './endpoints/infrastructure/webhook-secret.entity.js';
import { migrations } from './migrations/index.js';
import { MailNoticeEntity } from './notices/infrastructure/mail-notice.entity.js';
import {
  NoticeBatchEntity,
  NoticeLicenseEntity,
  NoticeOptOutEntity,
} from './notices/infrastructure/source-facts.entities.js';

export const notificationsDatabase: ServiceDatabase = {
  service: 'notifications',
  schema: 'notifications',
  entities: [
    WebhookEndpointEntity,
    WebhookSecretEntity,
    WebhookEndpointDeletionEntity,
    WebhookMessageEntity,
    WebhookDeliveryEntity,
    WebhookAttemptEntity,
    MailNoticeEntity,
    NoticeLicenseEntity,
    NoticeOptOutEntity,
    NoticeBatchEntity,
  ],
  migrations,
};
