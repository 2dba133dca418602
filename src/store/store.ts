import { z } from 'zod';
import { levelSchema } from '../config/schema.js';
import type { Thread, ThreadState } from '../core/thread-schema.js';
import type { ValidatorCache } from '../http/types.js';

/** How one source's last run went, for `bulssi sources`, `/crisis sources` and the App Home. */
export const sourceStatusSchema = z.object({
  id: z.string(),
  /** ISO 8601 */
  lastRunAt: z.string(),
  ok: z.boolean(),
  /** Posts the source returned on its last run. */
  items: z.number(),
  /** Of those, posts about us. */
  matched: z.number(),
  unchanged: z.boolean(),
  durationMs: z.number(),
  warnings: z.array(z.string()),
  lastError: z.string().optional(),
  /** ISO 8601 of the last failure, kept across later successes. */
  lastErrorAt: z.string().optional(),
});
export type SourceStatus = z.infer<typeof sourceStatusSchema>;

/** Where a thread's alert lives in Slack, so it is updated in place and never posted twice. */
export const slackMessageSchema = z.object({
  threadId: z.string(),
  channel: z.string(),
  ts: z.string(),
  /** ISO 8601 */
  postedAt: z.string(),
  /** Digest of the content last sent, so an unchanged thread is not re-sent. */
  hash: z.string().optional(),
  /** Level the message last showed, to say so in its thread when it rises. */
  level: levelSchema.optional(),
});
export type SlackMessage = z.infer<typeof slackMessageSchema>;

/** Watch terms changed from Slack (`/crisis watch add|remove`), applied on top of the config's. */
export const watchOverridesSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
});
export type WatchOverrides = z.infer<typeof watchOverridesSchema>;

/**
 * A feed added from Slack (`/crisis source add`). Kept apart from the config's sources and always fetched as
 * untrusted: it may not reach private, loopback or link-local addresses unless `http.allowPrivateNetworks`.
 */
export const customSourceSchema = z.object({
  /** Source id, "slack-" and six hex digits of the URL's hash (customSourceId). */
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
  url: z.url({ protocol: /^https?$/ }),
  name: z.string().optional(),
  /** Slack user id of who added it. */
  addedBy: z.string(),
  /** ISO 8601 */
  addedAt: z.string(),
});
export type CustomSource = z.infer<typeof customSourceSchema>;
export const customSourcesSchema = z.array(customSourceSchema);

/**
 * Where Bulssi keeps what it must not forget. Records are validated on read; a record that does not
 * validate is moved aside (quarantined) instead of being overwritten or crashing the scan.
 */
export interface Store {
  getThread(id: string): Promise<Thread | undefined>;
  putThread(thread: Thread): Promise<void>;
  /**
   * Read-modify-write of one thread, one at a time per id within this process: `update` sees the latest
   * stored thread, and what it returns is written. Throwing from `update` writes nothing. Resolves to the
   * written thread, or undefined when there is no such thread.
   */
  updateThread(id: string, update: (thread: Thread) => Thread | Promise<Thread>): Promise<Thread | undefined>;
  /**
   * Deletes a thread and its Slack message record (retention); waits for a running update of it. With `when`,
   * the thread is read again under its lock and deleted only if `when` still holds (a scan may have seen it
   * again since it was listed). Resolves to whether it was deleted.
   */
  deleteThread(id: string, when?: (thread: Thread) => boolean): Promise<boolean>;
  /** Streams every stored thread without loading them all at once (SQLite: in id order). */
  threads(): AsyncIterable<Thread>;
  /**
   * Streams the threads someone still has to act on (open, acknowledged, escalated), read through an index
   * kept with every write: the cost follows the open threads, not all stored ones. Same order as `threads()`.
   */
  openThreads(): AsyncIterable<Thread>;
  /**
   * Streams the open threads whose alert is pending (not yet delivered; a closed thread's alert never is),
   * read through the open threads' index; order of `threads()`.
   */
  pendingAlertThreads(): AsyncIterable<Thread>;
  /**
   * Streams the threads last seen at or after `since` and before `before` (ISO 8601, compared as strings;
   * either end may be left open), read through an index; order of `threads()`.
   */
  threadsLastSeen(range: { since?: string; before?: string }): AsyncIterable<Thread>;
  /** How many stored threads are in each state, counted from the index without reading the threads. */
  countThreadsByState(): Promise<Record<ThreadState, number>>;
  getSourceStatus(id: string): Promise<SourceStatus | undefined>;
  putSourceStatus(status: SourceStatus): Promise<void>;
  sourceStatuses(): AsyncIterable<SourceStatus>;
  getWatchOverrides(): Promise<WatchOverrides>;
  /** When the daily digest was last sent (ms since epoch), so a restart neither repeats nor skips one. */
  getDigestSentAt(): Promise<number | undefined>;
  putDigestSentAt(at: number): Promise<void>;
  /** The digest slot (ms since epoch) the last weekly report was sent for, kept apart so a refused one is retried. */
  getReportSentFor(): Promise<number | undefined>;
  putReportSentFor(slot: number): Promise<void>;
  putWatchOverrides(overrides: WatchOverrides): Promise<void>;
  /**
   * Read-modify-write of the watch overrides, one at a time within this process, so two changes made at once
   * from Slack are both kept. `update` returns the new overrides, or undefined to leave them as they are.
   */
  updateWatchOverrides(update: (current: WatchOverrides) => WatchOverrides | undefined): Promise<void>;
  /** Feeds added from Slack, in the order they were added; empty when none. */
  getCustomSources(): Promise<CustomSource[]>;
  putCustomSources(sources: readonly CustomSource[]): Promise<void>;
  /** Read-modify-write of the feeds added from Slack, like `updateWatchOverrides`. */
  updateCustomSources(
    update: (current: CustomSource[]) => readonly CustomSource[] | undefined,
  ): Promise<void>;
  getSlackMessage(threadId: string): Promise<SlackMessage | undefined>;
  putSlackMessage(message: SlackMessage): Promise<void>;
  /** ETag / Last-Modified per URL for conditional GET. */
  validators: ValidatorCache;
  close(): Promise<void>;
}
