import type { Thread } from '../core/thread-schema.js';
import type { Store } from './store.js';

/**
 * The threads first seen at or after `since` (ISO 8601), the ones a report over a period counts. Read through
 * the last-seen index: a thread first seen in the period was last seen in it too.
 */
export async function threadsFirstSeenSince(
  store: Pick<Store, 'threadsLastSeen'>,
  since: string,
): Promise<Thread[]> {
  const threads: Thread[] = [];
  for await (const thread of store.threadsLastSeen({ since }))
    if (thread.firstSeenAt >= since) threads.push(thread);
  return threads;
}
