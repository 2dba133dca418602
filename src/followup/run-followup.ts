import {
  dueActions,
  type FollowupPolicy,
  recordFollowup,
  rescanMinutes,
} from '../core/followup/due-actions.js';
import { expiryCutoff, isExpired } from '../core/followup/retention.js';
import type { Thread } from '../core/thread-schema.js';
import { type Logger, redactSecrets } from '../logger.js';
import type { Store } from '../store/store.js';
import type { FollowupNotifier } from './followup-notifier.js';

export interface FollowupDeps {
  store: Store;
  notifier: FollowupNotifier;
  policy: FollowupPolicy;
  logger: Logger;
  now: () => Date;
  env?: Readonly<Record<string, string | undefined>>;
}

export interface FollowupSummary {
  reminded: number;
  escalated: number;
  failed: number;
  /** Closed threads deleted after `followup.retentionDays`. */
  purged: number;
  /** The shortest re-scan interval wanted by an open thread, minutes; undefined when none is open. */
  rescanMinutes?: number;
}

/**
 * One tick of the follow-up clock: every open thread's due reminders and escalation steps are sent and
 * recorded. Each is decided again under the thread's lock and recorded only once delivered, so a click
 * landing meanwhile wins and a failed delivery is tried again on the next tick, never sent twice. A tick reads
 * the open threads and those last seen long enough ago to expire, through the store's indexes, not every thread.
 */
export async function runFollowup(deps: FollowupDeps): Promise<FollowupSummary> {
  const summary: FollowupSummary = { reminded: 0, escalated: 0, failed: 0, purged: 0 };
  const nowMs = deps.now().getTime();
  const due: string[] = [];
  const expired: string[] = [];
  for await (const thread of deps.store.openThreads()) {
    const every = rescanMinutes(thread, deps.policy);
    if (every !== undefined && !(every >= (summary.rescanMinutes ?? Infinity))) summary.rescanMinutes = every;
    if (dueActions(thread, nowMs, deps.policy).length > 0) due.push(thread.id);
  }
  const cutoff = expiryCutoff(nowMs, deps.policy.followup);
  if (cutoff !== undefined) {
    // Only threads last seen before the cutoff can expire; a day's margin covers timestamps with an offset.
    const before = new Date(cutoff + 86_400_000).toISOString();
    for await (const thread of deps.store.threadsLastSeen({ before }))
      if (isExpired(thread, nowMs, deps.policy.followup)) expired.push(thread.id);
  }
  for (const id of expired) {
    // Checked again under the thread's lock: a scan that saw it again meanwhile keeps it.
    if (await deps.store.deleteThread(id, (current) => isExpired(current, nowMs, deps.policy.followup)))
      summary.purged += 1;
  }
  for (const id of due) {
    try {
      await deps.store.updateThread(id, async (current) => {
        let thread: Thread = current;
        const at = deps.now();
        for (const action of dueActions(current, at, deps.policy)) {
          try {
            if (action.kind === 'remind') await deps.notifier.remind(thread, action);
            else await deps.notifier.escalate(thread, action);
          } catch (error) {
            // What was delivered before stays recorded; this one is tried again on the next tick.
            summary.failed += 1;
            deps.logger.warn(
              { thread: id, key: action.key, error: redactSecrets(String(error), deps.env) },
              'follow-up not delivered; tried again on the next tick',
            );
            break;
          }
          thread = recordFollowup(thread, action, at.toISOString());
          if (action.kind === 'remind') summary.reminded += 1;
          else summary.escalated += 1;
        }
        return thread;
      });
    } catch (error) {
      summary.failed += 1;
      deps.logger.warn({ thread: id, error: redactSecrets(String(error), deps.env) }, 'follow-up failed');
    }
  }
  if (summary.reminded + summary.escalated + summary.failed + summary.purged > 0)
    deps.logger.info(summary, 'follow-up tick');
  return summary;
}
