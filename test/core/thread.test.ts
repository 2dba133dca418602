import { describe, expect, it } from 'vitest';
import type { Post } from '../../src/core/post.js';
import {
  createThread,
  excerptOf,
  isAtLeast,
  markAlertPending,
  markAlertSent,
  needsAlert,
  observeThread,
  transition,
} from '../../src/core/thread.js';
import type { Risk } from '../../src/core/thread-schema.js';

const T0 = '2026-11-22T00:00:00.000Z';
const T1 = '2026-11-22T00:10:00.000Z';

const post = (metrics: Post['metrics'] = { views: 40, comments: 3 }): Post => ({
  id: 'board:1024',
  sourceId: 'board',
  url: 'https://community.example.kr/view?no=1024',
  title: '한빛푸드 바삭칩에서 이물질',
  text: '봉지 안에서 검은 이물질이 나왔습니다.',
  author: '바삭맘',
  metrics,
});
const risk = (level: Risk['level'], score = 50): Risk => ({
  score,
  level,
  category: 'contamination',
  reasons: [],
});
const fresh = (level: Risk['level'] = 'high') =>
  createThread({
    id: 't1',
    canonicalUrl: 'https://community.example.kr/view?no=1024',
    post: post(),
    risk: risk(level),
    now: T0,
  });

describe('thread', () => {
  it('starts open with one metrics snapshot and a seen event', () => {
    const thread = fresh();
    expect(thread.state).toBe('open');
    expect(thread.metrics).toEqual([{ at: T0, views: 40, comments: 3 }]);
    expect(thread.events.map((e) => e.type)).toEqual(['seen']);
    expect(thread.author).toBe('바삭맘');
  });

  it('appends a metrics snapshot when counts change and not when they stay the same', () => {
    const same = observeThread(fresh(), { post: post(), risk: risk('high'), now: T1 });
    expect(same.metrics).toHaveLength(1);
    expect(same.lastSeenAt).toBe(T1);
    const grown = observeThread(fresh(), {
      post: post({ views: 400, comments: 30 }),
      risk: risk('high'),
      now: T1,
    });
    expect(grown.metrics.map((m) => m.views)).toEqual([40, 400]);
  });

  it('remembers the peak level and records a rescore event when the level changes', () => {
    const lower = observeThread(fresh('critical'), { post: post(), risk: risk('medium'), now: T1 });
    expect(lower.peakLevel).toBe('critical');
    expect(lower.events.at(-1)).toMatchObject({ type: 'rescored', note: 'critical → medium' });
  });

  it('alerts once: due at the threshold, not again after it was sent', () => {
    const thread = fresh('high');
    expect(needsAlert(thread, 'medium')).toBe(true);
    expect(needsAlert(thread, 'critical')).toBe(false);
    const sent = markAlertSent(markAlertPending(thread, T0), T0);
    expect(needsAlert(sent, 'medium')).toBe(false);
    expect(
      needsAlert(
        observeThread(sent, { post: post({ views: 9999 }), risk: risk('critical'), now: T1 }),
        'medium',
      ),
    ).toBe(false);
  });

  it('counts delivery attempts, so a retry knows an earlier attempt may have reached Slack', () => {
    const once = markAlertPending(fresh('high'), T0);
    expect(once.alert?.attempts).toBe(1);
    expect(markAlertPending(once, T1).alert?.attempts).toBe(2);
    expect(markAlertPending(markAlertSent(once, T0), T1).alert?.attempts).toBe(1);
  });

  it('keeps retrying an alert left pending by a crash, even if the level fell below the threshold', () => {
    const pending = markAlertPending(fresh('high'), T0);
    const lowered = observeThread(pending, { post: post(), risk: risk('low'), now: T1 });
    expect(needsAlert(lowered, 'medium')).toBe(true);
  });

  it('never alerts on a closed thread', () => {
    const dismissed = transition(fresh('critical'), { type: 'dismiss', by: 'U1' }, T1);
    expect(needsAlert(dismissed, 'low')).toBe(false);
  });

  it.each([
    ['open', 'acknowledge', 'acknowledged'],
    ['open', 'escalate', 'escalated'],
    ['open', 'resolve', 'resolved'],
    ['open', 'dismiss', 'dismissed'],
  ] as const)('moves from %s on %s to %s', (_from, type, to) => {
    expect(transition(fresh(), { type, by: 'U1' }, T1).state).toBe(to);
  });

  it('refuses an action that does not apply instead of half-applying it', () => {
    const acked = transition(fresh(), { type: 'acknowledge', by: 'U1' }, T1);
    expect(acked.assignee).toBe('U1');
    expect(() => transition(acked, { type: 'acknowledge', by: 'U2' }, T1)).toThrow(
      /is acknowledged; it cannot be acknowledged/,
    );
    const resolved = transition(acked, { type: 'resolve', by: 'U1', note: 'refunded' }, T1);
    expect(resolved.events.at(-1)).toMatchObject({ type: 'resolved', by: 'U1', note: 'refunded' });
    expect(() => transition(resolved, { type: 'resolve', by: 'U1' }, T1)).toThrow(
      /ERR_TRANSITION|cannot be resolved/,
    );
    expect(transition(resolved, { type: 'reopen' }, T1).state).toBe('open');
  });

  it('orders levels none < low < medium < high < critical', () => {
    expect(isAtLeast('high', 'medium')).toBe(true);
    expect(isAtLeast('medium', 'medium')).toBe(true);
    expect(isAtLeast('low', 'medium')).toBe(false);
  });

  it('cuts long excerpts on a word boundary with an ellipsis', () => {
    const text = 'word '.repeat(200);
    const cut = excerptOf(text, 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut.endsWith('…')).toBe(true);
    expect(excerptOf('  short \n text ')).toBe('short text');
  });
});
