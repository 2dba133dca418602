import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { describe, expect, it, vi } from 'vitest';
import { createThread } from '../../src/core/thread.js';
import { createStore } from '../../src/store/keyv-store.js';

const thread = (id: string) =>
  createThread({
    id,
    canonicalUrl: `https://example.kr/${id}`,
    post: { id, sourceId: 's', url: `https://example.kr/${id}`, title: id, text: 'text', metrics: {} },
    risk: { score: 10, level: 'none', category: 'none', reasons: [] },
    now: '2026-11-22T00:00:00.000Z',
  });

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'bulssi-store-')), 'nested', 'bulssi.sqlite');
}

describe('keyv store', () => {
  it('keeps threads in SQLite across reopening, in a folder it creates', async () => {
    const path = tempDb();
    const first = await createStore({ path });
    await first.putThread(thread('a'));
    await first.putThread(thread('b'));
    await first.close();
    const second = await createStore({ path });
    expect((await second.getThread('a'))?.title).toBe('a');
    const ids: string[] = [];
    for await (const t of second.threads()) ids.push(t.id);
    expect(ids.sort()).toEqual(['a', 'b']);
    await second.close();
  });

  it('lists more threads than one page of the SQLite iterator', async () => {
    const store = await createStore({ path: tempDb() });
    for (let i = 0; i < 1_234; i++) await store.putThread(thread(`t${i}`));
    let count = 0;
    for await (const _ of store.threads()) count += 1;
    expect(count).toBe(1_234);
    await store.close();
  });

  it('lists titles that start with a colon exactly as stored', async () => {
    const store = await createStore({ path: tempDb() });
    const odd = { ...thread('odd'), title: ':( 한빛푸드 ::최악:: :base64:abc' };
    await store.putThread(odd);
    await store.putThread(thread('plain'));
    const titles: string[] = [];
    for await (const t of store.threads()) titles.push(t.title);
    expect(titles.sort()).toEqual([':( 한빛푸드 ::최악:: :base64:abc', 'plain']);
    expect((await store.getThread('odd'))?.title).toBe(odd.title);
    await store.close();
  });

  it('quarantines a record that fails validation instead of crashing or losing it', async () => {
    const path = tempDb();
    const store = await createStore({ path });
    await store.putThread(thread('good'));
    await store.close();
    const raw = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${path}` }), namespace: 'threads' });
    await raw.set('bad', { schemaVersion: 99, id: 'bad' });
    await raw.disconnect();

    const onInvalid = vi.fn();
    const reopened = await createStore({ path, onInvalid });
    expect(await reopened.getThread('bad')).toBeUndefined();
    expect(onInvalid).toHaveBeenCalledOnce();
    expect(String(onInvalid.mock.calls[0]?.[0].message)).toMatch(/threads:bad is not valid.*quarantine/);
    const ids: string[] = [];
    for await (const t of reopened.threads()) ids.push(t.id);
    expect(ids).toEqual(['good']);
    await reopened.close();

    const quarantine = new Keyv({
      store: new KeyvSqlite({ uri: `sqlite://${path}` }),
      namespace: 'quarantine',
    });
    const kept: unknown[] = [];
    for await (const [, value] of quarantine.iterator?.(quarantine.namespace) ?? []) kept.push(value);
    expect(kept).toEqual([{ schemaVersion: 99, id: 'bad' }]);
    await quarantine.disconnect();
  });

  it('keeps the last error of a source across later successful runs', async () => {
    const store = await createStore();
    const base = { id: 'board', items: 0, matched: 0, unchanged: false, durationMs: 5, warnings: [] };
    await store.putSourceStatus({
      ...base,
      lastRunAt: 'T1',
      ok: false,
      lastError: 'timeout',
      lastErrorAt: 'T1',
    });
    expect((await store.getSourceStatus('board'))?.lastError).toBe('timeout');
    const all = [];
    for await (const s of store.sourceStatuses()) all.push(s.id);
    expect(all).toEqual(['board']);
    await store.close();
  });

  it('remembers HTTP validators per URL', async () => {
    const store = await createStore();
    await store.validators.set('https://a.kr/rss', { etag: '"x"' });
    expect(await store.validators.get('https://a.kr/rss')).toEqual({ etag: '"x"' });
    expect(await store.validators.get('https://a.kr/other')).toBeUndefined();
    await store.close();
  });

  it('says which file it could not open', async () => {
    await expect(createStore({ path: '/proc/version/not-a-dir/bulssi.sqlite' })).rejects.toThrow(
      /bulssi\.sqlite/,
    );
  });
});
