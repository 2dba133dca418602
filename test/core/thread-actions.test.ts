import { describe, expect, it } from 'vitest';
import {
  createThread,
  isOpen,
  keepPeopleActions,
  lastEvent,
  recordEvent,
  transition,
} from '../../src/core/thread.js';

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
