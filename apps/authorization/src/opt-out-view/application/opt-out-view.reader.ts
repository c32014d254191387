import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuthorizationConfig } from '#libs/config';
import { Topics, type OptOutTerms } from '#libs/contracts';
import { EVENT_TRANSPORT, type EventTransport } from '#libs/messaging';
import { OptOutView } from '#libs/opt-out-view';

/** Consumer (group and inbox) name of the opt-out view. */
export const OPT_OUT_VIEW_CONSUMER = 'authorization.opt-outs';

/** Opt-outs as this service knows them from optout.* events, and how fresh that is. */
@Injectable()
export class OptOutViewReader {
  private readonly view: OptOutView;

  constructor(
    dataSource: DataSource,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    private readonly config: AuthorizationConfig,
  ) {
    this.view = new OptOutView(dataSource, 'authorization');
  }

  /** Opt-outs (withdrawn ones included) of these holders. */
  ofHolders(holderIds: readonly string[], manager?: EntityManager): Promise<OptOutTerms[]> {
    return this.view.ofHolders(holderIds, manager);
  }

  /**
   * True when an opt-out event older than OPT_OUT_VIEW_MAX_LAG_MS has not been applied yet:
   * decisions must not grant on such a view.
   */
  isStale(): Promise<boolean> {
    return this.transport.unhandledOlderThan(
      OPT_OUT_VIEW_CONSUMER,
      [Topics.optOut],
      this.config.OPT_OUT_VIEW_MAX_LAG_MS,
    );
  }
}
