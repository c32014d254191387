/**
 * Counts failures per client in fixed one-minute windows: after `limit` failures in a window,
 * a client is refused until the window ends. Windows that ended are forgotten.
 */
export class FailedAttempts {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `client` may try again, or 0 when it may now. */
  waitFor(client: string): number {
    const window = this.current(client);
    return window && window.count >= this.limit ? window.endsAt - this.now() : 0;
  }

  /** Takes back one failure counted before the outcome was known (see `fail`). */
  forgive(client: string): void {
    const window = this.current(client);
    if (window && window.count > 0) window.count -= 1;
  }

  fail(client: string): void {
    const window = this.current(client);
    if (window) window.count += 1;
    else this.windows.set(client, { count: 1, endsAt: this.now() + this.windowMs });
  }

  private current(client: string) {
    const window = this.windows.get(client);
    if (window && window.endsAt > this.now()) return window;
    if (window) this.windows.delete(client);
    if (this.windows.size > 10_000) this.forgetEnded();
    return undefined;
  }

  private forgetEnded(): void {
    const now = this.now();
    for (const [client, window] of this.windows)
      if (window.endsAt <= now) this.windows.delete(client);
  }
}
