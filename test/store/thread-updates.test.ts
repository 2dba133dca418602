import { describe, expect, it } from 'vitest';
import { createThread, observeThread, transition } from '../../src/core/thread.js';
import { createKeyedLock } from '../../src/store/keyed-lock.js';
import { createStore } from '../../src/store/keyv-store.js';

const post = {
  id: 'p',
  sourceId: 's',
  url: 'https://example.kr/p',
  title: 'p',
  text: 'text',
  metrics: { views: 1 },
};
const risk = { score: 60, level: 'high' as const, category: 'outage' as const, reasons: [] };
const thread = () =>
  createThread({ id: 't1', canonicalUrl: post.url, post, risk, now: '2026-11-22T00:00:00.000Z' });

describe('thread updates in the store', () => {
  it('applies two concurrent clicks one after the other: one wins, the other finds it no longer applies', async () => {
    const store = await createStore();
    await store.putThread(thread());
    const click = (by: string) =>
      store.updateThread('t1', (t) => transition(t, { type: 'acknowledge', by }, '2026-11-22T01:00:00.000Z'));
    const results = await Promise.allSettled([click('U1'), click('U2')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const stored = await store.getThread('t1');
    expect(stored?.events.filter((e) => e.type === 'acknowledged')).toHaveLength(1);
    expect(stored?.assignee).toBe('U1');
    await store.close();
  });

  it('resolves to undefined for an unknown thread and writes nothing when the update throws', async () => {
    const store = await createStore();
    expect(await store.updateThread('nope', (t) => t)).toBeUndefined();
    await store.putThread(thread());
    await expect(
      store.updateThread('t1', () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await store.getThread('t1'))?.state).toBe('open');
    await store.close();
  });

  it('keeps a person’s action when a scan writes back a thread it read before the click', async () => {
    const store = await createStore();
    await store.putThread(thread());
    const readByScan = await store.getThread('t1');
    await store.updateThread('t1', (t) =>
      transition(t, { type: 'acknowledge', by: 'U1' }, '2026-11-22T01:00:00.000Z'),
    );
    if (!readByScan) throw new Error('no thread');
    const observed = observeThread(readByScan, {
      post: { ...post, metrics: { views: 900 } },
      risk,
      now: '2026-11-22T01:00:05.000Z',
    });
    await store.putThread(observed);
    const stored = await store.getThread('t1');
    expect(stored?.state).toBe('acknowledged');
    expect(stored?.assignee).toBe('U1');
    expect(stored?.metrics.at(-1)?.views).toBe(900);
    await store.close();
  });

  it('remembers where each alert was posted', async () => {
    const store = await createStore();
    await store.putSlackMessage({
      threadId: 't1',
      channel: 'C1',
      ts: '1.2',
      postedAt: '2026-11-22T00:00:00.000Z',
    });
    expect(await store.getSlackMessage('t1')).toMatchObject({ channel: 'C1', ts: '1.2' });
    expect(await store.getSlackMessage('t2')).toBeUndefined();
    await store.close();
  });
});

describe('createKeyedLock', () => {
  it('runs tasks for one key in order, and a failure does not block the next', async () => {
    const lock = createKeyedLock();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = lock('a', async () => {
      await gate;
      order.push('a1');
      throw new Error('a1 failed');
    });
    const second = lock('a', async () => {
      order.push('a2');
    });
    const other = lock('b', async () => {
      order.push('b1');
    });
    await other;
    expect(order).toEqual(['b1']);
    release();
    await expect(first).rejects.toThrow('a1 failed');
    await second;
    expect(order).toEqual(['b1', 'a1', 'a2']);
  });
});
