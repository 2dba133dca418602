import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configFrom } from '../../src/config/load.js';
import { createMatcher } from '../../src/core/match.js';
import { scorePost } from '../../src/core/risk/score.js';
import { createHttpClient } from '../../src/http/client.js';
import { runScan } from '../../src/pipeline/scan.js';
import { createSource } from '../../src/sources/create-source.js';
import { createStore } from '../../src/store/keyv-store.js';
import { type FixtureServer, respond, startFixtureServer } from '../helpers/fixture-server.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
<item><title>한빛푸드 과자에서 이물질</title><link>https://news.example/1</link><description>벌레가 나왔어요</description></item>
</channel></rss>`;

let server: FixtureServer;
beforeEach(async () => {
  server = await startFixtureServer({
    '/feed': respond(200, RSS, { 'content-type': 'application/rss+xml' }),
  });
});
afterEach(() => server.close());

async function scanOne(untrusted: boolean, allowPrivateNetworks = false) {
  const config = configFrom({
    watch: { brands: [{ name: '한빛푸드' }] },
    sources: [{ id: 'added', type: 'feed', url: `${server.url}/feed` }],
    http: { perHostIntervalMs: 0, retries: 0, allowPrivateNetworks },
  });
  const [sourceConfig] = config.sources;
  if (!sourceConfig) throw new Error('no source');
  const source = { ...createSource(sourceConfig), untrusted };
  const store = await createStore();
  const summary = await runScan({
    sources: [source],
    sourceName: (id) => id,
    http: createHttpClient({ config: config.http }),
    store,
    notifier: { notify: async () => {} },
    match: createMatcher(config.watch),
    score: (p) => scorePost({ title: p.title, text: p.text, metrics: p.metrics }),
    threshold: 'medium',
    queries: [],
    env: {},
    logger: pino({ level: 'silent' }),
    now: () => new Date('2026-11-22T00:00:00Z'),
  });
  await store.close();
  return summary.sources[0];
}

describe('a source added from outside the config file', () => {
  it('fails with ERR_BLOCKED_ADDRESS when it points at a loopback address, and the server is never asked', async () => {
    const run = await scanOne(true);
    expect(run).toMatchObject({ ok: false, items: 0 });
    expect(run?.error).toMatch(/loopback address/);
    expect(server.requests).toHaveLength(0);
  });

  it('is scanned when the config allows private networks', async () => {
    expect(await scanOne(true, true)).toMatchObject({ ok: true, items: 1 });
  });

  it('is treated like any config source when not marked untrusted', async () => {
    expect(await scanOne(false)).toMatchObject({ ok: true, items: 1 });
  });
});
