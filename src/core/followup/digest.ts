import { LEVELS } from '../../config/schema.js';
import { isOpen } from '../thread.js';
import type { Thread } from '../thread-schema.js';
import { type FollowupPolicy, followupLevel, missedDeadline } from './due-actions.js';
import { localTimeOn } from './local-time.js';

/** The morning summary: what came in, what is still open, what was closed, and what is late. */
export interface Digest {
  /** ISO 8601: the period covered, from the previous digest time to this one. */
  since: string;
  until: string;
  /** Threads alerted in the period. */
  newThreads: number;
  open: number;
  resolved: number;
  overdue: Thread[];
  /** Open threads, most severe and highest scored first. */
  top: Thread[];
}

/**
 * The digest slot due at `now` (ms since epoch): today's `time` in `timeZone` once it has passed, else
 * yesterday's. A digest is due when the last one was sent before that slot.
 */
export function digestSlot(now: number, time: string, timeZone: string): number {
  const today = localTimeOn(now, 0, time, timeZone);
  return today <= now ? today : localTimeOn(now, -1, time, timeZone);
}

/** True when the digest for the current slot has not been sent (`lastSentAt` ms since epoch). */
export function digestDue(lastSentAt: number, now: number, time: string, timeZone: string): boolean {
  return lastSentAt < digestSlot(now, time, timeZone);
}

const rank = (t: Thread) => LEVELS.indexOf(followupLevel(t)) * 1000 + t.risk.score;

/** The digest over `threads` for the day before `now`'s slot. Pure. */
export function buildDigest(threads: readonly Thread[], now: number, policy: FollowupPolicy): Digest {
  const { time, top } = policy.followup.digest;
  const until = digestSlot(now, time, policy.timeZone);
  const since = new Date(until - 86_400_000).toISOString();
  const inPeriod = (at: string | undefined) => at !== undefined && at >= since;
  const open = threads.filter((t) => isOpen(t) && t.alert?.status === 'sent');
  return {
    since,
    until: new Date(until).toISOString(),
    newThreads: threads.filter((t) => t.alert?.status === 'sent' && inPeriod(t.alert.at)).length,
    open: open.length,
    resolved: threads.filter(
      (t) => t.state === 'resolved' && inPeriod(t.events.findLast((e) => e.type === 'resolved')?.at),
    ).length,
    overdue: open.filter((t) => missedDeadline(t, now, policy) !== undefined),
    top: [...open].sort((a, b) => rank(b) - rank(a)).slice(0, top),
  };
}
