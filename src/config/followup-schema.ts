import { z } from 'zod';
// Read only inside a refinement, at parse time: schema.ts imports this module first.
import { CATEGORIES } from './schema.js';

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'use 24-hour HH:MM, e.g. "09:00"');
const minutes = z
  .int()
  .min(1)
  .max(60 * 24 * 30);
const target = z.string().trim().min(1, 'must not be empty');

/** Minutes until someone must acknowledge a thread, and until the first response (a draft, escalation or resolution). */
export const deadlineSchema = z.strictObject({
  ackMinutes: minutes,
  responseMinutes: minutes,
});
export type Deadline = z.infer<typeof deadlineSchema>;

/** One rung of the escalation ladder: who is pulled in, and how long after the previous rung (minutes). */
export const escalationStepSchema = z.strictObject({
  /** Slack user ids (U…/W…) or user group ids (S…). */
  targets: z.array(target).min(1, 'name at least one Slack user (U…) or user group (S…)'),
  waitMinutes: z
    .int()
    .min(0)
    .max(60 * 24 * 7)
    .default(30),
});
export type EscalationStep = z.infer<typeof escalationStepSchema>;

const steps = z.array(escalationStepSchema).min(1, 'list at least one step');

/** A daily window in the configured time zone; `start` after `end` wraps past midnight (quiet hours 22:00–08:00). */
export const timeWindowSchema = z.strictObject({
  start: hhmm,
  end: hhmm,
  /** ISO weekdays 1 (Monday) to 7 (Sunday) the window applies to; every day when omitted. */
  days: z.array(z.int().min(1).max(7)).min(1).optional(),
});
export type TimeWindow = z.infer<typeof timeWindowSchema>;

/**
 * Following every thread until it is resolved: deadlines per level, the escalation ladder, when not
 * to disturb people, how long resolved threads are still watched and kept.
 */
export const followupSchema = z.strictObject({
  enabled: z.boolean().default(true),
  deadlines: z
    .strictObject({
      critical: deadlineSchema.default({ ackMinutes: 15, responseMinutes: 120 }),
      high: deadlineSchema.default({ ackMinutes: 60, responseMinutes: 480 }),
      medium: deadlineSchema.default({ ackMinutes: 240, responseMinutes: 1440 }),
      low: deadlineSchema.default({ ackMinutes: 1440, responseMinutes: 2880 }),
    })
    .prefault({}),
  /** A thread still open this long is escalated even when every deadline was met. */
  maxOpenMinutes: minutes.default(2880),
  /**
   * The ladder walked when a deadline is missed. Without `steps`, one step: the `escalation` targets
   * for the thread's category (as the Escalate button suggests).
   */
  escalation: z
    .strictObject({
      steps: steps.optional(),
      /** Per-category ladders, e.g. legal threats to the legal team first, data breaches to security. */
      byCategory: z
        .record(z.string(), steps)
        .default({})
        .superRefine((ladders, ctx) => {
          for (const key of Object.keys(ladders)) {
            if (!(CATEGORIES as readonly string[]).includes(key))
              ctx.addIssue({
                code: 'custom',
                path: [key],
                message: `"${key}" is not a category; use one of ${CATEGORIES.join(', ')}`,
              });
          }
        }),
    })
    .prefault({}),
  /** Reminders and escalations (except for critical threads) wait for working hours when set. */
  workingHours: timeWindowSchema.optional(),
  /** No reminders or escalations (except for critical threads) in this window. */
  quietHours: timeWindowSchema.optional(),
  /** "Until tomorrow" on the Snooze button means this local time the next day. */
  morning: hhmm.default('09:00'),
  /**
   * Open threads are looked at again at least this often, minutes: a scan runs early when the most severe
   * open thread's interval has passed since the last one (the scan cron still runs as configured).
   */
  rescanMinutes: z
    .strictObject({
      critical: minutes.default(10),
      high: minutes.default(30),
      medium: minutes.default(120),
      low: minutes.default(1440),
    })
    .prefault({}),
  /** A morning summary in the alert channel: new, open, resolved since the last one, overdue, top threads. */
  digest: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Local time in `schedule.timezone`. */
      time: hhmm.default('09:00'),
      /** Open threads listed by severity. */
      top: z.int().min(0).max(20).default(5),
      /** ISO weekday (1 Monday … 7 Sunday) the digest is followed by the week's report; 0 for never. */
      weeklyReportDay: z.int().min(0).max(7).default(1),
    })
    .prefault({}),
  /**
   * A jump worth saying in an alert's thread: this many comments or views gained within `windowMinutes`,
   * said at most once per `cooldownMinutes` unless the spread stage advances.
   */
  growth: z
    .strictObject({
      comments: z.int().min(1).default(20),
      views: z.int().min(1).default(1000),
      windowMinutes: minutes.default(60),
      cooldownMinutes: minutes.default(60),
    })
    .prefault({}),
  /** How often the follow-up clock ticks, seconds. */
  tickSeconds: z.int().min(5).max(3600).default(60),
  /** A resolved thread is still watched this many days; a new spike reopens it. */
  relapseDays: z.int().min(0).max(365).default(7),
  /** Comments gained within the relapse window that count as a spike (views count ×10). */
  relapseComments: z.int().min(1).default(20),
  /** Resolved and dismissed threads are deleted this many days after they closed; 0 keeps them. */
  retentionDays: z.int().min(0).max(3650).default(90),
});
export type FollowupConfig = z.infer<typeof followupSchema>;
