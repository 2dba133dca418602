import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { configFrom } from '../config/load.js';
import { scorePost } from '../core/risk/score.js';
import { createThread } from '../core/thread.js';
import { createSlackApp } from '../slack/app.js';
import { ACTION } from '../slack/ids.js';
import { createStore } from '../store/keyv-store.js';
import { startFakeSlackApi } from './fake-slack-api.js';
import { percentile } from './percentile.js';
import { syntheticPosts } from './synthetic-posts.js';

const SECRET = 'bench-signing-secret';
const CHANNEL = 'C0BENCH';
const USERS = Array.from({ length: 10 }, (_, n) => `U${n}`);
/** Slack's deadline for acknowledging an interaction, ms. */
const ACK_DEADLINE_MS = 3_000;

/** A signed block_actions request body and headers, as Slack sends a button click. */
function signedClick(actionId: string, threadId: string, user: string, slackUrl: string) {
  const payload = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'bench' },
    user: { id: user, username: user, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: `trigger-${actionId}-${threadId}`,
    container: { type: 'message', message_ts: '1700000000.000001', channel_id: CHANNEL },
    channel: { id: CHANNEL, name: 'crisis' },
    message: { ts: '1700000000.000001', text: 'alert' },
    response_url: `${slackUrl}/response/${threadId}`,
    actions: [
      { type: 'button', action_id: actionId, block_id: 'crisis_actions', value: threadId, action_ts: '1' },
    ],
  };
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
  };
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

/**
 * `clicks` alert buttons clicked at once on as many alerted threads, a quarter each of Acknowledge,
 * Resolve, Escalate and Draft apology, through the real Bolt HTTP receiver and listeners: the time from
 * sending each signed request to its HTTP 200 ack (Slack's limit is 3 s), and whether every Acknowledge
 * was stored exactly once. The fake Slack Web API shares this process, so the figures are pessimistic.
 */
export async function benchClickBurst(clicks = 200): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bulssi-bench-clicks-'));
  const store = await createStore({ path: join(dir, 'clicks.sqlite') });
  const slack = await startFakeSlackApi({ members: USERS });
  const config = configFrom({
    company: { name: '한빛푸드' },
    watch: { brands: [{ name: '한빛푸드' }] },
    sources: [{ id: 'bench', type: 'feed', url: 'http://127.0.0.1:9/feed.xml' }],
    slack: { channel: CHANNEL },
    escalation: { default: ['U0'] },
  });
  const app = createSlackApp({
    settings: {
      botToken: 'xoxb-bench',
      signingSecret: SECRET,
      appToken: undefined,
      apiUrl: slack.apiUrl,
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

  const now = new Date().toISOString();
  const ids: string[] = [];
  for (const post of syntheticPosts(clicks, 300, 11)) {
    const url = `https://board.example/posts/${post.id}`;
    const full = { ...post, id: `bench:${post.id}`, sourceId: 'bench', url };
    const risk = scorePost({ title: post.title, text: post.text, metrics: post.metrics, lang: post.lang });
    const thread = createThread({ id: `t${post.id}`, canonicalUrl: url, post: full, risk, now });
    await store.putThread(thread);
    await app.notifier.notify(thread, { sourceName: 'bench' });
    ids.push(thread.id);
  }

  const kinds = [ACTION.ack, ACTION.resolve, ACTION.escalate, ACTION.draft] as const;
  const requests = ids.map((id, n) => {
    const actionId = kinds[n % kinds.length] ?? ACTION.ack;
    return { id, actionId, ...signedClick(actionId, id, USERS[n % USERS.length] ?? 'U0', slack.url) };
  });
  const acked = requests.filter((r) => r.actionId === ACTION.ack).map((r) => r.id);
  const modals = requests.length - acked.length;

  const burstStart = performance.now();
  const results = await Promise.all(
    requests.map(async ({ body, headers }) => {
      const start = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body });
      await res.arrayBuffer();
      return { status: res.status, ms: performance.now() - start };
    }),
  );
  const ok = results.filter((r) => r.status === 200);
  const times = ok.map((r) => r.ms).sort((a, b) => a - b);
  const inTime = times.filter((ms) => ms <= ACK_DEADLINE_MS).length;

  const appliedOnce = async () => {
    let count = 0;
    for (const id of acked) {
      const thread = await store.getThread(id);
      if (
        thread?.state === 'acknowledged' &&
        thread.events.filter((e) => e.type === 'acknowledged').length === 1
      )
        count += 1;
    }
    return count;
  };
  const settled = await until(
    async () => (slack.calls.get('views.open') ?? 0) >= modals && (await appliedOnce()) === acked.length,
    30_000,
  );
  const followUpSeconds = (performance.now() - burstStart) / 1000;
  const stored = await appliedOnce();

  console.log(
    `click burst: ${clicks} signed button clicks at once (Acknowledge, Resolve, Escalate, Draft apology; ${kinds.length} kinds), ` +
      `HTTP 200 ack after p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms, max ${(times.at(-1) ?? Number.NaN).toFixed(0)} ms; ` +
      `${inTime}/${clicks} acked within 3 s (target: all)`,
  );
  console.log(
    `  ${stored}/${acked.length} acknowledgements stored exactly once, ${slack.calls.get('views.open') ?? 0}/${modals} modals opened, ` +
      `${settled ? `all follow-up work done ${followUpSeconds.toFixed(2)} s after the burst began` : 'follow-up work NOT finished within 30 s'}` +
      (ok.length < clicks ? `; ${clicks - ok.length} requests not answered 200` : ''),
  );
  await app.stop();
  await slack.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
