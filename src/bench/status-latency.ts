import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { configFrom } from '../config/load.js';
import { scorePost } from '../core/risk/score.js';
import { createThread } from '../core/thread.js';
import { createSlackApp } from '../slack/app.js';
import { createStore } from '../store/keyv-store.js';
import type { Store } from '../store/store.js';
import { syntheticPosts } from './synthetic-posts.js';

const SECRET = 'bench-signing-secret';

/** The `p`th percentile of times sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * `/crisis status` with `count` open threads in SQLite: the time from Slack sending the signed command to
 * the reply arriving at its response_url, through the real Bolt HTTP receiver and listener.
 */
export async function benchCrisisStatus(count = 10_000, runs = 20): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bulssi-bench-status-'));
  const store = await createStore({ path: join(dir, 'status.sqlite') });
  const now = new Date().toISOString();
  const fillStart = performance.now();
  for (const post of syntheticPosts(count, 200, 7)) {
    const url = `https://board.example/posts/${post.id}`;
    const full = { ...post, id: `bench:${post.id}`, sourceId: 'bench', url };
    const risk = scorePost({ title: post.title, text: post.text, metrics: post.metrics, lang: post.lang });
    await store.putThread(createThread({ id: `t${post.id}`, canonicalUrl: url, post: full, risk, now }));
  }
  const fillSeconds = (performance.now() - fillStart) / 1000;
  const times = await timeCrisisStatus(store, runs);
  console.log(
    `/crisis status: ${count.toLocaleString('en-US')} open threads in SQLite, reply after p50 ${percentile(times, 50).toFixed(0)} ms, ` +
      `p99 ${percentile(times, 99).toFixed(0)} ms over ${runs} commands (target < 300 ms; threads stored in ${fillSeconds.toFixed(1)} s)`,
  );
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Times `/crisis status` over `store`, `runs` times after one warm-up: from Slack sending the signed command
 * to the reply arriving at its response_url, through the real Bolt HTTP receiver and listener. Milliseconds,
 * sorted ascending.
 */
export async function timeCrisisStatus(store: Store, runs: number): Promise<number[]> {
  // Stands in for Slack: every Web API call answers ok; a response_url POST ends one measurement.
  let replied: (() => void) | undefined;
  const slack = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.startsWith('/response/')) replied?.();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
  const slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}`;

  const config = configFrom({
    watch: { brands: [{ name: '한빛푸드' }] },
    sources: [{ id: 'bench', type: 'feed', url: 'http://127.0.0.1:9/feed.xml' }],
    slack: { channel: 'C0BENCH' },
  });
  const app = createSlackApp({
    settings: {
      botToken: 'xoxb-bench',
      signingSecret: SECRET,
      appToken: undefined,
      apiUrl: `${slackUrl}/api/`,
      port: 0,
    },
    config,
    store,
    logger: pino({ level: 'silent' }),
    botId: 'BBENCH',
    botUserId: 'UBENCH',
    env: {},
  });
  const { port } = await app.start();

  const once = async (): Promise<number> => {
    const body = new URLSearchParams({
      team_id: 'T1',
      channel_id: 'C0BENCH',
      user_id: 'U1',
      command: '/crisis',
      text: 'status',
      api_app_id: 'A1',
      response_url: `${slackUrl}/response/1`,
      trigger_id: 'trigger',
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const done = new Promise<void>((resolve) => {
      replied = resolve;
    });
    const start = performance.now();
    const ack = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
      },
      body,
    });
    if (ack.status !== 200) throw new Error(`/crisis status was answered HTTP ${ack.status}`);
    await done;
    return performance.now() - start;
  };

  await once(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push(await once());
  times.sort((a, b) => a - b);
  await app.stop();
  await new Promise((resolve) => slack.close(resolve));
  return times;
}
