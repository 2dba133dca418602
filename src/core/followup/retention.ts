import type { FollowupConfig } from '../../config/followup-schema.js';
import type { Thread } from '../thread-schema.js';

const DAY = 86_400_000;

/**
 * True when a closed thread (resolved or not a crisis) may be deleted: closed and last seen more than
 * `retentionDays` ago, and past the relapse watch. A thread its sources still show is kept, so deleting it
 * never makes the same post alert again. `retentionDays` 0 keeps everything. Pure.
 */
export function isExpired(
  thread: Thread,
  now: number,
  followup: Pick<FollowupConfig, 'retentionDays' | 'relapseDays'>,
): boolean {
  const cutoff = expiryCutoff(now, followup);
  if (cutoff === undefined) return false;
  if (thread.state !== 'resolved' && thread.state !== 'dismissed') return false;
  const closedAt = thread.events.findLast((e) => e.type === thread.state)?.at ?? thread.lastSeenAt;
  return Date.parse(closedAt) < cutoff && Date.parse(thread.lastSeenAt) < cutoff;
}

/**
 * The instant (ms since epoch) a closed thread must have been last seen before to expire at `now`;
 * undefined when nothing expires (`retentionDays` 0). Only threads last seen before it need checking. Pure.
 */
export function expiryCutoff(
  now: number,
  followup: Pick<FollowupConfig, 'retentionDays' | 'relapseDays'>,
): number | undefined {
  if (followup.retentionDays === 0) return undefined;
  return now - Math.max(followup.retentionDays, followup.relapseDays) * DAY;
}
