import { z } from 'zod';
import { categorySchema, levelSchema } from '../config/schema.js';

/** Bump when the stored shape changes; records of another version are migrated or quarantined on read. */
export const THREAD_SCHEMA_VERSION = 1;

/** Longest excerpt kept per thread: the workflow needs the gist, not the whole page. */
export const EXCERPT_MAX = 600;
/** Metrics snapshots kept per thread (oldest dropped first). */
export const METRICS_HISTORY_MAX = 200;
/** Timeline events kept per thread. */
export const EVENTS_MAX = 200;

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

export const threadEventSchema = z.object({
  at: z.string(),
  type: z.enum(['seen', 'alerted', 'acknowledged', 'escalated', 'resolved', 'dismissed', 'reopened', 'rescored']),
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
    })
    .optional(),
  events: z.array(threadEventSchema),
});
export type Thread = z.infer<typeof threadSchema>;
