import { describe, expect, it } from 'vitest';
import { configFrom } from '../../../src/config/load.js';
import { buildDigest, digestDue, digestSlot } from '../../../src/core/followup/digest.js';
import { followupPolicyFrom } from '../../../src/core/followup/due-actions.js';
import { markAlertSent, transition } from '../../../src/core/thread.js';
import { makeThread } from '../../helpers/slack-fixtures.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('digest timing', () => {
  it.each([
    // 09:00 in Seoul is 00:00 UTC.
    ['Asia/Seoul', '2026-11-23T00:30:00.000Z', '2026-11-23T00:00:00.000Z'],
    ['Asia/Seoul', '2026-11-22T23:59:00.000Z', '2026-11-22T00:00:00.000Z'],
    // 09:00 in New York is 14:00 UTC in winter, 13:00 in summer.
    ['America/New_York', '2026-11-23T13:59:00.000Z', '2026-11-22T14:00:00.000Z'],
    ['America/New_York', '2026-07-01T13:00:00.000Z', '2026-07-01T13:00:00.000Z'],
    // The day clocks go forward in London: 09:00 BST is 08:00 UTC.
    ['Europe/London', '2026-03-29T08:05:00.000Z', '2026-03-29T08:00:00.000Z'],
  ])('in %s at %s the digest slot is %s', (zone, now, slot) => {
    expect(iso(digestSlot(Date.parse(now), '09:00', zone))).toBe(slot);
  });

  it('is due once per slot', () => {
    const slot = Date.parse('2026-11-23T00:00:00.000Z');
    expect(digestDue(slot - 60_000, slot, '09:00', 'Asia/Seoul')).toBe(true);
    expect(digestDue(slot, slot + 60_000, '09:00', 'Asia/Seoul')).toBe(false);
    expect(digestDue(slot, slot + 86_400_000, '09:00', 'Asia/Seoul')).toBe(true);
  });
});

describe('digest figures', () => {
  it('counts new, open, resolved since yesterday and overdue, and lists the most severe open threads', () => {
    const policy = followupPolicyFrom(
      configFrom({
        watch: { brands: [{ name: '한빛푸드' }] },
        sources: [{ id: 's', type: 'feed', url: 'http://127.0.0.1:9/feed.xml' }],
        followup: { digest: { top: 2 } },
      }),
    );
    const now = Date.parse('2026-11-23T00:01:00.000Z');
    const yesterday = '2026-11-22T03:00:00.000Z';
    const lastWeek = '2026-11-16T03:00:00.000Z';
    const alerted = (id: string, at: string, level: 'critical' | 'high' | 'medium', score = 50) =>
      markAlertSent(makeThread({ id, now: at, risk: { level, score } }), at);
    const threads = [
      alerted('crit-new', yesterday, 'critical', 90),
      transition(alerted('med-acked', yesterday, 'medium', 40), { type: 'acknowledge', by: 'U1' }, yesterday),
      alerted('high-old', lastWeek, 'high', 70),
      transition(alerted('done', lastWeek, 'high'), { type: 'resolve', by: 'U1' }, yesterday),
      transition(alerted('done-long-ago', lastWeek, 'high'), { type: 'resolve', by: 'U1' }, lastWeek),
      makeThread({ id: 'quiet', now: yesterday, risk: { level: 'low' } }),
    ];
    const digest = buildDigest(threads, now, policy);
    expect(digest).toMatchObject({
      since: '2026-11-22T00:00:00.000Z',
      until: '2026-11-23T00:00:00.000Z',
      newThreads: 2,
      open: 3,
      resolved: 1,
    });
    expect(digest.overdue.map((t) => t.id)).toEqual(['crit-new', 'high-old']);
    expect(digest.top.map((t) => t.id)).toEqual(['crit-new', 'high-old']);
  });
});
