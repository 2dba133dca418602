import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createMatcher, searchQueries } from '../core/match.js';
import { scorePost } from '../core/risk/score.js';
import { isAtLeast } from '../core/thread.js';
import { createHttpClient } from '../http/client.js';
import { deliverPendingAlerts } from '../notify/deliver-pending.js';
import { runScan } from '../pipeline/scan.js';
import { createSlackApp } from '../slack/app.js';
import { createSource } from '../sources/create-source.js';
import { createStore } from '../store/keyv-store.js';
import { feedFarmConfig, startFeedFarm } from './feed-farm.js';
import { startFakeSlackApi } from './fake-slack-api.js';

/** chat.postMessage calls answered 429: every 3rd of the first 30, then a run of 8 from the 1,000th. */
function rateLimitPosts(method: string, call: number): number | undefined {
  if (method !== 'chat.postMessage') return undefined;
  if (call <= 30 && call % 3 === 0) return 1;
  if (call >= 1_000 && call < 1_008) return 1;
  return undefined;
}

/** Rounds of pending delivery tried before the bench gives up on an alert. */
const MAX_ROUNDS = 10;

/**
 * One scan of `feeds` RSS sources × `items` items delivering alerts through the Slack app's notifier, while
 * the fake Slack answers some chat.postMessage calls 429 (Retry-After: 1); then pending delivery until the
 * queue is empty. Checks that every alert due was posted exactly once and that every post was stored.
 */
export async function benchScanUnder429(feeds = 200, items = 50): Promise<void> {
  const farm = await startFeedFarm(feeds, items);
  const slack = await startFakeSlackApi({ members: ['U1'], rateLimit: rateLimitPosts });
  const dir = mkdtempSync(join(tmpdir(), 'bulssi-bench-429-'));
  const config = feedFarmConfig(farm, feeds, join(dir, 'bench.sqlite'), { slack: { channel: 'C0BENCH' } });
  const logger = pino({ level: 'silent' });
  const store = await createStore({ path: config.store.path });
  // The Slack app as `bulssi start` creates it (its Web API client keeps its default retries).
  const app = createSlackApp({
    settings: {
      botToken: 'xoxb-bench',
      signingSecret: 'bench-signing-secret',
      appToken: undefined,
      apiUrl: slack.apiUrl,
      port: 0,
    },
    config,
    store,
    logger,
    botId: 'BBENCH',
    botUserId: 'UBENCH',
    env: {},
  });
  const sourceName = (id: string) => id;
  const now = () => new Date();

  const start = performance.now();
  const summary = await runScan({
    sources: config.sources.map((s) => createSource(s)),
    sourceName,
    http: createHttpClient({ config: config.http, validators: store.validators }),
    store,
    notifier: app.notifier,
    match: createMatcher(config.watch),
    score: (post) => scorePost({ title: post.title, text: post.text, metrics: post.metrics }),
    threshold: config.alert.threshold,
    queries: searchQueries(config.watch),
    env: {},
    logger,
    now,
    sourceConcurrency: 16,
  });
  const scanSeconds = (performance.now() - start) / 1000;
  // What follows every scan: alerts left pending are delivered again, until the queue is empty.
  let rounds = 0;
  let remaining = Number.POSITIVE_INFINITY;
  const farFuture = new Date(Date.UTC(9999, 0)).toISOString();
  while (remaining > 0 && rounds < MAX_ROUNDS) {
    rounds += 1;
    const deps = { store, notifier: app.notifier, sourceName, logger, now };
    remaining = (await deliverPendingAlerts(deps, farFuture)).remaining;
  }
  await app.messages.refreshSeenSince(summary.startedAt);
  const wall = (performance.now() - start) / 1000;

  const postsPerThread = new Map<string, number>();
  for (const alert of slack.alerts)
    postsPerThread.set(alert.threadId, (postsPerThread.get(alert.threadId) ?? 0) + 1);
  let stored = 0;
  let due = 0;
  let lost = 0;
  for await (const thread of store.threads()) {
    stored += 1;
    if (!isAtLeast(thread.risk.level, config.alert.threshold)) continue;
    due += 1;
    if (thread.alert?.status !== 'sent' || !postsPerThread.has(thread.id)) lost += 1;
  }
  const duplicates = [...postsPerThread.values()].filter((n) => n > 1).length;
  const posts = slack.calls.get('chat.postMessage') ?? 0;
  const verdict =
    duplicates === 0 && lost === 0 && stored === feeds * items ? 'nothing lost' : 'ALERTS OR POSTS LOST';

  console.log(
    `scan under 429: ${feeds} sources × ${items} items while Slack answered ${slack.rateLimited} of ${posts} chat.postMessage calls 429 (Retry-After: 1): ` +
      `${wall.toFixed(2)} s wall (scan ${scanSeconds.toFixed(2)} s, ${summary.alertFailures} alerts left pending by it, delivered in ${rounds} round${rounds === 1 ? '' : 's'} after)`,
  );
  console.log(
    `  ${verdict}: ${due.toLocaleString('en-US')} alerts due, ${postsPerThread.size.toLocaleString('en-US')} posted, ${duplicates} duplicates, ${lost} lost; ` +
      `${stored.toLocaleString('en-US')}/${(feeds * items).toLocaleString('en-US')} posts stored as threads`,
  );
  await store.close();
  await slack.close();
  farm.close();
  rmSync(dir, { recursive: true, force: true });
}
