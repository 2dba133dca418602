import { detectRelapse, growthNews, recordGrowth, reopenForRelapse } from '../core/followup/growth.js';
import type { Thread } from '../core/thread-schema.js';
import { redactSecrets } from '../logger.js';
import type { FollowupDeps } from './run-followup.js';

export interface ChangesSummary {
  grew: number;
  relapsed: number;
  failed: number;
}

/**
 * After a scan: threads it saw again are checked for growth (a jump in comments or views, a new stage) and,
 * when resolved, for a relapse, which reopens them. Each is decided again under the thread's lock and
 * recorded only once told, so nothing is told twice and a failed delivery is tried after the next scan.
 */
export async function reportChanges(deps: FollowupDeps, seenSince: string): Promise<ChangesSummary> {
  const summary: ChangesSummary = { grew: 0, relapsed: 0, failed: 0 };
  if (!deps.policy.followup.enabled) return summary;
  const nowMs = () => deps.now().getTime();
  const candidates: string[] = [];
  for await (const thread of deps.store.threadsLastSeen({ since: seenSince })) {
    if (
      detectRelapse(thread, nowMs(), deps.policy.followup) ||
      growthNews(thread, nowMs(), deps.policy.followup.growth)
    )
      candidates.push(thread.id);
  }
  for (const id of candidates) {
    try {
      await deps.store.updateThread(id, async (current): Promise<Thread> => {
        const now = deps.now();
        const relapse = detectRelapse(current, now.getTime(), deps.policy.followup);
        if (relapse) {
          const reopened = reopenForRelapse(current, relapse, now.toISOString());
          await deps.notifier.relapsed(reopened, relapse);
          summary.relapsed += 1;
          return reopened;
        }
        const news = growthNews(current, now.getTime(), deps.policy.followup.growth);
        if (!news) return current;
        await deps.notifier.grew(current, news);
        summary.grew += 1;
        return recordGrowth(current, news, now.toISOString());
      });
    } catch (error) {
      summary.failed += 1;
      deps.logger.warn(
        { thread: id, error: redactSecrets(String(error), deps.env) },
        'thread change not told; tried again after the next scan',
      );
    }
  }
  if (summary.grew + summary.relapsed + summary.failed > 0) deps.logger.info(summary, 'thread changes told');
  return summary;
}
