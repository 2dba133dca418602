import { describe, expect, it } from 'vitest';
import { configFrom } from '../../../src/config/load.js';
import type { ConfigInput } from '../../../src/config/schema.js';
import {
  dueActions,
  type FollowupAction,
  followupPolicyFrom,
  recordFollowup,
} from '../../../src/core/followup/due-actions.js';
import { snoozeEnd, snoozeThread } from '../../../src/core/followup/snooze.js';
import { markAlertSent, observeThread, recordEvent, transition } from '../../../src/core/thread.js';
import type { Thread } from '../../../src/core/thread-schema.js';
import { makeThread } from '../../helpers/slack-fixtures.js';

const ALERTED = '2026-11-23T01:00:00.000Z'; // Monday 10:00 in Seoul
const T0 = Date.parse(ALERTED);
const min = (n: number) => T0 + n * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

function policy(followup: ConfigInput['followup'] = {}, extra: Partial<ConfigInput> = {}) {
  return followupPolicyFrom(
    configFrom({
      watch: { brands: [{ name: '한빛푸드' }] },
      sources: [{ id: 's', type: 'feed', url: 'http://127.0.0.1:9/feed.xml' }],
      escalation: { default: ['ULEAD'] },
      followup,
      ...extra,
    }),
  );
}

const LADDER = {
  escalation: {
    steps: [
      { targets: ['UCS'], waitMinutes: 10 },
      { targets: ['UPR'], waitMinutes: 30 },
      { targets: ['UEXEC'], waitMinutes: 60 },
    ],
    byCategory: { legal: [{ targets: ['SLEGAL'], waitMinutes: 0 }] },
  },
};

function alertedThread(
  level: 'critical' | 'high' | 'medium' | 'low' = 'high',
  category = 'contamination',
): Thread {
  const thread = makeThread({
    now: iso(min(-1)),
    risk: { level, category: category as Thread['risk']['category'] },
  });
  return markAlertSent(thread, ALERTED);
}

/** Runs the follow-up clock minute by minute from `from` to `to`, recording what it did. */
function runClock(thread: Thread, from: number, to: number, p = policy(LADDER)) {
  const log: { at: number; action: FollowupAction }[] = [];
  let current = thread;
  for (let at = from; at <= to; at += 60_000) {
    for (const action of dueActions(current, at, p)) {
      log.push({ at, action });
      current = recordFollowup(current, action, iso(at));
    }
  }
  return { log, thread: current };
}

describe('deadlines per level', () => {
  it.each([
    ['critical', 15, 120],
    ['high', 60, 480],
    ['medium', 240, 1440],
    ['low', 1440, 2880],
  ] as const)(
    'a %s thread is reminded at %i minutes unacknowledged and at %i minutes without a response',
    (level, ack, response) => {
      const thread = alertedThread(level);
      const p = policy();
      expect(dueActions(thread, min(ack - 1), p)).toEqual([]);
      expect(dueActions(thread, min(ack), p)).toEqual([
        { kind: 'remind', key: 'remind:ack', reason: 'ack_overdue', targets: [], dueAt: iso(min(ack)) },
      ]);
      const acked = transition(thread, { type: 'acknowledge', by: 'U1' }, iso(min(1)));
      const [reminder] = dueActions(acked, min(response), p).filter((a) => a.kind === 'remind');
      expect(reminder).toMatchObject({ key: 'remind:response', reason: 'response_overdue', targets: ['U1'] });
    },
  );

  it('takes deadlines from the config', () => {
    const p = policy({ deadlines: { high: { ackMinutes: 5, responseMinutes: 30 } } });
    expect(dueActions(alertedThread('high'), min(5), p)).toHaveLength(1);
  });

  it('never sends the same reminder twice', () => {
    const { log } = runClock(alertedThread('high'), T0, min(59 + 30), policy());
    expect(log.filter((l) => l.action.kind === 'remind')).toHaveLength(1);
    expect(log[0]?.at).toBe(min(60));
  });

  it('counts a draft put up for review as the first response', () => {
    const acked = transition(alertedThread('critical'), { type: 'acknowledge', by: 'U1' }, iso(min(5)));
    const drafted = recordEvent(acked, { at: iso(min(30)), type: 'drafted', by: 'U1' });
    expect(dueActions(drafted, min(200), policy())).toEqual([]);
  });

  it('follows nothing for a thread that was never alerted or is closed', () => {
    const silent = makeThread({ now: ALERTED });
    expect(dueActions(silent, min(5000), policy())).toEqual([]);
    const resolved = transition(alertedThread(), { type: 'resolve', by: 'U1' }, iso(min(1)));
    expect(dueActions(resolved, min(5000), policy())).toEqual([]);
  });

  it('restarts the clock when a thread is reopened', () => {
    const resolved = transition(alertedThread('critical'), { type: 'resolve', by: 'U1' }, iso(min(1)));
    const reopened = transition(resolved, { type: 'reopen', note: 'relapse' }, iso(min(1000)));
    expect(dueActions(reopened, min(1014), policy())).toEqual([]);
    expect(dueActions(reopened, min(1015), policy())[0]).toMatchObject({ key: 'remind:ack' });
  });
});

describe('escalation ladder', () => {
  it('walks the steps in order, each after its wait, one at a time', () => {
    const { log } = runClock(alertedThread('critical'), T0, min(15 + 10 + 30 + 60 + 30));
    expect(log.map((l) => [l.at, l.action.key])).toEqual(
      [
        [min(15), 'remind:ack'],
        [min(25), 'escalate:0'],
        [min(55), 'escalate:1'],
        [min(120), 'remind:response'],
        [min(120 - 5), 'escalate:2'],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  });

  it('pulls each step in once and remembers who was pulled in', () => {
    const { thread, log } = runClock(alertedThread('critical'), T0, min(600));
    expect(log.filter((l) => l.action.kind === 'escalate')).toHaveLength(3);
    expect(thread.escalatedTo).toEqual(['UCS', 'UPR', 'UEXEC']);
    expect(thread.state).toBe('open');
  });

  it('stops climbing once someone acknowledges and responds', () => {
    const thread = alertedThread('critical');
    const first = runClock(thread, T0, min(30));
    const handled = transition(first.thread, { type: 'acknowledge', by: 'U1' }, iso(min(31)));
    const drafted = recordEvent(handled, { at: iso(min(40)), type: 'drafted', by: 'U1' });
    const later = runClock(drafted, min(31), min(600));
    expect(later.log.filter((l) => l.action.kind === 'escalate')).toEqual([]);
  });

  it('uses the per-category ladder (legal threats to legal at once)', () => {
    const { log } = runClock(alertedThread('high', 'legal'), T0, min(61));
    expect(log.map((l) => l.action)).toEqual([
      expect.objectContaining({ key: 'remind:ack' }),
      expect.objectContaining({ key: 'escalate:0', targets: ['SLEGAL'], fresh: ['SLEGAL'] }),
    ]);
  });

  it('falls back to the Escalate targets as a one-step ladder', () => {
    const { log } = runClock(alertedThread('critical'), T0, min(60), policy());
    expect(log.map((l) => [l.at, l.action.key])).toEqual([
      [min(15), 'remind:ack'],
      [min(45), 'escalate:0'],
    ]);
    expect(log[1]?.action).toMatchObject({ targets: ['ULEAD'] });
  });

  it('escalates a thread still open after 48 hours even when every deadline was met', () => {
    const acked = transition(alertedThread('low'), { type: 'acknowledge', by: 'U1' }, iso(min(10)));
    const drafted = recordEvent(acked, { at: iso(min(20)), type: 'drafted', by: 'U1' });
    const p = policy();
    expect(dueActions(drafted, min(2879), p)).toEqual([]);
    expect(dueActions(drafted, min(2880), p)).toEqual([
      expect.objectContaining({
        kind: 'escalate',
        key: 'escalate:0',
        reason: 'open_too_long',
        targets: ['ULEAD'],
      }),
    ]);
  });
});

describe('a long timeline', () => {
  /** One scan seeing the post again at a different level: a `rescored` event. */
  const rescan = (thread: Thread, level: Thread['risk']['level'], at: number): Thread =>
    observeThread(thread, {
      post: {
        id: thread.postId,
        sourceId: thread.sourceId,
        url: thread.url,
        title: thread.title,
        text: thread.excerpt,
        metrics: {},
      },
      risk: { ...thread.risk, level },
      now: iso(at),
    });

  it('never sends a reminder or an escalation step again, however many times later scans re-score the thread', () => {
    const first = runClock(alertedThread('high'), T0, min(95), policy());
    expect(first.log.map((l) => l.action.key)).toEqual(['remind:ack', 'escalate:0']);
    let thread = first.thread;
    // The engagement baseline moves the level back and forth, scan after scan.
    for (let i = 0; i < 300; i += 1)
      thread = rescan(thread, i % 2 === 0 ? 'medium' : 'high', min(96) + i * 100);
    expect(thread.risk.level).toBe('high');
    expect(dueActions(thread, min(120), policy())).toEqual([]);
  });

  it('still counts a draft as the response after the story is seen on many other sites', () => {
    const acked = transition(alertedThread('high'), { type: 'acknowledge', by: 'U1' }, iso(min(5)));
    let thread = recordEvent(acked, { at: iso(min(10)), type: 'drafted', by: 'U1' });
    expect(dueActions(thread, min(500), policy(LADDER))).toEqual([]);
    for (let i = 0; i < 250; i += 1)
      thread = recordEvent(thread, { at: iso(min(20 + i)), type: 'seen', note: `also on:site${i}` });
    expect(dueActions(thread, min(500), policy(LADDER))).toEqual([]);
  });

  it('keeps deadlines running from the reopening after many re-scores', () => {
    const resolved = transition(alertedThread('critical'), { type: 'resolve', by: 'U1' }, iso(min(1)));
    let thread = transition(resolved, { type: 'reopen', note: 'relapse' }, iso(min(1000)));
    for (let i = 0; i < 300; i += 1)
      thread = rescan(thread, i % 2 === 0 ? 'high' : 'critical', min(1000) + (i + 1) * 1000);
    expect(thread.risk.level).toBe('critical');
    expect(dueActions(thread, min(1014), policy())).toEqual([]);
    expect(dueActions(thread, min(1015), policy())[0]).toMatchObject({ key: 'remind:ack' });
  });
});

describe('quiet hours, working hours and snooze', () => {
  // 2026-11-23 is a Monday; 13:00 UTC is 22:00 in Seoul.
  const LATE = Date.parse('2026-11-23T13:00:00.000Z');
  const lateThread = (level: 'critical' | 'high') => {
    const thread = makeThread({ now: iso(LATE - 60_000), risk: { level } });
    return markAlertSent(thread, iso(LATE));
  };

  it('holds a high thread through quiet hours and reminds of the most overdue deadline at their end', () => {
    const p = policy({ quietHours: { start: '22:00', end: '08:00' } });
    const thread = lateThread('high');
    expect(dueActions(thread, LATE + 61 * 60_000, p)).toEqual([]);
    const eight = Date.parse('2026-11-23T23:00:00.000Z'); // 08:00 Tuesday in Seoul
    expect(dueActions(thread, eight - 60_000, p)).toEqual([]);
    expect(dueActions(thread, eight, p)[0]).toMatchObject({ key: 'remind:response' });
  });

  it('never holds a critical thread for quiet hours', () => {
    const p = policy({ quietHours: { start: '22:00', end: '08:00' } });
    expect(dueActions(lateThread('critical'), LATE + 15 * 60_000, p)[0]).toMatchObject({ key: 'remind:ack' });
  });

  it('waits for working hours on weekdays in the configured time zone', () => {
    const p = policy({ workingHours: { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] } });
    // Friday 2026-11-27 17:30 Seoul; due at 18:30, held over the weekend to Monday 09:00.
    const friday = Date.parse('2026-11-27T08:30:00.000Z');
    const thread = markAlertSent(makeThread({ now: iso(friday), risk: { level: 'high' } }), iso(friday));
    expect(dueActions(thread, friday + 60 * 60_000, p)).toEqual([]);
    expect(dueActions(thread, Date.parse('2026-11-29T23:59:00.000Z'), p)).toEqual([]);
    expect(dueActions(thread, Date.parse('2026-11-30T00:00:00.000Z'), p)[0]).toMatchObject({
      key: 'remind:response',
    });
    const newYork = policy(
      { workingHours: { start: '09:00', end: '18:00' } },
      { schedule: { timezone: 'America/New_York' } },
    );
    // 08:30 UTC is 03:30 in New York: outside working hours there.
    expect(dueActions(thread, friday + 60 * 60_000, newYork)).toEqual([]);
  });

  it('snoozes reminders and escalations, then reminds once more when the snooze ends', () => {
    const p = policy(LADDER);
    const first = runClock(alertedThread('high'), T0, min(60));
    expect(first.log.map((l) => l.action.key)).toEqual(['remind:ack']);
    const until = iso(snoozeEnd('30m', min(61), 'Asia/Seoul'));
    const snoozed = snoozeThread(first.thread, { by: 'U1', until, now: iso(min(61)) });
    const during = runClock(snoozed, min(61), min(90), p);
    expect(during.log).toEqual([]);
    const after = runClock(during.thread, min(91), min(92), p);
    expect(after.log.map((l) => l.action.key)).toEqual([`remind:ack@${until}`, 'escalate:0']);
  });

  it.each([
    ['Asia/Seoul', '2026-11-23T14:30:00.000Z', '2026-11-24T00:00:00.000Z'],
    ['Asia/Seoul', '2026-11-23T02:00:00.000Z', '2026-11-24T00:00:00.000Z'],
    ['America/New_York', '2026-11-23T02:00:00.000Z', '2026-11-23T14:00:00.000Z'],
    ['Europe/London', '2026-03-28T10:00:00.000Z', '2026-03-29T08:00:00.000Z'],
  ])('"until tomorrow" in %s from %s ends at %s (09:00 local)', (zone, from, to) => {
    expect(iso(snoozeEnd('tomorrow', Date.parse(from), zone))).toBe(to);
  });

  it('snoozes for 30 minutes or 2 hours', () => {
    expect(snoozeEnd('30m', T0, 'Asia/Seoul') - T0).toBe(30 * 60_000);
    expect(snoozeEnd('2h', T0, 'Asia/Seoul') - T0).toBe(7_200_000);
  });
});

describe('follow-up config', () => {
  it('fills in the defaults and refuses an unknown category or a bad time', () => {
    expect(policy().followup).toMatchObject({
      deadlines: {
        critical: { ackMinutes: 15, responseMinutes: 120 },
        low: { ackMinutes: 1440, responseMinutes: 2880 },
      },
      maxOpenMinutes: 2880,
      relapseDays: 7,
      retentionDays: 90,
      digest: { enabled: true, time: '09:00' },
    });
    expect(() => policy({ escalation: { byCategory: { legall: [{ targets: ['SLEGAL'] }] } } })).toThrow(
      /followup\.escalation\.byCategory\.legall: "legall" is not a category/,
    );
    expect(() => policy({ quietHours: { start: '25:00', end: '08:00' } })).toThrow(
      /followup\.quietHours\.start/,
    );
  });
});
