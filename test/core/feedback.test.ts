import { describe, expect, it } from 'vitest';
import { feedbackLabel, summarizeFeedback } from '../../src/core/feedback.js';
import { createThread, markAlertPending, markAlertSent, transition } from '../../src/core/thread.js';
import type { Risk, Thread } from '../../src/core/thread-schema.js';

const T = '2026-11-22T00:00:00.000Z';
function alerted(id: string, risk: Partial<Risk> = {}): Thread {
  const thread = createThread({
    id,
    canonicalUrl: `https://x.kr/${id}`,
    post: { id, sourceId: 's', url: `https://x.kr/${id}`, title: id, text: '', metrics: {} },
    risk: { score: 50, level: 'medium', category: 'defect', reasons: ['defect: "불량" (+30)'], ...risk },
    now: T,
  });
  return markAlertSent(markAlertPending(thread, T), T);
}

describe('feedback labels', () => {
  it('reads "Not a crisis" as a false alarm and escalations or acted-on resolutions as real', () => {
    expect(feedbackLabel(transition(alerted('a'), { type: 'dismiss', by: 'U1' }, T))).toBe('false_alarm');
    expect(feedbackLabel(transition(alerted('b'), { type: 'escalate', by: 'U1' }, T))).toBe('real');
    const escalatedThenResolved = transition(
      transition(alerted('c'), { type: 'escalate', by: 'U1' }, T),
      { type: 'resolve', by: 'U1' },
      T,
    );
    expect(feedbackLabel(escalatedThenResolved)).toBe('real');
    expect(feedbackLabel(transition(alerted('d'), { type: 'acknowledge', by: 'U1' }, T))).toBeUndefined();
    expect(feedbackLabel(alerted('e'))).toBeUndefined();
  });

  it('reports precision overall, by category and level, and the words behind false alarms', () => {
    const threads = [
      transition(alerted('1', { category: 'defect' }), { type: 'escalate', by: 'U1' }, T),
      transition(alerted('2', { category: 'defect' }), { type: 'dismiss', by: 'U1' }, T),
      transition(
        alerted('3', { category: 'defect', reasons: ['defect: "불량" (+30)', 'other: "최악" (+10)'] }),
        { type: 'dismiss', by: 'U1' },
        T,
      ),
      transition(alerted('4', { category: 'safety', level: 'high' }), { type: 'escalate', by: 'U2' }, T),
      alerted('5'),
      createThread({
        id: 'not-alerted',
        canonicalUrl: 'https://x.kr/n',
        post: { id: 'n', sourceId: 's', url: 'https://x.kr/n', title: 'n', text: '', metrics: {} },
        risk: { score: 0, level: 'none', category: 'none', reasons: [] },
        now: T,
      }),
    ];
    const report = summarizeFeedback(threads);
    expect(report).toMatchObject({
      alerted: 5,
      labeled: 4,
      overall: { real: 2, falseAlarms: 2, precision: 0.5 },
    });
    expect(report.byCategory).toEqual([
      { key: 'defect', real: 1, falseAlarms: 2, precision: 1 / 3 },
      { key: 'safety', real: 1, falseAlarms: 0, precision: 1 },
    ]);
    expect(report.byLevel.find((g) => g.key === 'high')).toMatchObject({ real: 1, precision: 1 });
    expect(report.falseAlarmWords).toEqual([
      { word: '불량', count: 2 },
      { word: '최악', count: 1 },
    ]);
  });
});
