import { describe, expect, it } from 'vitest';
import {
  createThread,
  isOpen,
  observeThread,
  keepPeopleActions,
  lastEvent,
  recordEvent,
  transition,
} from '../../src/core/thread.js';
import {
  EVENT_OBSERVATIONS_MAX,
  EVENT_RECORDS_MAX,
  type Thread,
  type ThreadEvent,
} from '../../src/core/thread-schema.js';

const post = {
  id: 'p',
  sourceId: 's',
  url: 'https://example.kr/p',
  title: 'p',
  text: 'text',
  metrics: { views: 1 },
};
const risk = { score: 60, level: 'high' as const, category: 'outage' as const, reasons: [] };
const fresh = () =>
  createThread({ id: 't1', canonicalUrl: post.url, post, risk, now: '2026-11-22T00:00:00.000Z' });
const at = (minute: number) => `2026-11-22T01:${String(minute).padStart(2, '0')}:00.000Z`;

describe('thread actions from people', () => {
  it('escalates once per target: a repeat to the same people at the same level is refused', () => {
    const once = transition(
      fresh(),
      { type: 'escalate', by: 'U1', targets: ['UQA', 'SQ'], level: 'critical' },
      at(1),
    );
    expect(once).toMatchObject({
      state: 'escalated',
      escalatedTo: ['UQA', 'SQ'],
      peakLevel: 'critical',
      assignee: 'U1',
    });
    expect(() =>
      transition(once, { type: 'escalate', by: 'U2', targets: ['SQ'], level: 'high' }, at(2)),
    ).toThrow(expect.objectContaining({ code: 'ERR_TRANSITION' }));
    const more = transition(once, { type: 'escalate', by: 'U2', targets: ['ULEGAL'] }, at(3));
    expect(more.escalatedTo).toEqual(['UQA', 'SQ', 'ULEGAL']);
  });

  it('records the resolution outcome, who and when', () => {
    const resolved = transition(
      fresh(),
      { type: 'resolve', by: 'U1', outcome: 'post_removed', note: 'taken down' },
      at(4),
    );
    expect(resolved.resolution).toEqual({ outcome: 'post_removed', note: 'taken down', by: 'U1', at: at(4) });
    expect(isOpen(resolved)).toBe(false);
    expect(lastEvent(resolved, 'resolved')).toMatchObject({ by: 'U1', at: at(4) });
  });

  it('records a draft without changing the state', () => {
    const drafted = recordEvent(fresh(), { at: at(5), type: 'drafted', by: 'U1' });
    expect(drafted.state).toBe('open');
    expect(lastEvent(drafted, 'drafted')?.by).toBe('U1');
  });

  it('keeps people’s actions when a stale copy is written over them, and leaves a current copy alone', () => {
    const base = fresh();
    const acked = transition(base, { type: 'acknowledge', by: 'U1' }, at(6));
    const stale = { ...base, lastSeenAt: at(7) };
    const merged = keepPeopleActions(acked, stale);
    expect(merged).toMatchObject({ state: 'acknowledged', assignee: 'U1', lastSeenAt: at(7) });
    expect(merged.events.map((e) => e.type)).toEqual(['seen', 'acknowledged']);
    const current = { ...acked, lastSeenAt: at(8) };
    expect(keepPeopleActions(acked, current)).toBe(current);
  });
});

describe('a long timeline', () => {
  const second = (n: number) => new Date(Date.parse('2026-11-22T02:00:00.000Z') + n * 1000).toISOString();
  /** `n` scans each seeing the post at another level than the last. */
  const rescans = (thread: Thread, n: number, from = 0): Thread => {
    let current = thread;
    for (let i = 0; i < n; i += 1) {
      const level = current.risk.level === 'high' ? 'medium' : 'high';
      current = observeThread(current, { post, risk: { ...risk, level }, now: second(from + i) });
    }
    return current;
  };
  const types = (events: readonly ThreadEvent[]) => events.map((e) => e.type);

  it('drops the oldest observations first and keeps every action and follow-up record', () => {
    let thread = transition(fresh(), { type: 'acknowledge', by: 'U1' }, at(1));
    thread = recordEvent(thread, { at: at(2), type: 'reminded', by: 'bulssi', note: 'remind:response' });
    thread = recordEvent(thread, { at: at(3), type: 'drafted', by: 'U1' });
    thread = recordEvent(thread, {
      at: at(4),
      type: 'grew',
      by: 'bulssi',
      note: 'stage=2;level=high;sites=1',
    });
    thread = rescans(thread, 1000);
    const kept = thread.events;
    expect(types(kept).slice(0, 4)).toEqual(['acknowledged', 'reminded', 'drafted', 'grew']);
    // The last growth report stays: it says what was told, so the same growth is not told twice.
    expect(kept.filter((e) => e.type !== 'grew' && e.type !== 'rescored')).toHaveLength(3);
    expect(kept.filter((e) => e.type === 'rescored')).toHaveLength(EVENT_OBSERVATIONS_MAX);
    expect(kept.at(-1)).toMatchObject({ type: 'rescored', at: second(999) });
  });

  it('bounds the records too, oldest first', () => {
    let thread = fresh();
    for (let i = 0; i < EVENT_RECORDS_MAX + 50; i += 1)
      thread = recordEvent(thread, { at: second(i), type: 'snoozed', by: 'U1', note: second(i + 60) });
    thread = rescans(thread, 300, EVENT_RECORDS_MAX + 50);
    const snoozes = thread.events.filter((e) => e.type === 'snoozed');
    expect(snoozes).toHaveLength(EVENT_RECORDS_MAX);
    expect(snoozes[0]?.at).toBe(second(50));
    expect(thread.events).toHaveLength(EVENT_RECORDS_MAX + EVENT_OBSERVATIONS_MAX);
  });

  it('keeps the follow-up records when a stale copy with a long timeline is merged with people’s actions', () => {
    const reminded = recordEvent(fresh(), { at: at(1), type: 'reminded', by: 'bulssi', note: 'remind:ack' });
    const stale = rescans(reminded, EVENT_OBSERVATIONS_MAX);
    const acked = transition(reminded, { type: 'acknowledge', by: 'U1' }, at(2));
    const merged = keepPeopleActions(acked, stale);
    expect(merged.state).toBe('acknowledged');
    expect(types(merged.events).filter((t) => t !== 'rescored' && t !== 'seen')).toEqual([
      'reminded',
      'acknowledged',
    ]);
  });
});
