import { Channel } from './channel.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Channel', () => {
  it('hands items over in order and ends with undefined once closed and drained', async () => {
    const c = new Channel<number>(2);
    await c.put(1);
    await c.put(2);
    c.close();
    expect(await c.take()).toBe(1);
    expect(await c.take()).toBe(2);
    expect(await c.take()).toBeUndefined();
  });

  it('holds the producer back while the channel is full', async () => {
    const c = new Channel<number>(1);
    await c.put(1);
    let second = false;
    const putting = c.put(2).then(() => (second = true));
    await tick();
    expect(second).toBe(false);
    expect(await c.take()).toBe(1);
    await putting;
    expect(second).toBe(true);
    expect(await c.take()).toBe(2);
  });

  it('wakes a waiting consumer when an item arrives', async () => {
    const c = new Channel<string>(1);
    const taking = c.take();
    await tick();
    await c.put('a');
    expect(await taking).toBe('a');
  });

  it('ends both sides with the first failure', async () => {
    const c = new Channel<number>(1);
    await c.put(1);
    const blocked = c.put(2);
    const first = new Error('producer failed');
    c.fail(first);
    c.fail(new Error('later'));
    await expect(blocked).rejects.toBe(first);
    await expect(c.take()).rejects.toBe(first);
    await expect(c.put(3)).rejects.toBe(first);
  });

  it('wakes a consumer waiting on an empty channel when it fails', async () => {
    const c = new Channel<number>(1);
    const taking = c.take();
    const e = new Error('boom');
    c.fail(e);
    await expect(taking).rejects.toBe(e);
  });
});
