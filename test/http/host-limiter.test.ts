import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostLimiter } from '../../src/http/host-limiter.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Runs every pending timer so sleeping tasks finish, then returns what `work` resolved to. */
async function settle<T>(work: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync();
  return work;
}

describe('createHostLimiter', () => {
  it('spaces starts to one host by intervalMs, in arrival order', async () => {
    const limiter = createHostLimiter({ concurrency: 4, intervalMs: 500 });
    const starts: [string, number][] = [];
    const run = (id: string) => limiter.run('example.com', async () => starts.push([id, Date.now()]));
    await settle(Promise.all(['a', 'b', 'c'].map(run)));
    expect(starts).toEqual([
      ['a', 0],
      ['b', 500],
      ['c', 1000],
    ]);
  });

  it('paces each host on its own', async () => {
    const limiter = createHostLimiter({ concurrency: 1, intervalMs: 500 });
    const run = (host: string) => limiter.run(host, async () => Date.now());
    expect(await settle(Promise.all([run('a.example'), run('b.example')]))).toEqual([0, 0]);
  });

  it('keeps at most `concurrency` tasks running per host', async () => {
    const limiter = createHostLimiter({ concurrency: 2, intervalMs: 0 });
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 100));
      running -= 1;
    };
    await settle(Promise.all(Array.from({ length: 5 }, () => limiter.run('example.com', task))));
    expect(most).toBe(2);
  });

  it('holds a host back until the given time', async () => {
    const limiter = createHostLimiter({ concurrency: 1, intervalMs: 0 });
    limiter.holdUntil('example.com', 3000);
    expect(await settle(limiter.run('example.com', async () => Date.now()))).toBe(3000);
  });

  it('widens the gap for a host but never below the configured one', async () => {
    const limiter = createHostLimiter({ concurrency: 1, intervalMs: 100 });
    limiter.widenInterval('slow.example', 2000);
    limiter.widenInterval('fast.example', 10);
    const twice = (host: string) =>
      Promise.all([limiter.run(host, async () => Date.now()), limiter.run(host, async () => Date.now())]);
    expect(await settle(twice('slow.example'))).toEqual([0, 2000]);
    const [first = 0, second = 0] = await settle(twice('fast.example'));
    expect(second - first).toBe(100);
  });

  it('passes a task failure through and keeps the host usable', async () => {
    const limiter = createHostLimiter({ concurrency: 1, intervalMs: 0 });
    await expect(limiter.run('example.com', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await limiter.run('example.com', async () => 'ok')).toBe('ok');
  });
});
