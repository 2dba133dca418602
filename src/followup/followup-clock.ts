import { dailySeries } from '../core/followup/daily-series.js';
import { buildDigest, digestDue, digestSlot } from '../core/followup/digest.js';
import { localParts } from '../core/followup/local-time.js';
import { buildReport } from '../core/followup/report.js';
import type { Thread } from '../core/thread-schema.js';
import { type FollowupDeps, type FollowupSummary, runFollowup } from './run-followup.js';

export interface FollowupTick extends FollowupSummary {
  /** True when this tick sent the daily digest. */
  digest: boolean;
  /** True when this tick sent the weekly report. */
  report?: boolean;
}

/**
 * The follow-up clock: each tick sends due reminders and escalation steps, purges expired threads and, once a
 * day at `followup.digest.time`, sends the digest. When it was last sent is kept in the store, so a restart
 * neither repeats the morning's digest nor skips one that fell due while Bulssi was down; on a store that
 * never sent one, the first digest is the next slot after the clock starts.
 */
export function createFollowupClock(deps: FollowupDeps): { tick(): Promise<FollowupTick> } {
  const startedAt = deps.now().getTime();
  return {
    async tick() {
      const summary = await runFollowup(deps);
      const { digest } = deps.policy.followup;
      const now = deps.now().getTime();
      const lastDigestAt = (await deps.store.getDigestSentAt()) ?? startedAt;
      if (!deps.policy.followup.enabled || !digest.enabled) return { ...summary, digest: false };
      if (!digestDue(lastDigestAt, now, digest.time, deps.policy.timeZone))
        return { ...summary, digest: false };
      const threads: Thread[] = [];
      for await (const thread of deps.store.threads()) threads.push(thread);
      await deps.notifier.digest(buildDigest(threads, now, deps.policy));
      await deps.store.putDigestSentAt(now);
      const slot = digestSlot(now, digest.time, deps.policy.timeZone);
      if (
        digest.weeklyReportDay === 0 ||
        localParts(slot, deps.policy.timeZone).weekday !== digest.weeklyReportDay
      )
        return { ...summary, digest: true };
      const report = buildReport(threads, {
        since: new Date(slot - 7 * 86_400_000).toISOString(),
        until: new Date(slot).toISOString(),
        threshold: deps.policy.threshold,
      });
      const daily = dailySeries(threads, {
        since: report.since,
        until: report.until,
        threshold: deps.policy.threshold,
        timeZone: deps.policy.timeZone,
      });
      await deps.notifier.report(report, daily);
      return { ...summary, digest: true, report: true };
    },
  };
}
