import { isOpen } from '../core/thread.js';
import { THREAD_STATES, type Thread, type ThreadState } from '../core/thread-schema.js';
import type { ThreadSelection } from './thread-selection.js';

/** What the in-memory index keeps of one thread. */
interface Indexed {
  state: ThreadState;
  pending: boolean;
  lastSeenAt: string;
}

/** The in-memory store's thread indexes: kept in step by the store on every write of a thread. */
export interface MemoryThreadIndex {
  /** Records a thread as just written. */
  record(thread: Thread): void;
  /** Forgets a deleted thread. */
  forget(id: string): void;
  /** Ids of the selected threads, in first-write order (the order the in-memory store lists its threads). */
  ids(selection: ThreadSelection): string[];
  countByState(): Record<ThreadState, number>;
}

/**
 * Indexes for the in-memory store (tests, `score`). A Map keeps first-write order, the order in which the
 * in-memory store lists its threads, so the narrow listings keep the order of the full one.
 */
export function createMemoryThreadIndex(): MemoryThreadIndex {
  const byId = new Map<string, Indexed>();
  return {
    record(thread) {
      byId.set(thread.id, {
        state: thread.state,
        pending: thread.alert?.status === 'pending',
        lastSeenAt: thread.lastSeenAt,
      });
    },
    forget(id) {
      byId.delete(id);
    },
    ids(selection) {
      const entries = [...byId];
      switch (selection.kind) {
        case 'open':
          return entries.filter(([, e]) => isOpen(e)).map(([id]) => id);
        case 'pending':
          return entries.filter(([, e]) => isOpen(e) && e.pending).map(([id]) => id);
        case 'seen': {
          const { since, before } = selection;
          return entries
            .filter(
              ([, e]) =>
                (since === undefined || e.lastSeenAt >= since) &&
                (before === undefined || e.lastSeenAt < before),
            )
            .map(([id]) => id);
        }
      }
    },
    countByState() {
      const counts = Object.fromEntries(THREAD_STATES.map((s) => [s, 0])) as Record<ThreadState, number>;
      for (const entry of byId.values()) counts[entry.state] += 1;
      return counts;
    },
  };
}
