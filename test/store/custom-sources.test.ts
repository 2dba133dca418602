import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/keyv-store.js';

const FEED = {
  id: 'slack-3fa9c1',
  url: 'https://news.example/rss',
  name: 'Daily News',
  addedBy: 'U1',
  addedAt: '2026-11-22T00:00:00.000Z',
};

describe('feeds added from Slack in the store', () => {
  it('survive a restart, and a record that does not validate is quarantined instead of read', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bulssi-custom-')), 'bulssi.sqlite');
    const first = await createStore({ path });
    expect(await first.getCustomSources()).toEqual([]);
    await first.putCustomSources([FEED]);
    await first.close();

    const second = await createStore({ path });
    expect(await second.getCustomSources()).toEqual([FEED]);
    await second.close();

    const raw = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${path}` }), namespace: 'custom-sources' });
    await raw.set('all', [{ ...FEED, url: 'file:///etc/passwd' }]);
    await raw.disconnect();
    const invalid: string[] = [];
    const third = await createStore({ path, onInvalid: (error) => invalid.push(error.message) });
    expect(await third.getCustomSources()).toEqual([]);
    await third.close();
    expect(invalid).toEqual([expect.stringContaining('custom-sources:all')]);
  });

  it('keeps both of two changes made at once, to the feeds and to the watch terms', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bulssi-custom-')), 'bulssi.sqlite');
    const store = await createStore({ path });
    const second = { ...FEED, id: 'slack-b00000', url: 'https://b.example/rss' };
    // Each change reads, yields (as a slow disk or a feed check would), then writes what it read plus its own.
    await Promise.all(
      [FEED, second].map((feed) => store.updateCustomSources((current) => [...current, feed])),
    );
    await Promise.all(
      ['리콜', '불매'].map((term) =>
        store.updateWatchOverrides((current) => ({ ...current, added: [...current.added, term] })),
      ),
    );
    await store.updateCustomSources(() => undefined);
    const after = await createStore({ path: path });
    await store.close();
    expect((await after.getCustomSources()).map((f) => f.url)).toEqual([FEED.url, second.url]);
    expect((await after.getWatchOverrides()).added).toEqual(['리콜', '불매']);
    await after.close();
  });
});
