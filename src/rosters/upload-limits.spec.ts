import { jest } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { BodyWatch, UploadSlots } from './upload-limits.js';

describe('UploadSlots', () => {
  it('gives each core enterprise its share and the instance its total, and takes places back once', () => {
    const slots = new UploadSlots(3, 2);
    const a1 = slots.take('a');
    const a2 = slots.take('a');
    expect(a1.granted && a2.granted).toBe(true);
    expect(slots.take('a')).toEqual({ granted: false, full: 'coreEnterprise' });
    const b1 = slots.take('b');
    expect(b1.granted).toBe(true);
    expect(slots.take('c')).toEqual({ granted: false, full: 'instance' });
    if (!a1.granted) throw new Error('unreachable');
    a1.release();
    a1.release(); // a second release of the same place changes nothing
    expect(slots.inUse()).toBe(2);
    const c1 = slots.take('c');
    expect(c1.granted).toBe(true);
    expect(slots.take('a')).toEqual({ granted: false, full: 'instance' });
  });

  it('forgets a core enterprise once it has no upload running', () => {
    const slots = new UploadSlots(2, 1);
    const a = slots.take('a');
    if (!a.granted) throw new Error('expected a place');
    a.release();
    expect(slots.inUse()).toBe(0);
    expect(slots.coreEnterprisesTracked()).toBe(0);
  });
});

describe('BodyWatch', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function watch(idleMs = 1000, minBytesPerSecond = 100) {
    const body = new EventEmitter();
    const trips: string[] = [];
    const w = new BodyWatch(body, { idleMs, minBytesPerSecond, graceMs: idleMs }, (reason) => trips.push(reason));
    return { body, trips, w };
  }

  it('lets a body that keeps up its rate through', () => {
    const { body, trips, w } = watch();
    for (let i = 0; i < 50; i++) {
      jest.advanceTimersByTime(100);
      body.emit('data', Buffer.alloc(50));
    }
    w.stop();
    jest.advanceTimersByTime(10_000);
    expect(trips).toEqual([]);
  });

  it('cuts off a body that sends nothing for the idle time', () => {
    const { body, trips } = watch();
    body.emit('data', Buffer.alloc(500));
    jest.advanceTimersByTime(999);
    expect(trips).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(trips).toEqual(['idle']);
  });

  it('cuts off a body that never stops but stays under the minimum rate once the grace period is over', () => {
    const { body, trips } = watch(1000, 100);
    for (let i = 0; i < 9; i++) {
      jest.advanceTimersByTime(100);
      body.emit('data', Buffer.alloc(5)); // 50 bytes/s
    }
    expect(trips).toEqual([]);
    jest.advanceTimersByTime(200);
    body.emit('data', Buffer.alloc(5));
    expect(trips).toEqual(['slow']);
  });

  it('judges the rate even when the last bytes came just in time for the idle timer', () => {
    const { body, trips } = watch(1000, 1000);
    for (let i = 0; i < 5; i++) {
      jest.advanceTimersByTime(900);
      body.emit('data', Buffer.alloc(10));
    }
    expect(trips).toEqual(['slow']);
  });

  it('reports once, and nothing after stop()', () => {
    const { body, trips } = watch();
    jest.advanceTimersByTime(5000);
    body.emit('data', Buffer.alloc(1));
    jest.advanceTimersByTime(5000);
    expect(trips).toEqual(['idle']);
    const other = watch();
    other.w.stop();
    jest.advanceTimersByTime(5000);
    expect(other.trips).toEqual([]);
  });
});
