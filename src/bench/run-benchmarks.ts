import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createMatcher, searchQueries } from '../core/match.js';
import { scorePost } from '../core/risk/score.js';
import { createHttpClient } from '../http/client.js';
import { runScan } from '../pipeline/scan.js';
import { createSource } from '../sources/create-source.js';
import { createStore } from '../store/keyv-store.js';
import { feedFarmConfig, startFeedFarm } from './feed-farm.js';
import { benchClickBurst } from './click-burst.js';
import { benchScanUnder429 } from './scan-under-429.js';
import { benchLargeStore } from './large-store.js';
import { benchCrisisStatus } from './status-latency.js';
import { benchStoryLinking } from './story-linking.js';
import { syntheticPosts } from './synthetic-posts.js';

/** Posts scored per second on this thread (one core), over about `seconds` of scoring. */
function benchScoring(seconds = 3): void {
  const posts = syntheticPosts(5_000, 500);
  for (const post of posts.slice(0, 500)) scorePost(post); // warm up
  let scored = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const post of posts) scorePost(post);
    scored += posts.length;
  }
  const elapsed = (performance.now() - start) / 1000;
  const rate = Math.round(scored / elapsed);
  console.log(
    `score: ${rate.toLocaleString('en-US')} posts/s on one core (500-character posts, ${scored.toLocaleString('en-US')} scored in ${elapsed.toFixed(2)} s; target ≥ 20,000)`,
  );
}

/** Wall time and peak memory of one scan of `feeds` RSS sources × `items` items served on loopback. */
async function benchScan(feeds = 200, items = 50): Promise<void> {
  const farm = await startFeedFarm(feeds, items);
  const dir = mkdtempSync(join(tmpdir(), 'bulssi-bench-'));
  const config = feedFarmConfig(farm, feeds, join(dir, 'bench.sqlite'));
  const store = await createStore({ path: config.store.path });
  const http = createHttpClient({ config: config.http, validators: store.validators });
  const match = createMatcher(config.watch);
  let alerts = 0;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  const summary = await runScan({
    sources: config.sources.map((s) => createSource(s)),
    sourceName: (id) => id,
    http,
    store,
    notifier: {
      notify: async () => {
        alerts += 1;
      },
    },
    match,
    score: (post) => scorePost({ title: post.title, text: post.text, metrics: post.metrics }),
    threshold: config.alert.threshold,
    queries: searchQueries(config.watch),
    env: {},
    logger: pino({ level: 'silent' }),
    now: () => new Date(),
    sourceConcurrency: 16,
  });
  const wall = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const failed = summary.sources.filter((s) => !s.ok);
  console.log(
    `scan: ${feeds} sources × ${items} items on loopback in ${wall.toFixed(2)} s wall, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB ` +
      `(${summary.posts.toLocaleString('en-US')} posts, ${summary.newThreads.toLocaleString('en-US')} threads stored in SQLite, ${alerts} alerts, ${failed.length} sources failed)`,
  );
  if (failed.length > 0) console.log(`  first failure: ${failed[0]?.id}: ${failed[0]?.error}`);
  await store.close();
  farm.close();
  rmSync(dir, { recursive: true, force: true });
}

/** Every bench by name, in the order they run; `./run bench scan status` runs the ones named. */
const BENCHES: ReadonlyArray<readonly [string, () => unknown]> = [
  ['score', benchScoring],
  ['scan', benchScan],
  ['stories', benchStoryLinking],
  ['status', benchCrisisStatus],
  ['clicks', benchClickBurst],
  ['429', benchScanUnder429],
  ['large-store', benchLargeStore],
];
const names = BENCHES.map(([name]) => name);
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !names.includes(name));
if (unknown.length > 0) {
  console.error(`unknown bench ${unknown.join(', ')}; choose from ${names.join(', ')}`);
  process.exit(2);
}
for (const [name, bench] of BENCHES) if (wanted.length === 0 || wanted.includes(name)) await bench();
