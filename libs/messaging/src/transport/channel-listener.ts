import pg from 'pg';

export interface ChannelListenerOptions {
  /** The database to listen on (the same one the notifying transactions commit to). */
  url: string;
  /** The NOTIFY channel. */
  channel: string;
  /** Shown in pg_stat_activity. */
  applicationName: string;
  /** Called on each notification of the channel. */
  onNotify: () => void;
  /** Pause before listening again after the session was lost (ms). Default 1000. */
  retryMs?: number;
}

/**
 * A session that LISTENs on one channel and wakes its owner on each NOTIFY (sent at commit, so
 * what it announces is visible). A lost session is opened again after a pause; its owner polls
 * meanwhile, so nothing is missed, only noticed later.
 */
export class ChannelListener {
  private session: pg.Client | undefined;
  private stopped = false;

  constructor(private readonly options: ChannelListenerOptions) {}

  /** Opens the session; rejects when it cannot (the owner polls instead). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const session = this.session;
    this.session = undefined;
    await session?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const { url, channel, applicationName, onNotify, retryMs = 1000 } = this.options;
    const client = new pg.Client({ connectionString: url, application_name: applicationName });
    client.on('notification', onNotify);
    const lost = () => {
      if (this.session !== client) return;
      this.session = undefined;
      if (!this.stopped) {
        setTimeout(() => {
          if (!this.stopped) void this.listen().catch(() => undefined);
        }, retryMs).unref();
      }
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query(`LISTEN "${channel}"`);
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.session = client;
  }
}
