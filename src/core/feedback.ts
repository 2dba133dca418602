import type { Thread } from './thread-schema.js';

/**
 * What people said about an alert, read as a label for tuning: "Not a crisis" is a false alarm; an
 * escalation, or a resolution that took action (a public reply, a refund or fix, a removed post), is a
 * real one. Anything else says nothing yet.
 */
export function feedbackLabel(thread: Thread): 'false_alarm' | 'real' | undefined {
  if (thread.state === 'dismissed') return 'false_alarm';
  if (thread.events.some((e) => e.type === 'escalated')) return 'real';
  const outcome = thread.resolution?.outcome;
  if (thread.state === 'resolved' && outcome !== undefined && outcome !== 'no_action') return 'real';
  return undefined;
}

export interface FeedbackGroup {
  key: string;
  real: number;
  falseAlarms: number;
  /** real / (real + false alarms); undefined with no labels. */
  precision: number | undefined;
}

export interface FeedbackReport {
  /** Threads that were alerted. */
  alerted: number;
  labeled: number;
  overall: FeedbackGroup;
  byCategory: FeedbackGroup[];
  byLevel: FeedbackGroup[];
  /** Words most often behind false alarms (from the reasons), for `risk.terms` tuning. */
  falseAlarmWords: { word: string; count: number }[];
}

function group(key: string, real: number, falseAlarms: number): FeedbackGroup {
  const total = real + falseAlarms;
  return { key, real, falseAlarms, precision: total > 0 ? real / total : undefined };
}

/** Precision of alerts as judged by the team, overall, per category and per level. Pure. */
export function summarizeFeedback(threads: Iterable<Thread>): FeedbackReport {
  const byCategory = new Map<string, [number, number]>();
  const byLevel = new Map<string, [number, number]>();
  const words = new Map<string, number>();
  let alerted = 0;
  let real = 0;
  let falseAlarms = 0;
  for (const thread of threads) {
    if (thread.alert?.status !== 'sent') continue;
    alerted += 1;
    const label = feedbackLabel(thread);
    if (!label) continue;
    const index = label === 'real' ? 0 : 1;
    if (label === 'real') real += 1;
    else falseAlarms += 1;
    for (const [map, key] of [
      [byCategory, thread.risk.category],
      [byLevel, thread.alert.level],
    ] as const) {
      const counts = map.get(key) ?? [0, 0];
      counts[index] += 1;
      map.set(key, counts);
    }
    if (label === 'false_alarm') {
      for (const reason of thread.risk.reasons) {
        for (const match of reason.matchAll(/"([^"]+)"/g)) {
          const word = match[1] as string;
          words.set(word, (words.get(word) ?? 0) + 1);
        }
      }
    }
  }
  const groups = (map: Map<string, [number, number]>) =>
    [...map.entries()]
      .map(([key, [r, f]]) => group(key, r, f))
      .sort((a, b) => b.real + b.falseAlarms - (a.real + a.falseAlarms));
  return {
    alerted,
    labeled: real + falseAlarms,
    overall: group('all', real, falseAlarms),
    byCategory: groups(byCategory),
    byLevel: groups(byLevel),
    falseAlarmWords: [...words.entries()]
      .map(([word, count]) => ({ word, count }))
      .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
      .slice(0, 10),
  };
}
