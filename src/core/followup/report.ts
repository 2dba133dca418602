import { CATEGORIES, type Category, LEVELS, type Level } from '../../config/schema.js';
import { isAtLeast } from '../thread.js';
import type { Thread, ThreadEvent } from '../thread-schema.js';

/** Median and 90th percentile of a set of durations, minutes; null when there are none. */
export interface Durations {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/** How the crisis team did over a period, from the stored threads. */
export interface Report {
  /** ISO 8601 */
  since: string;
  until: string;
  /** Posts about us first seen in the period (one thread per post). */
  mentions: number;
  /** Of those, at or above the alert threshold at their peak. */
  risky: number;
  /** risky / mentions, 0–1; null without mentions. */
  riskyShare: number | null;
  byCategory: Partial<Record<Category, number>>;
  byLevel: Record<Level, number>;
  /** From the alert to the first acknowledgement (or escalation, resolution, dismissal). */
  timeToAcknowledge: Durations;
  /** From the alert to the resolution. */
  timeToResolve: Durations;
  /** Risky threads still open at `until`. */
  open: number;
}

/** The value at rank ceil(p·n) of the sorted values (nearest rank); null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? null;
}

function durations(minutes: readonly number[]): Durations {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    count: minutes.length,
    medianMinutes: round(percentile(minutes, 0.5)),
    p90Minutes: round(percentile(minutes, 0.9)),
  };
}

const ACKNOWLEDGING: ReadonlySet<ThreadEvent['type']> = new Set([
  'acknowledged',
  'escalated',
  'resolved',
  'dismissed',
]);

function minutesFrom(start: string, event: ThreadEvent | undefined): number | undefined {
  if (!event) return undefined;
  return Math.max(0, (Date.parse(event.at) - Date.parse(start)) / 60_000);
}

/**
 * The report over threads first seen in [since, until): mentions and risky threads by category and level,
 * the risky share, and time to acknowledge and to resolve (median and 90th percentile, nearest rank). Pure.
 */
export function buildReport(
  threads: readonly Thread[],
  options: { since: string; until: string; threshold: Level },
): Report {
  const inPeriod = threads.filter((t) => t.firstSeenAt >= options.since && t.firstSeenAt < options.until);
  const risky = inPeriod.filter((t) => t.peakLevel !== 'none' && isAtLeast(t.peakLevel, options.threshold));
  const byCategory: Partial<Record<Category, number>> = {};
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  for (const thread of risky) {
    byCategory[thread.risk.category] = (byCategory[thread.risk.category] ?? 0) + 1;
    byLevel[thread.peakLevel] += 1;
  }
  const ordered = Object.fromEntries(
    CATEGORIES.filter((c) => byCategory[c] !== undefined).map((c) => [c, byCategory[c]]),
  ) as Partial<Record<Category, number>>;
  const ack: number[] = [];
  const resolve: number[] = [];
  for (const thread of risky) {
    const start = thread.events.find((e) => e.type === 'alerted')?.at ?? thread.firstSeenAt;
    const acked = minutesFrom(
      start,
      thread.events.find((e) => e.at >= start && ACKNOWLEDGING.has(e.type)),
    );
    if (acked !== undefined) ack.push(acked);
    const resolved = minutesFrom(
      start,
      thread.events.find((e) => e.at >= start && e.type === 'resolved'),
    );
    if (resolved !== undefined) resolve.push(resolved);
  }
  return {
    since: options.since,
    until: options.until,
    mentions: inPeriod.length,
    risky: risky.length,
    riskyShare: inPeriod.length === 0 ? null : Math.round((risky.length / inPeriod.length) * 1000) / 1000,
    byCategory: ordered,
    byLevel,
    timeToAcknowledge: durations(ack),
    timeToResolve: durations(resolve),
    open: risky.filter((t) => t.state === 'open' || t.state === 'acknowledged' || t.state === 'escalated')
      .length,
  };
}

/** Unit words for durations; a leading space is kept as written ("42 min" vs "42분"). */
export interface DurationUnits {
  min: string;
  h: string;
  d: string;
}
const ENGLISH_UNITS: DurationUnits = { min: ' min', h: ' h', d: ' d' };

/** "42 min", "3.5 h", "2.1 d"; "-" for none. */
export function formatMinutes(minutes: number | null, units: DurationUnits = ENGLISH_UNITS): string {
  if (minutes === null) return '-';
  if (minutes < 90) return `${Math.round(minutes)}${units.min}`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 6) / 10}${units.h}`;
  return `${Math.round(minutes / 144) / 10}${units.d}`;
}

/** The report as plain text for a terminal or a file. */
export function formatReport(report: Report): string {
  const share = report.riskyShare === null ? '-' : `${Math.round(report.riskyShare * 1000) / 10}%`;
  const levels = LEVELS.filter((l) => l !== 'none' && report.byLevel[l] > 0)
    .reverse()
    .map((l) => `${l} ${report.byLevel[l]}`);
  const categories = Object.entries(report.byCategory).map(([c, n]) => `${c} ${n}`);
  const line = (name: string, d: Durations) =>
    `${name.padEnd(20)} median ${formatMinutes(d.medianMinutes)}, p90 ${formatMinutes(d.p90Minutes)} (${d.count} threads)`;
  return [
    `Bulssi report ${report.since} – ${report.until}`,
    `mentions            ${report.mentions}`,
    `risky               ${report.risky} (${share} of mentions), ${report.open} still open`,
    `by level            ${levels.join(', ') || '-'}`,
    `by category         ${categories.join(', ') || '-'}`,
    line('time to acknowledge', report.timeToAcknowledge),
    line('time to resolve', report.timeToResolve),
  ].join('\n');
}
