import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configFrom } from '../../src/config/load.js';
import { followupPolicyFrom } from '../../src/core/followup/due-actions.js';
import { markAlertSent, observeThread, transition } from '../../src/core/thread.js';
import type { Thread } from '../../src/core/thread-schema.js';
import {
  createConsoleFollowupNotifier,
  type Escalation,
  type FollowupNotifier,
  type Reminder,
} from '../../src/followup/followup-notifier.js';
import { createFollowupClock } from '../../src/followup/followup-clock.js';
import { reportChanges } from '../../src/followup/report-changes.js';
import { runFollowup } from '../../src/followup/run-followup.js';
import { createStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';
import { makeThread, silentLogger } from '../helpers/slack-fixtures.js';

const T0 = Date.parse('2026-11-23T01:00:00.000Z');
const min = (n: number) => new Date(T0 + n * 60_000);

const policy = followupPolicyFrom(
  configFrom({
    watch: { brands: [{ name: '한빛푸드' }] },
    sources: [{ id: 's', type: 'feed', url: 'http://127.0.0.1:9/feed.xml' }],
    followup: {
      escalation: {
        steps: [
          { targets: ['UCS'], waitMinutes: 10 },
          { targets: ['SPR'], waitMinutes: 20 },
        ],
      },
    },
  }),
);

function recordingNotifier() {
  const sent: { kind: string; thread: string; key: string }[] = [];
  let failNext = 0;
  const notifier: FollowupNotifier = {
    async remind(thread: Thread, reminder: Reminder) {
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('Slack is down');
      }
      sent.push({ kind: 'remind', thread: thread.id, key: reminder.key });
    },
    async escalate(thread: Thread, escalation: Escalation) {
      sent.push({ kind: 'escalate', thread: thread.id, key: escalation.key });
    },
    async grew(thread: Thread) {
      sent.push({ kind: 'grew', thread: thread.id, key: '' });
    },
    async relapsed(thread: Thread) {
      sent.push({ kind: 'relapsed', thread: thread.id, key: '' });
    },
    async digest() {
      sent.push({ kind: 'digest', thread: '', key: '' });
    },
    async report() {
      sent.push({ kind: 'report', thread: '', key: '' });
    },
  };
  return { notifier, sent, failOnce: () => (failNext = 1) };
}

let store: Store;
let clock: Date;

beforeEach(async () => {
  store = await createStore();
  clock = min(0);
});
afterEach(async () => {
  await store.close();
});

async function seed(level: 'critical' | 'high', id: string): Promise<void> {
  await store.putThread(
    markAlertSent(makeThread({ id, now: min(-1).toISOString(), risk: { level } }), min(0).toISOString()),
  );
}

describe('the follow-up clock over the store', () => {
  it('reminds and escalates each open thread at its own deadlines, once each', async () => {
    await seed('critical', 'crit');
    await seed('high', 'high');
    const { notifier, sent } = recordingNotifier();
    const tick = async (minute: number) => {
      clock = min(minute);
      return runFollowup({ store, notifier, policy, logger: silentLogger, now: () => clock });
    };
    for (const minute of [0, 14, 15, 16, 25, 45, 60, 70, 90, 600]) await tick(minute);
    expect(sent.filter((s) => s.thread === 'crit').map((s) => s.key)).toEqual([
      'remind:ack',
      'escalate:0',
      'escalate:1',
      'remind:response',
    ]);
    expect(sent.filter((s) => s.thread === 'high').map((s) => s.key)).toEqual([
      'remind:ack',
      'escalate:0',
      'escalate:1',
      'remind:response',
    ]);
    const stored = await store.getThread('crit');
    expect(stored?.events.filter((e) => e.type === 'auto_escalated').map((e) => e.note)).toEqual([
      'escalate:0',
      'escalate:1',
    ]);
    expect(stored?.escalatedTo).toEqual(['UCS', 'SPR']);
  });

  it('tries a reminder that could not be delivered again on the next tick, and records it only then', async () => {
    await seed('critical', 'crit');
    const { notifier, sent, failOnce } = recordingNotifier();
    failOnce();
    clock = min(15);
    expect(await runFollowup({ store, notifier, policy, logger: silentLogger, now: () => clock })).toEqual({
      reminded: 0,
      escalated: 0,
      failed: 1,
      purged: 0,
      rescanMinutes: 10,
    });
    expect((await store.getThread('crit'))?.events.some((e) => e.type === 'reminded')).toBe(false);
    clock = min(16);
    await runFollowup({ store, notifier, policy, logger: silentLogger, now: () => clock });
    expect(sent.map((s) => s.key)).toEqual(['remind:ack']);
  });

  it('sends nothing for a thread acknowledged before its deadline', async () => {
    await seed('critical', 'crit');
    await store.updateThread('crit', (t) =>
      transition(t, { type: 'acknowledge', by: 'U1' }, min(5).toISOString()),
    );
    const { notifier, sent } = recordingNotifier();
    clock = min(30);
    await runFollowup({ store, notifier, policy, logger: silentLogger, now: () => clock });
    expect(sent).toEqual([]);
  });

  it('prints reminders and escalations as lines in terminal mode', async () => {
    await seed('critical', 'crit');
    let out = '';
    const stream = {
      write: (chunk: string) => {
        out += chunk;
        return true;
      },
    } as unknown as NodeJS.WritableStream;
    const notifier = createConsoleFollowupNotifier(stream, { timeZone: 'Asia/Seoul' });
    for (const minute of [15, 25]) {
      clock = min(minute);
      await runFollowup({ store, notifier, policy, logger: silentLogger, now: () => clock });
    }
    expect(out).toContain(
      'reminder: CRITICAL crit "한빛푸드 과자에서 벌레가 나왔어요" not acknowledged, due 2026-11-23 10:15 GMT+9',
    );
    expect(out).toContain('escalation step 1: CRITICAL crit');
    expect(out).toContain('→ UCS');
  });

  it('sends each reminder and escalation step once, however many times the scans re-score the thread', async () => {
    await seed('high', 'high');
    const { notifier, sent } = recordingNotifier();
    const deps = { store, notifier, policy, logger: silentLogger, now: () => clock };
    for (const minute of [61, 71, 91]) {
      clock = min(minute);
      await runFollowup(deps);
    }
    const keys = ['remind:ack', 'escalate:0', 'escalate:1'];
    expect(sent.map((s) => s.key)).toEqual(keys);
    // Scan after scan the engagement baseline moves the level high → medium → high: a 'rescored' event each.
    for (let i = 0; i < 300; i += 1) {
      await store.updateThread('high', (t) =>
        observeThread(t, {
          post: {
            id: t.postId,
            sourceId: t.sourceId,
            url: t.url,
            title: t.title,
            text: t.excerpt,
            metrics: {},
          },
          risk: { ...t.risk, level: i % 2 === 0 ? 'medium' : 'high' },
          now: new Date(min(92).getTime() + i * 1000).toISOString(),
        }),
      );
    }
    for (const minute of [100, 400]) {
      clock = min(minute);
      await runFollowup(deps);
    }
    expect(sent.map((s) => s.key)).toEqual(keys);
    const stored = await store.getThread('high');
    expect(stored?.events.filter((e) => e.type === 'reminded').map((e) => e.note)).toEqual(['remind:ack']);
  });

  it('after a scan, tells growth once and reopens a resolved thread that spikes again', async () => {
    await seed('high', 'grow');
    await seed('high', 'back');
    await store.updateThread('back', (t) =>
      transition(t, { type: 'resolve', by: 'U1' }, min(10).toISOString()),
    );
    const bump = (id: string, minute: number, comments: number) =>
      store.updateThread(id, (t) => ({
        ...t,
        lastSeenAt: min(minute).toISOString(),
        metrics: [...t.metrics, { at: min(minute).toISOString(), views: 200, comments }],
      }));
    await bump('grow', 30, 150);
    await bump('back', 30, 60);
    const { notifier, sent } = recordingNotifier();
    clock = min(30);
    const deps = { store, notifier, policy, logger: silentLogger, now: () => clock };
    expect(await reportChanges(deps, min(29).toISOString())).toEqual({ grew: 1, relapsed: 1, failed: 0 });
    expect(await reportChanges(deps, min(29).toISOString())).toEqual({ grew: 0, relapsed: 0, failed: 0 });
    expect(sent.map((s) => [s.kind, s.thread])).toEqual([
      ['grew', 'grow'],
      ['relapsed', 'back'],
    ]);
    const back = await store.getThread('back');
    expect(back?.state).toBe('open');
    // The reopened thread is on the clock again: unacknowledged an hour after reopening, it is reminded.
    clock = min(90);
    await runFollowup(deps);
    expect(sent.filter((s) => s.thread === 'back').map((s) => s.key)).toEqual(['', 'remind:ack']);
  });
});

describe('re-scan cadence', () => {
  it('asks for a fresh look as often as the most severe open thread wants it', async () => {
    const { notifier } = recordingNotifier();
    const tick = () => runFollowup({ store, notifier, policy, logger: silentLogger, now: () => clock });
    expect((await tick()).rescanMinutes).toBeUndefined();
    await seed('high', 'high');
    expect((await tick()).rescanMinutes).toBe(30);
    await seed('critical', 'crit');
    expect((await tick()).rescanMinutes).toBe(10);
    await store.updateThread('crit', (t) =>
      transition(t, { type: 'resolve', by: 'U1' }, clock.toISOString()),
    );
    expect((await tick()).rescanMinutes).toBe(30);
  });
});

describe('retention', () => {
  it.each([
    ['in memory', undefined],
    ['in SQLite', 'bulssi.sqlite'],
  ])(
    'deletes closed threads and their Slack records once past retention, and keeps the rest (%s)',
    async (_, file) => {
      if (file) {
        await store.close();
        store = await createStore({ path: join(mkdtempSync(join(tmpdir(), 'bulssi-retention-')), file) });
      }
      await seed('high', 'old');
      await seed('high', 'seen');
      await seed('high', 'open');
      for (const id of ['old', 'seen']) {
        await store.updateThread(id, (t) =>
          transition(t, { type: 'resolve', by: 'U1' }, min(10).toISOString()),
        );
        await store.putSlackMessage({
          threadId: id,
          channel: 'C1',
          ts: '1.1',
          postedAt: min(0).toISOString(),
        });
      }
      // Still shown by its source last week: deleting it would make the same post alert again.
      await store.updateThread('seen', (t) => ({
        ...t,
        lastSeenAt: new Date(T0 + 85 * 86_400_000).toISOString(),
      }));
      const { notifier } = recordingNotifier();
      clock = new Date(T0 + 91 * 86_400_000);
      const summary = await runFollowup({ store, notifier, policy, logger: silentLogger, now: () => clock });
      expect(summary.purged).toBe(1);
      expect(await store.getThread('old')).toBeUndefined();
      expect(await store.getSlackMessage('old')).toBeUndefined();
      expect(await store.getThread('seen')).toBeDefined();
      expect(await store.getThread('open')).toBeDefined();
    },
  );
});

describe('retention while scans run', () => {
  it('keeps a closed thread that a scan sees again between the listing and the delete', async () => {
    await seed('high', 'old');
    await store.updateThread('old', (t) =>
      transition(t, { type: 'resolve', by: 'U1' }, min(10).toISOString()),
    );
    clock = new Date(T0 + 91 * 86_400_000);
    const seenAgain = clock.toISOString();
    // The scan's write lands after the pass listed the thread as expired, before it deletes it.
    const realDelete = store.deleteThread.bind(store);
    store.deleteThread = async (id, when) => {
      await store.updateThread(id, (t) => ({ ...t, lastSeenAt: seenAgain }));
      return realDelete(id, when);
    };
    const { notifier } = recordingNotifier();
    const summary = await runFollowup({ store, notifier, policy, logger: silentLogger, now: () => clock });
    expect(summary.purged).toBe(0);
    expect((await store.getThread('old'))?.lastSeenAt).toBe(seenAgain);
  });
});

describe('the daily digest on the follow-up clock', () => {
  it.each([
    ['Asia/Seoul', '2026-11-23T00:00:00.000Z'],
    ['America/New_York', '2026-11-23T14:00:00.000Z'],
  ])('in %s it is sent once, at 09:00 local (%s), not at start-up', async (timezone, nineAm) => {
    const zoned = followupPolicyFrom(
      configFrom({
        watch: { brands: [{ name: '한빛푸드' }] },
        sources: [{ id: 's', type: 'feed', url: 'http://127.0.0.1:9/feed.xml' }],
        schedule: { timezone },
      }),
    );
    const { notifier, sent } = recordingNotifier();
    const nine = Date.parse(nineAm);
    clock = new Date(nine - 3 * 3_600_000);
    const followupClock = createFollowupClock({
      store,
      notifier,
      policy: zoned,
      logger: silentLogger,
      now: () => clock,
    });
    const sentAt: string[] = [];
    for (let at = nine - 3 * 3_600_000; at <= nine + 25 * 3_600_000; at += 60_000) {
      clock = new Date(at);
      if ((await followupClock.tick()).digest) sentAt.push(clock.toISOString());
    }
    expect(sentAt).toEqual([new Date(nine).toISOString(), new Date(nine + 86_400_000).toISOString()]);
    expect(sent.filter((s) => s.kind === 'digest')).toHaveLength(2);
    // 2026-11-23 is a Monday: the week's report follows that digest only.
    expect(sent.filter((s) => s.kind === 'report')).toHaveLength(1);
  });

  it('across a restart neither repeats the morning digest nor skips one that fell due while down', async () => {
    const nine = Date.parse('2026-11-23T00:00:00.000Z'); // 09:00 in Seoul
    const { notifier, sent } = recordingNotifier();
    const start = (at: number) => {
      clock = new Date(at);
      return createFollowupClock({ store, notifier, policy, logger: silentLogger, now: () => clock });
    };
    // Sent on time, then restarted at 09:30: nothing more that morning.
    const first = start(nine - 60_000);
    clock = new Date(nine);
    expect((await first.tick()).digest).toBe(true);
    expect((await start(nine + 30 * 60_000).tick()).digest).toBe(false);
    // Down from 08:00 to 10:00 the next day: the missed digest goes out on the first tick after the restart.
    clock = new Date(nine + 86_400_000 + 3_600_000);
    expect((await start(nine + 86_400_000 + 3_600_000).tick()).digest).toBe(true);
    expect(sent.filter((s) => s.kind === 'digest')).toHaveLength(2);
  });

  it('sends a weekly report Slack refused on the next tick, without repeating the digest', async () => {
    const nine = Date.parse('2026-11-23T00:00:00.000Z'); // Monday 09:00 in Seoul
    const { notifier, sent } = recordingNotifier();
    let refuse = true;
    const refusing: FollowupNotifier = {
      ...notifier,
      async report(report, daily) {
        if (refuse) {
          refuse = false;
          throw new Error('ratelimited');
        }
        await notifier.report(report, daily);
      },
    };
    clock = new Date(nine - 60_000);
    const followupClock = createFollowupClock({
      store,
      notifier: refusing,
      policy,
      logger: silentLogger,
      now: () => clock,
    });
    clock = new Date(nine);
    await expect(followupClock.tick()).rejects.toThrow('ratelimited');
    clock = new Date(nine + 60_000);
    expect(await followupClock.tick()).toMatchObject({ digest: false, report: true });
    clock = new Date(nine + 120_000);
    expect((await followupClock.tick()).report).toBeUndefined();
    expect(sent.map((s) => s.kind)).toEqual(['digest', 'report']);
  });
});
