import { z } from 'zod';
import { categorySchema, levelSchema } from '../config/schema.js';

/** Bump when the stored shape changes; records of another version are migrated or quarantined on read. */
export const THREAD_SCHEMA_VERSION = 1;

/** Longest excerpt kept per thread: the workflow needs the gist, not the whole page. */
export const EXCERPT_MAX = 600;
/** Metrics snapshots kept per thread (oldest dropped first). */
export const METRICS_HISTORY_MAX = 200;
/**
 * Observation events kept per thread (`seen`, `rescored`, `grew`: what the scans noticed), newest first.
 * Scans add them without end, so they alone are trimmed as they come; the newest growth report always stays.
 */
export const EVENT_OBSERVATIONS_MAX = 200;
/**
 * Every other event kept per thread: people's actions and the follow-up records (alerted, reminded,
 * auto_escalated, snoozed…) that keep a reminder from being sent twice. Only people add to them, so this
 * bound is a safety net, far above what a thread's life produces.
 */
export const EVENT_RECORDS_MAX = 500;

export const THREAD_STATES = ['open', 'acknowledged', 'escalated', 'resolved', 'dismissed'] as const;
export const threadStateSchema = z.enum(THREAD_STATES);
export type ThreadState = z.infer<typeof threadStateSchema>;

const count = z.number().int().nonnegative();
export const metricsSnapshotSchema = z.object({
  /** ISO 8601 */
  at: z.string(),
  views: count.optional(),
  comments: count.optional(),
  likes: count.optional(),
  shares: count.optional(),
});
export type MetricsSnapshot = z.infer<typeof metricsSnapshotSchema>;

export const riskSchema = z.object({
  score: z.number().min(0).max(100),
  level: levelSchema,
  category: categorySchema,
  reasons: z.array(z.string()),
});
export type Risk = z.infer<typeof riskSchema>;

/** Ways a crisis thread ends: answered in public, made good, the post taken down, or nothing needed. */
export const RESOLUTION_OUTCOMES = [
  'replied_publicly',
  'refunded_fixed',
  'post_removed',
  'no_action',
] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

export const threadEventSchema = z.object({
  at: z.string(),
  type: z.enum([
    'seen',
    'alerted',
    'acknowledged',
    'escalated',
    'resolved',
    'dismissed',
    'reopened',
    'rescored',
    /** A draft reply was put up for review; no state change. */
    'drafted',
    /** A deadline reminder was sent; `note` is its key, so it is never sent twice. */
    'reminded',
    /** A step of the escalation ladder was paged by Bulssi (no state change); `note` is its key. */
    'auto_escalated',
    /** Reminders paused by someone; `note` is when they resume (ISO 8601). */
    'snoozed',
    /** A jump in engagement or an advance in stage was reported; `note` holds the stage reported (`stage=N`). */
    'grew',
  ]),
  by: z.string().optional(),
  note: z.string().optional(),
});
export type ThreadEvent = z.infer<typeof threadEventSchema>;

export const threadSchema = z.object({
  schemaVersion: z.literal(THREAD_SCHEMA_VERSION),
  /** Short stable id derived from the canonical URL. */
  id: z.string().min(1),
  canonicalUrl: z.string(),
  /** The URL as first seen, for people to click. */
  url: z.string(),
  sourceId: z.string(),
  postId: z.string(),
  title: z.string(),
  excerpt: z.string(),
  author: z.string().optional(),
  publishedAt: z.string().optional(),
  lang: z.enum(['ko', 'en']).optional(),
  state: threadStateSchema,
  assignee: z.string().optional(),
  risk: riskSchema,
  /** Highest level the thread has reached. */
  peakLevel: levelSchema,
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  metrics: z.array(metricsSnapshotSchema),
  /**
   * Alert bookkeeping: `pending` is written before the notifier is called and `sent` after,
   * so a crash in between is retried on the next scan rather than lost.
   */
  alert: z
    .object({
      status: z.enum(['pending', 'sent']),
      level: levelSchema,
      at: z.string(),
      /** Delivery attempts so far; past the first, an earlier one may have reached Slack before a crash. */
      attempts: z.number().int().positive().optional(),
    })
    .optional(),
  events: z.array(threadEventSchema),
  /** Published by a news outlet (media pickup). */
  media: z.boolean().optional(),
  /** Sources carrying the same story (near-duplicates found across sites), this thread's own first. */
  sites: z.array(z.string()).optional(),
  /** MinHash signature of the story, to find its copies on other sites (see core/story.ts). */
  story: z.array(z.number()).optional(),
  /** Everyone a thread was escalated to (Slack user ids U… and user group ids S…), so nobody is pulled in twice. */
  escalatedTo: z.array(z.string()).optional(),
  /** How a resolved thread ended, for the message and for tuning. */
  resolution: z
    .object({
      outcome: z.enum(RESOLUTION_OUTCOMES),
      note: z.string().optional(),
      by: z.string(),
      at: z.string(),
    })
    .optional(),
});
export type Thread = z.infer<typeof threadSchema>;
