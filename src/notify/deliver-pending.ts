import { markAlertPending, markAlertSent } from '../core/thread.js';
import type { Thread } from '../core/thread-schema.js';
import { type Logger, redactSecrets } from '../logger.js';
import type { Store } from '../store/store.js';
import type { Notifier } from './notifier.js';

export interface DeliverPendingDeps {
  store: Store;
  notifier: Notifier;
  sourceName: (id: string) => string;
  logger: Logger;
  now: () => Date;
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Retries alerts left pending (the notifier failed, or the process stopped mid-delivery) for threads the
 * last scan did not see again, e.g. because their source answered 304 or is down. Threads seen at or after
 * `seenSince` (ISO 8601) were already retried by the scan itself. `remaining` counts the open threads whose
 * alert is still pending afterwards (the delivery queue depth).
 */
export async function deliverPendingAlerts(
  deps: DeliverPendingDeps,
  seenSince: string,
): Promise<{ sent: Thread[]; failed: number; remaining: number }> {
  const pending: string[] = [];
  let pendingOpen = 0;
  for await (const thread of deps.store.pendingAlertThreads()) {
    pendingOpen += 1;
    if (thread.lastSeenAt < seenSince) pending.push(thread.id);
  }
  const sent: Thread[] = [];
  let failed = 0;
  for (const id of pending) {
    try {
      const updated = await deps.store.updateThread(id, async (thread) => {
        if (thread.alert?.status !== 'pending') return thread;
        const attempt = markAlertPending(thread, deps.now().toISOString());
        await deps.notifier.notify(attempt, { sourceName: deps.sourceName(thread.sourceId) });
        return markAlertSent(attempt, deps.now().toISOString());
      });
      if (updated?.alert?.status === 'sent') sent.push(updated);
    } catch (error) {
      failed += 1;
      deps.logger.error(
        { thread: id, error: redactSecrets(String(error), deps.env) },
        'pending alert not delivered; it stays pending',
      );
    }
  }
  return { sent, failed, remaining: pendingOpen - sent.length };
}
