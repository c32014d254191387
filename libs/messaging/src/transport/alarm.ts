/**
 * Sleeps until a timeout or a wake-up, whichever comes first. A wake-up that arrives while
 * nobody sleeps is kept, so the next sleep returns at once: no notification is lost between a
 * loop's last read and its sleep.
 */
export class Alarm {
  private pending = false;
  private ring: (() => void) | undefined;

  wake(): void {
    this.pending = true;
    this.ring?.();
  }

  sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.ring = undefined;
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.ring = done;
    });
  }
}
