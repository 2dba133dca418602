import { isOpen } from '../core/thread.js';
import type { Thread } from '../core/thread-schema.js';

/**
 * A subset of the stored threads that a listing reads through an index instead of reading every thread:
 * `open` (open, acknowledged or escalated), `pending` (open, with its alert not yet delivered: a closed
 * thread's alert is never sent) and `seen` (last seen in [since, before), ISO 8601 compared as strings, as
 * the callers always have).
 */
export type ThreadSelection =
  | { kind: 'open' }
  | { kind: 'pending' }
  | { kind: 'seen'; since?: string | undefined; before?: string | undefined };

/**
 * Whether a thread belongs to a selection. Every thread read through an index is checked again with this,
 * so an index entry that is behind the record can only cost a read, never yield a wrong thread.
 */
export function isSelected(selection: ThreadSelection, thread: Thread): boolean {
  switch (selection.kind) {
    case 'open':
      return isOpen(thread);
    case 'pending':
      return isOpen(thread) && thread.alert?.status === 'pending';
    case 'seen':
      return (
        (selection.since === undefined || thread.lastSeenAt >= selection.since) &&
        (selection.before === undefined || thread.lastSeenAt < selection.before)
      );
  }
}
