import { z } from 'zod';
import type { Thread } from '../core/thread-schema.js';
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

/**
 * Where Bulssi keeps what it must not forget. Records are validated on read; a record that does not
 * validate is moved aside (quarantined) instead of being overwritten or crashing the scan.
 */
export interface Store {
  getThread(id: string): Promise<Thread | undefined>;
  putThread(thread: Thread): Promise<void>;
  /** Streams every stored thread without loading them all at once. */
  threads(): AsyncIterable<Thread>;
  getSourceStatus(id: string): Promise<SourceStatus | undefined>;
  putSourceStatus(status: SourceStatus): Promise<void>;
  sourceStatuses(): AsyncIterable<SourceStatus>;
  /** ETag / Last-Modified per URL for conditional GET. */
  validators: ValidatorCache;
  close(): Promise<void>;
}
