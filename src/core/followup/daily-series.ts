import type { Level } from '../../config/schema.js';
import { isAtLeast } from '../thread.js';
import type { Thread } from '../thread-schema.js';
import { percentile } from './report.js';

/** One day of the report chart. */
export interface DayPoint {
  /** YYYY-MM-DD in the report's time zone. */
  day: string;
  /** Risky threads first seen that day. */
  risky: number;
  /** Median minutes from alert to first acknowledgement of that day's risky threads; null when none was. */
  medianAckMinutes: number | null;
}

const ACK = new Set(['acknowledged', 'escalated', 'resolved', 'dismissed']);

function dayIn(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms);
}

/** Daily risky threads and median time to acknowledge over [since, until), every day present. Pure. */
export function dailySeries(
  threads: readonly Thread[],
  options: { since: string; until: string; threshold: Level; timeZone: string },
): DayPoint[] {
  const days = new Map<string, { risky: number; acks: number[] }>();
  const start = Date.parse(options.since);
  const end = Date.parse(options.until);
  for (let at = start; at < end; at += 86_400_000)
    days.set(dayIn(at, options.timeZone), { risky: 0, acks: [] });
  const lastDay = dayIn(end - 1, options.timeZone);
  if (!days.has(lastDay)) days.set(lastDay, { risky: 0, acks: [] });
  for (const thread of threads) {
    if (thread.firstSeenAt < options.since || thread.firstSeenAt >= options.until) continue;
    if (thread.peakLevel === 'none' || !isAtLeast(thread.peakLevel, options.threshold)) continue;
    const point = days.get(dayIn(Date.parse(thread.firstSeenAt), options.timeZone));
    if (!point) continue;
    point.risky += 1;
    const alertedAt = thread.events.find((e) => e.type === 'alerted')?.at ?? thread.firstSeenAt;
    const ack = thread.events.find((e) => e.at >= alertedAt && ACK.has(e.type));
    if (ack) point.acks.push(Math.max(0, (Date.parse(ack.at) - Date.parse(alertedAt)) / 60_000));
  }
  return [...days.entries()].map(([day, { risky, acks }]) => {
    const median = percentile(acks, 0.5);
    return { day, risky, medianAckMinutes: median === null ? null : Math.round(median) };
  });
}
