import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { NotificationsConfig } from '#libs/config';
import { Messaging } from '#libs/messaging';
import { RegistryViewReader } from '#libs/registry-view';
import { DeliveryQueue } from '../deliveries/infrastructure/delivery-queue.js';
import type { NoticeContext } from './application/notice-context.js';
import { batchHandlers } from './batches/batch.handlers.js';
import { claimSettledHandler } from './claim-settled/claim-settled.handler.js';
import { disputeOpenedHandler } from './dispute-opened/dispute-opened.handler.js';
import { SourceFacts } from './infrastructure/source-facts.js';
import { licenseGrantedHandler } from './license-granted/license-granted.handler.js';
import { licenseRevokedHandler } from './license-revoked/license-revoked.handler.js';
import { optOutConfirmedHandler } from './opt-out-confirmed/opt-out-confirmed.handler.js';
import { NoticeSender } from './send-notices/notice-sender.js';
import { statementAvailableHandler } from './statement-available/statement-available.handler.js';
import { usageReportProcessedHandler } from './usage-report-processed/usage-report-processed.handler.js';

/** The consumer that makes webhook messages and mail notices from the event log. */
export const NOTICES_CONSUMER = 'notifications.notices';

@Injectable()
class NoticeSources implements OnModuleInit {
  constructor(
    private readonly messaging: Messaging,
    private readonly queue: DeliveryQueue,
    private readonly facts: SourceFacts,
    @Inject(RegistryViewReader) private readonly registry: RegistryViewReader,
    private readonly config: NotificationsConfig,
  ) {}

  onModuleInit(): void {
    const context: NoticeContext = {
      queue: this.queue,
      facts: this.facts,
      registry: this.registry,
      publicOrigin: new URL(this.config.identityIssuer).origin,
    };
    this.messaging.register(NOTICES_CONSUMER, [
      licenseRevokedHandler(context),
      licenseGrantedHandler(context),
      usageReportProcessedHandler(context),
      ...batchHandlers(context),
      claimSettledHandler(context),
      optOutConfirmedHandler(context),
      statementAvailableHandler(),
      disputeOpenedHandler(context),
    ]);
  }
}

/** Events of the log made into webhook messages for platforms and societies, and mail notices. */
@Module({
  providers: [SourceFacts, NoticeSources, NoticeSender],
  exports: [NoticeSender],
})
export class NoticesModule {}
