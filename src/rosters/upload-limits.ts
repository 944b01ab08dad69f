import type { EventEmitter } from 'node:events';

export type Slot = { granted: true; release(): void } | { granted: false; full: 'instance' | 'coreEnterprise' };

/**
 * Places for uploads being received by this instance: a few per core enterprise, so that one of them
 * cannot take every place, and a total, so that the instance's disk and sockets stay bounded.
 */
export class UploadSlots {
  private total = 0;
  private readonly perCoreEnterprise = new Map<string, number>();

  constructor(
    private readonly maxTotal: number,
    private readonly maxPerCoreEnterprise: number,
  ) {}

  take(coreEnterpriseId: string): Slot {
    const own = this.perCoreEnterprise.get(coreEnterpriseId) ?? 0;
    if (own >= this.maxPerCoreEnterprise) return { granted: false, full: 'coreEnterprise' };
    if (this.total >= this.maxTotal) return { granted: false, full: 'instance' };
    this.total++;
    this.perCoreEnterprise.set(coreEnterpriseId, own + 1);
    let released = false;
    return {
      granted: true,
      release: () => {
        if (released) return;
        released = true;
        this.total--;
        const left = (this.perCoreEnterprise.get(coreEnterpriseId) ?? 1) - 1;
        if (left > 0) this.perCoreEnterprise.set(coreEnterpriseId, left);
        else this.perCoreEnterprise.delete(coreEnterpriseId);
      },
    };
  }

  inUse(): number {
    return this.total;
  }

  coreEnterprisesTracked(): number {
    return this.perCoreEnterprise.size;
  }
}

export interface BodyWatchLimits {
  /** Longest silence allowed between two pieces of the body. */
  idleMs: number;
  /** Lowest average rate allowed once graceMs have passed since the watch began. */
  minBytesPerSecond: number;
  graceMs: number;
}

/**
 * Watches a request body arrive and calls `onTrip` once if it stalls or crawls: a client that keeps a
 * connection open while sending nothing (or a byte now and then) must not hold an upload place, a
 * temporary file and a socket for ever.
 */
export class BodyWatch {
  private readonly started = Date.now();
  private bytes = 0;
  private tripped = false;
  private readonly idle: NodeJS.Timeout;
  private readonly onData = (chunk: Buffer) => this.received(chunk.length);

  constructor(
    private readonly body: EventEmitter,
    private readonly limits: BodyWatchLimits,
    private readonly onTrip: (reason: 'idle' | 'slow') => void,
  ) {
    this.idle = setTimeout(() => this.trip('idle'), limits.idleMs);
    body.on('data', this.onData);
  }

  stop(): void {
    clearTimeout(this.idle);
    this.body.off('data', this.onData);
  }

  private received(n: number): void {
    if (this.tripped) return;
    this.bytes += n;
    const elapsedMs = Date.now() - this.started;
    if (elapsedMs >= this.limits.graceMs && (this.bytes * 1000) / elapsedMs < this.limits.minBytesPerSecond) {
      this.trip('slow');
      return;
    }
    this.idle.refresh();
  }

  private trip(reason: 'idle' | 'slow'): void {
    if (this.tripped) return;
    this.tripped = true;
    this.stop();
    this.onTrip(reason);
  }
}
