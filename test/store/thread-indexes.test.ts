import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createThread } from '../../src/core/thread.js';
import type { Thread, ThreadState } from '../../src/core/thread-schema.js';
import { createStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';

const thread = (id: string, seen = '2026-11-22T00:00:00.000Z'): Thread =>
  createThread({
    id,
    canonicalUrl: `https://example.kr/${id}`,
    post: { id, sourceId: 's', url: `https://example.kr/${id}`, title: id, text: 'text', metrics: {} },
    risk: { score: 10, level: 'none', category: 'none', reasons: [] },
    now: seen,
  });

const pending = (t: Thread): Thread => ({
  ...t,
  alert: { status: 'pending', level: 'high', at: t.lastSeenAt },
});

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'bulssi-index-')), 'bulssi.sqlite');
}

async function ids(threads: AsyncIterable<Thread>): Promise<string[]> {
  const out: string[] = [];
  for await (const t of threads) out.push(t.id);
  return out;
}

/** What every index says about a store, in a form two stores can be compared by. */
async function answers(store: Store) {
  return {
    open: (await ids(store.openThreads())).sort(),
    pending: await ids(store.pendingAlertThreads()),
    seenSinceDay2: await ids(store.threadsLastSeen({ since: '2026-11-02' })),
    seenBeforeDay3: await ids(store.threadsLastSeen({ before: '2026-11-03' })),
    counts: await store.countThreadsByState(),
  };
}

const counts = (partial: Partial<Record<ThreadState, number>>) => ({
  open: 0,
  acknowledged: 0,
  escalated: 0,
  resolved: 0,
  dismissed: 0,
  ...partial,
});

/** Three threads seen on three days: a open with its alert pending, b resolved (alert pending), c acknowledged. */
async function fill(store: Store): Promise<void> {
  await store.putThread(pending(thread('a', '2026-11-01T09:00:00.000Z')));
  await store.putThread(pending(thread('b', '2026-11-02T09:00:00.000Z')));
  await store.putThread(thread('c', '2026-11-03T09:00:00.000Z'));
  await store.updateThread('b', (t) => ({ ...t, state: 'resolved' }));
  await store.updateThread('c', (t) => ({ ...t, state: 'acknowledged' }));
}

const opened: Store[] = [];
async function open(path?: string): Promise<Store> {
  const store = await createStore(path === undefined ? {} : { path });
  opened.push(store);
  return store;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

describe.each([
  ['in memory', () => open()],
  ['in SQLite', () => open(tempDb())],
])('thread indexes %s', (_mode, openStore) => {
  it('follow puts, updates, state changes and deletes', async () => {
    const store = await openStore();
    await fill(store);
    expect(await answers(store)).toEqual({
      open: ['a', 'c'],
      pending: ['a'],
      seenSinceDay2: ['b', 'c'],
      seenBeforeDay3: ['a', 'b'],
      counts: counts({ open: 1, acknowledged: 1, resolved: 1 }),
    });

    await store.updateThread('a', (t) => ({
      ...t,
      state: 'dismissed',
      lastSeenAt: '2026-11-04T00:00:00.000Z',
    }));
    await store.updateThread('b', (t) => ({
      ...t,
      state: 'open',
      alert: { status: 'sent', level: 'high', at: t.lastSeenAt },
    }));
    await store.deleteThread('c');
    expect(await answers(store)).toEqual({
      open: ['b'],
      pending: [],
      seenSinceDay2: ['a', 'b'],
      seenBeforeDay3: ['b'],
      counts: counts({ open: 1, dismissed: 1 }),
    });
  });

  it('lists threads last seen in a range, in the order of the full listing', async () => {
    const store = await openStore();
    await store.putThread(thread('a', '2026-11-05T00:00:00.000Z'));
    await store.putThread(thread('y', '2026-11-02T00:00:00.000Z'));
    await store.putThread(thread('z', '2026-11-02T00:00:00.000Z'));
    await store.putThread(thread('zz', '2026-11-01T00:00:00.000Z'));
    expect(await ids(store.threadsLastSeen({}))).toEqual(await ids(store.threads()));
    expect(await ids(store.threadsLastSeen({}))).toEqual(['a', 'y', 'z', 'zz']);
    expect(
      await ids(
        store.threadsLastSeen({ since: '2026-11-02T00:00:00.000Z', before: '2026-11-05T00:00:00.000Z' }),
      ),
    ).toEqual(['y', 'z']);
  });

  it('pages through more open and recently seen threads than one query returns', async () => {
    const store = await openStore();
    for (let i = 0; i < 1_234; i++) await store.putThread(thread(`t${String(i).padStart(4, '0')}`));
    await store.putThread(thread('closed'));
    await store.updateThread('closed', (t) => ({ ...t, state: 'resolved' }));
    const open = await ids(store.openThreads());
    expect(open).toHaveLength(1_234);
    expect(new Set(open).size).toBe(1_234);
    const seen = await ids(store.threadsLastSeen({ since: '2026-11-22' }));
    expect(seen).toHaveLength(1_235);
    expect(new Set(seen).size).toBe(1_235);
    expect((await store.countThreadsByState()).open).toBe(1_234);
  });
});

describe('thread indexes in SQLite', () => {
  it('list open threads as stored now, however often they are listed, and never let a reader change them', async () => {
    const store = await open(tempDb());
    await fill(store);
    const list = async () => {
      const threads: Thread[] = [];
      for await (const t of store.openThreads()) threads.push(t);
      return threads;
    };
    const first = await list();
    expect(await list()).toEqual(first);
    const [a] = first;
    expect(() => {
      (a as { title: string }).title = 'changed by a reader';
    }).toThrow(TypeError);
    await store.updateThread('a', (t) => ({
      ...t,
      title: 'edited',
      events: [...t.events, { at: t.lastSeenAt, type: 'seen' }],
    }));
    const after = await list();
    expect(after.find((t) => t.id === 'a')?.title).toBe('edited');
    expect(after.find((t) => t.id === 'a')?.events.length).toBe((a?.events.length ?? 0) + 1);
    await store.updateThread('a', (t) => ({ ...t, state: 'resolved' }));
    expect((await list()).map((t) => t.id)).toEqual(['c']);
  });

  it('give the same answers after the store is reopened', async () => {
    const path = tempDb();
    const first = await open(path);
    await fill(first);
    const before = await answers(first);
    await first.close();
    opened.splice(opened.indexOf(first), 1);
    const second = await open(path);
    expect(await answers(second)).toEqual(before);
  });

  it('follow a thread written past the store, through a raw keyv handle', async () => {
    const path = tempDb();
    const store = await open(path);
    await fill(store);
    const raw = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${path}` }), namespace: 'threads' });
    await raw.set('d', pending(thread('d', '2026-11-04T00:00:00.000Z')));
    await raw.set('a', { ...thread('a', '2026-11-01T09:00:00.000Z'), state: 'resolved' });
    await raw.disconnect();
    const expected = {
      open: ['c', 'd'],
      pending: ['d'],
      seenSinceDay2: ['b', 'c', 'd'],
      seenBeforeDay3: ['a', 'b'],
      counts: counts({ open: 1, acknowledged: 1, resolved: 2 }),
    };
    expect(await answers(store)).toEqual(expected);
    expect(await answers(await open(path))).toEqual(expected);
  });

  it('are rebuilt on open when they are missing, as in a store from before them', async () => {
    const path = tempDb();
    const first = await open(path);
    await fill(first);
    const before = await answers(first);
    await first.close();
    opened.splice(opened.indexOf(first), 1);

    const sqlite = new KeyvSqlite({ uri: `sqlite://${path}` });
    const indexes = (await sqlite.query(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'keyv_threads_%'`,
    )) as { name: string }[];
    expect(indexes).toHaveLength(2);
    for (const { name } of indexes) await sqlite.query(`DROP INDEX ${name}`);
    const raw = new Keyv({ store: sqlite, namespace: 'threads' });
    await raw.set('d', thread('d', '2026-11-04T00:00:00.000Z'));
    await raw.disconnect();

    const reopened = await open(path);
    expect(await answers(reopened)).toEqual({
      ...before,
      open: ['a', 'c', 'd'],
      seenSinceDay2: ['b', 'c', 'd'],
      counts: { ...before.counts, open: 2 },
    });
  });

  it('quarantine a thread record that is not JSON before they are built, and refuse one afterwards', async () => {
    const path = tempDb();
    const sqlite = new KeyvSqlite({ uri: `sqlite://${path}` });
    await sqlite.query(`INSERT INTO keyv (key, value) VALUES ('threads:broken', 'not json {')`);
    await sqlite.disconnect();
    const onInvalid = vi.fn();
    const store = await createStore({ path, onInvalid });
    opened.push(store);
    expect(String(onInvalid.mock.calls[0]?.[0].message)).toMatch(/threads:broken is not valid.*quarantine/);
    await store.putThread(thread('a'));
    expect(await ids(store.threads())).toEqual(['a']);
    expect(await store.countThreadsByState()).toEqual(counts({ open: 1 }));

    const raw = new KeyvSqlite({ uri: `sqlite://${path}` });
    await expect(
      raw.query(`INSERT INTO keyv (key, value) VALUES ('threads:broken', 'not json {')`),
    ).rejects.toThrow(/malformed JSON/);
    // Other namespaces are none of the indexes' business.
    await raw.query(`INSERT INTO keyv (key, value) VALUES ('sources:odd', 'not json {')`);
    await raw.disconnect();
  });
});
