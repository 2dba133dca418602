import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Thread } from '../../src/core/thread-schema.js';
import { ALERT_EVENT } from '../../src/slack/alert-messages.js';
import { createStore } from '../../src/store/keyv-store.js';
import type { SlackMessage } from '../../src/store/store.js';
import { type FakeSlack, type SlackCall, startFakeSlack } from '../helpers/fake-slack.js';
import { boardWorkspace, startBoardFeed } from '../helpers/crash-board.js';
import type { FixtureServer } from '../helpers/fixture-server.js';
import { runCli, spawnCli } from '../helpers/run-cli.js';
import { CHANNEL, slackModeEnv } from '../helpers/slack-fixtures.js';

/**
 * Kills the real `bulssi scan --once` in Slack mode with SIGKILL at many points — most of them right after
 * the fake Slack answered a call, before Bulssi could record what Slack said — runs it again until a scan
 * completes, and checks that every risky thread ends with exactly one alert message in the channel.
 */

const RISKY = 10;
const CALM = 4;

let server: FixtureServer;
beforeAll(async () => {
  server = await startBoardFeed(RISKY, CALM);
});
afterAll(() => server.close());

function workspace(): string {
  return boardWorkspace(`${server.url}/feed.xml`, 'bulssi-crash-slack-');
}

/** A top-level message in the channel (an alert), not a reply in a thread. */
const isAlertPost = (call: SlackCall) => call.method === 'chat.postMessage' && !call.args.thread_ts;
const alertThreadId = (call: SlackCall) =>
  (call.args.metadata as { event_payload?: { thread_id?: string } } | undefined)?.event_payload?.thread_id;

/**
 * Kill once this run got Slack's answer to its `nth` call of `method` (alerts only for chat.postMessage),
 * `thenMs` later (0: as soon as the answer left the fake); or `afterMs` after the start.
 */
type Kill = { method: string; nth: number; thenMs?: number } | { afterMs: number };

/** One `scan --once` in Slack mode, killed with SIGKILL at `kill`; resolves to whether it was, and its log. */
function runAndKill(
  cwd: string,
  fake: FakeSlack,
  env: Record<string, string>,
  kill: Kill,
): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(['scan', '--once'], { cwd, env });
    let killed = false;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const killNow = () => {
      if (killed || child.exitCode !== null) return;
      killed = child.kill('SIGKILL');
    };
    let seen = 0;
    fake.onReplied = (call) => {
      if (!('method' in kill) || call.method !== kill.method) return;
      if (call.method === 'chat.postMessage' && !isAlertPost(call)) return;
      seen += 1;
      if (seen !== kill.nth) return;
      if (kill.thenMs) setTimeout(killNow, kill.thenMs);
      else killNow();
    };
    const timer = 'afterMs' in kill ? setTimeout(killNow, kill.afterMs) : undefined;
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      fake.onReplied = undefined;
      resolve({ killed, stderr });
    });
    child.stdin?.end();
  });
}

async function trial(kills: Kill[]) {
  const fake = await startFakeSlack();
  const env = slackModeEnv(fake);
  const cwd = workspace();
  try {
    const runs: { killed: boolean; stderr: string }[] = [];
    for (const kill of kills) runs.push(await runAndKill(cwd, fake, env, kill));
    const last = await runCli(['scan', '--once'], { cwd, env });
    // Read back as the bot does: every record validated, an invalid one reported (and quarantined).
    const invalid: string[] = [];
    const store = await createStore({
      path: join(cwd, 'data', 'bulssi.sqlite'),
      onInvalid: (error) => invalid.push(error.message),
    });
    const threads: Thread[] = [];
    const messages = new Map<string, SlackMessage | undefined>();
    try {
      for await (const thread of store.threads()) threads.push(thread);
      for (const thread of threads) messages.set(thread.id, await store.getSlackMessage(thread.id));
    } finally {
      await store.close();
    }
    return { runs, last, threads, messages, invalid, calls: [...fake.calls] };
  } finally {
    await fake.close();
  }
}

const post = (nth: number, thenMs?: number): Kill => ({
  method: 'chat.postMessage',
  nth,
  ...(thenMs === undefined ? {} : { thenMs }),
});

const PLANS: Kill[][] = [
  [post(1)],
  [post(2, 2)],
  [post(5, 5)],
  [post(RISKY)],
  [post(RISKY, 15)],
  [post(3), { method: 'conversations.history', nth: 1 }],
  [post(2), { method: 'chat.update', nth: 1 }],
  [post(1), post(1, 3), post(2)],
  [{ afterMs: 350 }, post(4, 1)],
];

describe('kill -9 during a scan in Slack mode', () => {
  // About 15 s on an idle machine; the timeout leaves room for one busy with the rest of the suite.
  it('leaves every risky thread with exactly one alert in the channel, recorded in the store', async () => {
    const results = [];
    for (let i = 0; i < PLANS.length; i += 3) {
      results.push(...(await Promise.all(PLANS.slice(i, i + 3).map((plan) => trial(plan)))));
    }

    let killedRuns = 0;
    let adopted = 0;
    for (const [index, { runs, last, threads, messages, invalid, calls }] of results.entries()) {
      const plan = JSON.stringify(PLANS[index]);
      expect(last.code, `${plan}: ${last.stderr}`).toBe(0);
      expect(invalid, plan).toEqual([]);
      expect(last.stderr, plan).not.toMatch(/quarantine|not valid/i);
      killedRuns += runs.filter((r) => r.killed).length;

      expect(threads, plan).toHaveLength(RISKY + CALM);
      const riskyThreads = threads.filter((t) => t.title.includes('벌레'));
      expect(riskyThreads, plan).toHaveLength(RISKY);

      // Every message posted to the channel is an alert of a risky thread, and each has exactly one.
      const posts = calls.filter(isAlertPost);
      expect(
        posts.every(
          (p) => (p.args.metadata as { event_type?: string } | undefined)?.event_type === ALERT_EVENT,
        ),
        plan,
      ).toBe(true);
      const postsByThread = new Map<string, SlackCall[]>();
      for (const p of posts) {
        const id = alertThreadId(p) ?? '';
        postsByThread.set(id, [...(postsByThread.get(id) ?? []), p]);
      }
      expect([...postsByThread.keys()].sort(), plan).toEqual(riskyThreads.map((t) => t.id).sort());
      for (const t of riskyThreads) {
        const [only, ...more] = postsByThread.get(t.id) ?? [];
        expect(more, `${plan} ${t.title}: posted ${more.length + 1} times`).toEqual([]);
        expect(t.alert?.status, `${plan} ${t.title}`).toBe('sent');
        // The store points at that message, so it is updated in place from now on.
        expect(messages.get(t.id), `${plan} ${t.title}`).toMatchObject({
          threadId: t.id,
          channel: CHANNEL,
          ts: only?.result?.ts,
        });
      }
      for (const t of threads.filter((t) => !t.title.includes('벌레'))) {
        expect(t.alert, plan).toBeUndefined();
        expect(messages.get(t.id), plan).toBeUndefined();
      }
      // Updates only ever go to messages that exist.
      const postedTs = new Set(posts.map((p) => p.result?.ts));
      for (const update of calls.filter((c) => c.method === 'chat.update'))
        expect(postedTs.has(update.args.ts as string), plan).toBe(true);
      // An alert Slack took just before a kill is found again through its metadata, not posted twice.
      for (const log of [...runs.map((r) => r.stderr), last.stderr])
        adopted += log.match(/already posted before a restart/g)?.length ?? 0;
    }
    // The plans must have killed runs mid-scan, some after Slack took an alert we never recorded.
    expect(killedRuns).toBeGreaterThanOrEqual(PLANS.length);
    expect(adopted).toBeGreaterThan(0);
  }, 120_000);
});
