import { dailySeries } from '../core/followup/daily-series.js';
import { buildDigest, digestDue, digestSlot } from '../core/followup/digest.js';
import { localParts } from '../core/followup/local-time.js';
import { buildReport } from '../core/followup/report.js';
import { isOpen } from '../core/thread.js';
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
 * day at `followup.digest.time`, sends the digest; on `weeklyReportDay` that slot also brings the weekly
 * report. When each was last sent is kept in the store, apart, so a restart neither repeats the morning's
 * digest nor skips one that fell due while Bulssi was down, and a report Slack refused is sent on the next
 * tick without repeating the digest. On a store that never sent one, the first is the next slot after the
 * clock starts.
 */
export function createFollowupClock(deps: FollowupDeps): { tick(): Promise<FollowupTick> } {
  const startedAt = deps.now().getTime();
  return {
    async tick() {
      const summary = await runFollowup(deps);
      const { digest } = deps.policy.followup;
      if (!deps.policy.followup.enabled || !digest.enabled) return { ...summary, digest: false };
      const now = deps.now().getTime();
      const slot = digestSlot(now, digest.time, deps.policy.timeZone);
      const digestIsDue = digestDue(
        (await deps.store.getDigestSentAt()) ?? startedAt,
        now,
        digest.time,
        deps.policy.timeZone,
      );
      const reportIsDue =
        digest.weeklyReportDay !== 0 &&
        localParts(slot, deps.policy.timeZone).weekday === digest.weeklyReportDay &&
        ((await deps.store.getReportSentFor()) ?? startedAt) < slot;
      if (!digestIsDue && !reportIsDue) return { ...summary, digest: false };
      // Only what the digest and the report can count is kept while every stored thread streams past: open
      // threads, and those first seen, alerted or changed in the week before the slot.
      const weekBefore = new Date(slot - 7 * 86_400_000).toISOString();
      const threads: Thread[] = [];
      for await (const thread of deps.store.threads())
        if (
          isOpen(thread) ||
          thread.firstSeenAt >= weekBefore ||
          (thread.alert?.at ?? '') >= weekBefore ||
          (thread.events.at(-1)?.at ?? '') >= weekBefore
        )
          threads.push(thread);
      if (digestIsDue) {
        await deps.notifier.digest(buildDigest(threads, now, deps.policy));
        await deps.store.putDigestSentAt(now);
      }
      if (!reportIsDue) return { ...summary, digest: digestIsDue };
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
      await deps.store.putReportSentFor(slot);
      return { ...summary, digest: digestIsDue, report: true };
    },
  };
}
