import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Messaging } from '#libs/messaging';
import { optOutViewHandlers } from '#libs/opt-out-view';
import { OPT_OUT_VIEW_CONSUMER } from '../../opt-out-view/application/opt-out-view.reader.js';
import { LicenseRevoker } from './license-revoker.js';

/**
 * Applies optout.* events: keeps the opt-out view and, in the same transaction, revokes the
 * licenses a new opt-out takes out of the scheme. A replayed event finds its row and changes
 * nothing (the inbox also skips it).
 */
@Injectable()
export class OptOutEvents implements OnModuleInit {
  constructor(
    private readonly messaging: Messaging,
    private readonly revoker: LicenseRevoker,
  ) {}

  onModuleInit(): void {
    this.messaging.register(
      OPT_OUT_VIEW_CONSUMER,
      optOutViewHandlers('authorization', async (optOut, manager, event) => {
        await this.revoker.revokeFor(optOut, manager, event);
      }),
    );
  }
}
