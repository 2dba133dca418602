import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dailySeries } from '../core/followup/daily-series.js';
import { buildReport, formatReport } from '../core/followup/report.js';
import { svgToPng } from '../report/chart-png.js';
import { reportChartSvg } from '../report/chart-svg.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { Command } from './command.js';
import { openExistingStore } from './open-store.js';
import { localDayStart } from '../core/followup/local-time.js';
import { threadsFirstSeenSince } from '../store/threads-first-seen.js';

const DAY = 86_400_000;

/**
 * A --since/--until value: an ISO date or date-time, `week` (7 days), `month` (30 days), or `<n>d` / `<n>h`
 * before `now`. A date alone is the start of that day in `timeZone` (the team's, from `schedule.timezone`).
 * Undefined when it is none of those.
 */
export function parseSince(value: string, now: number, timeZone = 'UTC'): number | undefined {
  if (value === 'week') return now - 7 * DAY;
  if (value === 'month') return now - 30 * DAY;
  const relative = /^(\d{1,4})([dh])$/.exec(value);
  if (relative) return now - Number(relative[1]) * (relative[2] === 'd' ? DAY : 3_600_000);
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (Number.isNaN(Date.parse(value))) return undefined;
    return localDayStart(year, month, day, timeZone);
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'How the team did: mentions, risky share, time to acknowledge and to resolve',
  help: `Usage: bulssi report [--since WHEN] [--until WHEN] [--json] [--out FILE] [--config FILE]

Reports on the threads first seen in the period: posts about you, risky threads
(at or above alert.threshold at their peak) by level and category, the share of
risky posts among all posts about you, and the time from alert to acknowledgement
and to resolution (median and 90th percentile).

Options:
  --since WHEN    start: week (default), month, 14d, 12h, or a date such as 2026-11-01
  --until WHEN    end (default now), same forms
  --json          the report as JSON
  --out FILE      write the report to FILE instead of standard output
  --chart FILE    also draw the chart (risky threads per day, median minutes to
                  acknowledge) as a PNG image at FILE
  --config FILE   config file (default: BULSSI_CONFIG, then ./bulssi.yaml)
  -h, --help      show this help`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      since: { type: 'string' },
      until: { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      chart: { type: 'string' },
      config: { type: 'string', short: 'c' },
    });
    const now = Date.now();
    const sinceArg = values.since ?? 'week';
    const checkedSince = parseSince(sinceArg, now);
    if (checkedSince === undefined)
      throw new UsageError('--since must be week, month, <n>d, <n>h or a date such as 2026-11-01');
    const checkedUntil = values.until === undefined ? now : parseSince(values.until, now);
    if (checkedUntil === undefined)
      throw new UsageError('--until must be week, month, <n>d, <n>h or a date such as 2026-11-30');
    if (checkedUntil <= checkedSince) throw new UsageError('--until must come after --since');

    const opened = await openExistingStore(values.config, io);
    if (!opened) return 0;
    const { store, config } = opened;
    // A date alone starts at midnight where the team is.
    const timeZone = config?.schedule.timezone ?? 'Asia/Seoul';
    const since = parseSince(sinceArg, now, timeZone) ?? checkedSince;
    const until =
      values.until === undefined ? now : (parseSince(values.until, now, timeZone) ?? checkedUntil);
    try {
      const threads = await threadsFirstSeenSince(store, new Date(since).toISOString());
      const report = buildReport(threads, {
        since: new Date(since).toISOString(),
        until: new Date(until).toISOString(),
        threshold: config?.alert.threshold ?? 'medium',
      });
      if (values.chart) {
        const points = dailySeries(threads, {
          since: report.since,
          until: report.until,
          threshold: config?.alert.threshold ?? 'medium',
          timeZone,
        });
        const title = `Risky threads and time to acknowledge, ${points[0]?.day ?? ''} – ${points.at(-1)?.day ?? ''}`;
        const path = resolve(io.cwd, values.chart);
        writeFileSync(path, svgToPng(reportChartSvg(points, title)));
        io.stderr.write(`Chart written to ${path}\n`);
      }
      const text = values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`;
      if (values.out) {
        const path = resolve(io.cwd, values.out);
        writeFileSync(path, text);
        io.stderr.write(`Report written to ${path}\n`);
      } else {
        io.stdout.write(text);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
