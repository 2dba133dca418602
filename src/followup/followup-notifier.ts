import type { DayPoint } from '../core/followup/daily-series.js';
import type { FollowupAction } from '../core/followup/due-actions.js';
import type { Digest } from '../core/followup/digest.js';
import type { GrowthNews, Relapse } from '../core/followup/growth.js';
import { formatReport, type Report } from '../core/followup/report.js';
import type { Thread } from '../core/thread-schema.js';
import { formatLocalTime, toTerminalText } from '../notify/console-notifier.js';

export type Reminder = Extract<FollowupAction, { kind: 'remind' }>;
export type Escalation = Extract<FollowupAction, { kind: 'escalate' }>;

/** Where follow-ups go: the alert's Slack thread in Slack mode, the terminal otherwise. */
export interface FollowupNotifier {
  /** Throws when delivery failed, so the reminder is not recorded and is tried again on the next tick. */
  remind(thread: Thread, reminder: Reminder): Promise<void>;
  /** Pulls the step's people in; throws when the thread reply could not be posted. */
  escalate(thread: Thread, escalation: Escalation): Promise<void>;
  /** Tells a thread's people what grew ("+120 comments in the last hour", a new stage). */
  grew(thread: Thread, news: GrowthNews): Promise<void>;
  /** A resolved thread that spiked again and was reopened. */
  relapsed(thread: Thread, relapse: Relapse): Promise<void>;
  /** The morning summary, in the channel (Slack) or as a few lines (terminal). */
  digest(digest: Digest): Promise<void>;
  /** The week's report, after the digest on `digest.weeklyReportDay`. */
  /** `daily` is the chart's series (risky threads and median time to acknowledge per day), when drawn. */
  report(report: Report, daily?: readonly DayPoint[]): Promise<void>;
}

/** "+120 comments, +3,400 views" for the counts that grew; '' when none did. */
export function formatGains(
  gains: { comments: number; views: number },
  words = { comments: 'comments', views: 'views' },
): string {
  const parts: string[] = [];
  if (gains.comments > 0) parts.push(`+${gains.comments.toLocaleString('en-US')} ${words.comments}`);
  if (gains.views > 0) parts.push(`+${gains.views.toLocaleString('en-US')} ${words.views}`);
  return parts.join(', ');
}

/** Whole minutes between two instants, at least 1. */
export function minutesBetween(fromIso: string, to: Date): number {
  return Math.max(1, Math.round((to.getTime() - Date.parse(fromIso)) / 60_000));
}

const REASONS: Record<Reminder['reason'] | Escalation['reason'], string> = {
  ack_overdue: 'not acknowledged',
  response_overdue: 'no response yet',
  open_too_long: 'open too long without escalation',
};

/** Terminal mode: one line per reminder or escalation. */
export function createConsoleFollowupNotifier(
  stream: NodeJS.WritableStream,
  options: { timeZone: string },
): FollowupNotifier {
  const head = (thread: Thread) =>
    `${thread.risk.level.toUpperCase()} ${thread.id} "${toTerminalText(thread.title || '(no title)', 80)}"`;
  return {
    async remind(thread, reminder) {
      const who = reminder.targets.length > 0 ? ` (assignee ${reminder.targets.join(', ')})` : '';
      stream.write(
        `reminder: ${head(thread)} ${REASONS[reminder.reason]}, due ${formatLocalTime(reminder.dueAt, options.timeZone)}${who}\n`,
      );
    },
    async escalate(thread, escalation) {
      stream.write(
        `escalation step ${escalation.step + 1}: ${head(thread)} ${REASONS[escalation.reason]} → ${escalation.targets.join(', ')}\n`,
      );
    },
    async grew(thread, news) {
      const gains = news.jumped ? formatGains(news) : '';
      const stage = news.stageTo > news.stageFrom ? `stage ${news.stageFrom} → ${news.stageTo}` : '';
      const level = news.levelTo !== news.levelFrom ? `level ${news.levelFrom} → ${news.levelTo}` : '';
      const sites = news.sitesTo > news.sitesFrom ? `now on ${news.sitesTo} sites` : '';
      stream.write(`growing: ${head(thread)} ${[gains, sites, stage, level].filter(Boolean).join(', ')}\n`);
    },
    async relapsed(thread, relapse) {
      stream.write(
        `reopened: ${head(thread)} spiked again after it was resolved (${formatGains(relapse)})\n`,
      );
    },
    async report(report) {
      stream.write(`${formatReport(report)}\n`);
    },
    async digest(digest) {
      const lines = [
        `digest ${formatLocalTime(digest.until, options.timeZone)}: ${digest.newThreads} new, ${digest.open} open, ${digest.resolved} resolved since yesterday, ${digest.overdue.length} overdue`,
        ...digest.overdue.map((t) => `  overdue ${head(t)}`),
        ...digest.top.map((t) => `  top ${head(t)} (${t.state})`),
      ];
      stream.write(`${lines.join('\n')}\n`);
    },
  };
}
