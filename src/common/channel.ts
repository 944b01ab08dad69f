/**
 * A bounded hand-over between one producer and one consumer; a failure on either side ends both.
 * `put` waits while `capacity` items are waiting, so a fast producer never runs ahead of a slow
 * consumer by more than that.
 */
export class Channel<T> {
  private readonly items: T[] = [];
  private closed = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly capacity: number) {}

  async put(item: T): Promise<void> {
    while (this.items.length >= this.capacity && !this.failure) await new Promise<void>((r) => (this.wake = r));
    if (this.failure) throw this.failure;
    this.items.push(item);
    this.notify();
  }

  /** The next item; undefined once the producer has closed the channel and every item was taken. */
  async take(): Promise<T | undefined> {
    while (!this.items.length && !this.closed && !this.failure) await new Promise<void>((r) => (this.wake = r));
    if (this.failure) throw this.failure;
    const item = this.items.shift();
    this.notify();
    return item;
  }

  close(): void {
    this.closed = true;
    this.notify();
  }

  fail(e: Error): void {
    this.failure ??= e;
    this.notify();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }
}
