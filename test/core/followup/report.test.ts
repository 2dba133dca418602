import { describe, expect, it } from 'vitest';
import { buildReport, formatReport, percentile } from '../../../src/core/followup/report.js';
import { markAlertSent, transition } from '../../../src/core/thread.js';
import type { Thread } from '../../../src/core/thread-schema.js';
import { makeThread } from '../../helpers/slack-fixtures.js';

const T0 = Date.parse('2026-11-16T00:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** A seeded week: ten risky threads acknowledged after 5…50 minutes, resolved after 1…10 hours, and ten calm mentions. */
function seededWeek(): Thread[] {
  const threads: Thread[] = [];
  for (let i = 1; i <= 10; i += 1) {
    const start = i * 600;
    let t = markAlertSent(
      makeThread({
        id: `risky-${i}`,
        now: at(start),
        risk: { level: i <= 2 ? 'critical' : 'high', category: i <= 3 ? 'legal' : 'contamination' },
      }),
      at(start),
    );
    t = transition(t, { type: 'acknowledge', by: 'U1' }, at(start + i * 5));
    if (i <= 8) t = transition(t, { type: 'resolve', by: 'U1' }, at(start + i * 60));
    threads.push(t);
  }
  for (let i = 1; i <= 10; i += 1) {
    threads.push(
      makeThread({ id: `calm-${i}`, now: at(i * 500), risk: { level: 'none', category: 'none' } }),
    );
  }
  threads.push(makeThread({ id: 'last-month', now: '2026-10-01T00:00:00.000Z' }));
  return threads;
}

describe('report figures on a seeded history', () => {
  const report = buildReport(seededWeek(), {
    since: '2026-11-16T00:00:00.000Z',
    until: '2026-11-23T00:00:00.000Z',
    threshold: 'medium',
  });

  it('counts mentions and risky threads by level and category, and the risky share', () => {
    expect(report).toMatchObject({
      mentions: 20,
      risky: 10,
      riskyShare: 0.5,
      byLevel: { none: 0, low: 0, medium: 0, high: 8, critical: 2 },
      byCategory: { contamination: 7, legal: 3 },
      open: 2,
    });
  });

  it('gives time to acknowledge and to resolve as median and 90th percentile (nearest rank)', () => {
    expect(report.timeToAcknowledge).toEqual({ count: 10, medianMinutes: 25, p90Minutes: 45 });
    expect(report.timeToResolve).toEqual({ count: 8, medianMinutes: 240, p90Minutes: 480 });
  });

  it('reads as text', () => {
    expect(formatReport(report)).toContain('risky               10 (50% of mentions), 2 still open');
    expect(formatReport(report)).toContain('time to acknowledge  median 25 min, p90 45 min (10 threads)');
    expect(formatReport(report)).toContain('time to resolve      median 4 h, p90 8 h (8 threads)');
  });

  it('is empty, not wrong, for a period with nothing in it', () => {
    const empty = buildReport([], { since: at(0), until: at(60), threshold: 'medium' });
    expect(empty).toMatchObject({ mentions: 0, risky: 0, riskyShare: null });
    expect(empty.timeToResolve).toEqual({ count: 0, medianMinutes: null, p90Minutes: null });
  });

  it.each([
    [[], 0.5, null],
    [[7], 0.9, 7],
    [[1, 2, 3, 4], 0.5, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
  ])('percentile of %j at %f is %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});
