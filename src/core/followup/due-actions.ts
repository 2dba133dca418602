import type { EscalationStep, FollowupConfig } from '../../config/followup-schema.js';
import type { Config, Level } from '../../config/schema.js';
import { isOpen, recordEvent } from '../thread.js';
import type { Thread, ThreadEvent } from '../thread-schema.js';
import { inWindow } from './local-time.js';

/** What the follow-up rules need from the config. */
export interface FollowupPolicy {
  followup: FollowupConfig;
  /** The Escalate button's targets, used as a one-step ladder when `followup.escalation` has none. */
  escalation: Config['escalation'];
  /** IANA zone for working hours, quiet hours and "tomorrow morning". */
  timeZone: string;
  /** The alert threshold: what counts as risky in reports. */
  threshold: Config['alert']['threshold'];
}

export function followupPolicyFrom(config: Config): FollowupPolicy {
  return {
    followup: config.followup,
    escalation: config.escalation,
    timeZone: config.schedule.timezone,
    threshold: config.alert.threshold,
  };
}

export type FollowupReason = 'ack_overdue' | 'response_overdue' | 'open_too_long';

/** Something the follow-up clock must do for a thread now. */
export type FollowupAction =
  | {
      kind: 'remind';
      /** Recorded in the thread's events (`reminded`), so the same reminder is never sent twice. */
      key: string;
      reason: Exclude<FollowupReason, 'open_too_long'>;
      /** Who is reminded: the assignee when there is one, otherwise the channel (empty). */
      targets: readonly string[];
      /** When the missed deadline passed, ISO 8601. */
      dueAt: string;
    }
  | {
      kind: 'escalate';
      key: string;
      /** Index in the escalation ladder, from 0. */
      step: number;
      reason: FollowupReason;
      /** Everyone on this step of the ladder (Slack user ids U… and user group ids S…). */
      targets: readonly string[];
      /** Of those, the ones not pulled into the thread before (by a person or an earlier step). */
      fresh: readonly string[];
      dueAt: string;
    };

/** Events that count as the first response: a draft put up, an escalation, or the thread closed. */
const RESPONSES: ReadonlySet<ThreadEvent['type']> = new Set([
  'drafted',
  'escalated',
  'resolved',
  'dismissed',
]);
const MINUTE = 60_000;

/** The level deadlines follow: the one shown on the alert (the escalated level, when someone raised it). */
export function followupLevel(thread: Thread): Exclude<Level, 'none'> {
  const level = thread.state === 'escalated' ? thread.peakLevel : thread.risk.level;
  return level === 'none' ? 'low' : level;
}

/** When the current episode began: the last reopening, else the alert. Undefined when no alert went out. */
export function episodeStart(thread: Thread): string | undefined {
  const reopened = thread.events.findLast((e) => e.type === 'reopened');
  if (reopened) return reopened.at;
  if (thread.alert?.status !== 'sent') return undefined;
  return thread.events.find((e) => e.type === 'alerted')?.at ?? thread.alert.at;
}

/** The ladder for a thread's category: its override, the configured steps, or the Escalate targets as one step. */
export function escalationLadder(thread: Thread, policy: FollowupPolicy): readonly EscalationStep[] {
  const { followup, escalation } = policy;
  const category = thread.risk.category;
  const override = followup.escalation.byCategory[category];
  if (override) return override;
  if (followup.escalation.steps) return followup.escalation.steps;
  const targets = escalation.byCategory[category] ?? escalation.default;
  return targets.length > 0 ? [{ targets, waitMinutes: 30 }] : [];
}

/** Until when reminders are paused (ms since epoch), when the latest snooze of this episode is still running. */
export function snoozedUntil(thread: Thread, now: number): number | undefined {
  const start = episodeStart(thread);
  const snooze = thread.events.findLast((e) => e.type === 'snoozed' && (!start || e.at >= start));
  const until = snooze?.note ? Date.parse(snooze.note) : Number.NaN;
  return until > now ? until : undefined;
}

/** True when non-critical threads must wait: outside working hours or inside quiet hours. */
export function isQuietTime(now: number, policy: FollowupPolicy): boolean {
  const { workingHours, quietHours } = policy.followup;
  if (workingHours && !inWindow(now, workingHours, policy.timeZone)) return true;
  if (quietHours && inWindow(now, quietHours, policy.timeZone)) return true;
  return false;
}

/**
 * The reminders and escalations due for a thread at `now`. Pure and idempotent: an action recorded in the
 * thread's events (see `recordFollowup`) is not returned again. Deadlines run from the alert (or the last
 * reopening) in wall-clock time; a due action waits through quiet hours and outside working hours, except
 * for critical threads, and through a snooze. One escalation step is returned at a time, in ladder order.
 */
export function dueActions(thread: Thread, now: Date | number, policy: FollowupPolicy): FollowupAction[] {
  const { followup } = policy;
  if (!followup.enabled || !isOpen(thread)) return [];
  const startIso = episodeStart(thread);
  if (!startIso) return [];
  const at = typeof now === 'number' ? now : now.getTime();
  const start = Date.parse(startIso);
  const level = followupLevel(thread);
  if (level !== 'critical' && isQuietTime(at, policy)) return [];
  if (snoozedUntil(thread, at) !== undefined) return [];

  const episode = thread.events.filter((e) => e.at >= startIso);
  const done = new Set(
    episode.filter((e) => e.type === 'reminded' || e.type === 'auto_escalated').map((e) => e.note ?? ''),
  );
  const lastSnooze = episode.findLast((e) => e.type === 'snoozed')?.note;
  const deadline = followup.deadlines[level];
  const ackDue = start + deadline.ackMinutes * MINUTE;
  const responseDue = start + deadline.responseMinutes * MINUTE;
  const ackMissed = thread.state === 'open' && at >= ackDue;
  const responseMissed = !episode.some((e) => RESPONSES.has(e.type)) && at >= responseDue;

  const actions: FollowupAction[] = [];
  // After a snooze the reminder comes once more: its key carries the snooze it follows.
  const suffix = lastSnooze ? `@${lastSnooze}` : '';
  const remindTargets = thread.assignee ? [thread.assignee] : [];
  const remind = responseMissed
    ? { reason: 'response_overdue' as const, key: `remind:response${suffix}`, dueAt: responseDue }
    : ackMissed
      ? { reason: 'ack_overdue' as const, key: `remind:ack${suffix}`, dueAt: ackDue }
      : undefined;
  if (remind && !done.has(remind.key)) {
    actions.push({
      kind: 'remind',
      key: remind.key,
      reason: remind.reason,
      targets: remindTargets,
      dueAt: new Date(remind.dueAt).toISOString(),
    });
  }

  const ladder = escalationLadder(thread, policy);
  const missedAt = Math.min(ackMissed ? ackDue : Infinity, responseMissed ? responseDue : Infinity);
  const pulledIn = new Set(thread.escalatedTo ?? []);
  const escalate = (step: number, reason: FollowupReason, dueAt: number): FollowupAction => {
    const targets = ladder[step]?.targets ?? [];
    return {
      kind: 'escalate',
      key: `escalate:${step}`,
      step,
      reason,
      targets,
      fresh: targets.filter((t) => !pulledIn.has(t)),
      dueAt: new Date(dueAt).toISOString(),
    };
  };
  if (Number.isFinite(missedAt)) {
    let dueAt = missedAt;
    for (const [step, rung] of ladder.entries()) {
      dueAt += rung.waitMinutes * MINUTE;
      if (dueAt > at) break;
      if (done.has(`escalate:${step}`)) continue;
      actions.push(escalate(step, responseMissed ? 'response_overdue' : 'ack_overdue', dueAt));
      return actions;
    }
  }
  const openTooLong = start + followup.maxOpenMinutes * MINUTE;
  const everEscalated = episode.some((e) => e.type === 'escalated' || e.type === 'auto_escalated');
  if (at >= openTooLong && !everEscalated && ladder.length > 0 && !done.has('escalate:0')) {
    actions.push(escalate(0, 'open_too_long', openTooLong));
  }
  return actions;
}

/** Which deadline an open, alerted thread has missed at `now` (quiet hours and snoozes aside), if any. */
export function missedDeadline(
  thread: Thread,
  now: number,
  policy: FollowupPolicy,
): 'ack_overdue' | 'response_overdue' | undefined {
  const startIso = isOpen(thread) ? episodeStart(thread) : undefined;
  if (!startIso) return undefined;
  const start = Date.parse(startIso);
  const deadline = policy.followup.deadlines[followupLevel(thread)];
  const responded = thread.events.some((e) => e.at >= startIso && RESPONSES.has(e.type));
  if (!responded && now >= start + deadline.responseMinutes * MINUTE) return 'response_overdue';
  if (thread.state === 'open' && now >= start + deadline.ackMinutes * MINUTE) return 'ack_overdue';
  return undefined;
}

/** How often an open, alerted thread wants a fresh look, minutes (by its level); undefined for other threads. */
export function rescanMinutes(thread: Thread, policy: FollowupPolicy): number | undefined {
  if (!isOpen(thread) || !episodeStart(thread)) return undefined;
  return policy.followup.rescanMinutes[followupLevel(thread)];
}

/** Records that an action was taken, so `dueActions` does not return it again; escalations add their targets. */
export function recordFollowup(thread: Thread, action: FollowupAction, now: string): Thread {
  const type = action.kind === 'remind' ? 'reminded' : 'auto_escalated';
  const next = recordEvent(thread, { at: now, type, by: 'bulssi', note: action.key });
  if (action.kind === 'escalate' && action.targets.length > 0) {
    next.escalatedTo = [...new Set([...(thread.escalatedTo ?? []), ...action.targets])];
  }
  return next;
}
