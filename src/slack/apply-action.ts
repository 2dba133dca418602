import { transition, type ThreadAction } from '../core/thread.js';
import type { Thread } from '../core/thread-schema.js';
import { BotError } from '../errors.js';
import type { Store } from '../store/store.js';

export type ApplyResult =
  | { ok: true; thread: Thread }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'not_applicable'; thread: Thread };

/**
 * Applies a person's action to the latest stored thread under the store's per-thread lock, so two
 * clicks at once end in one state: the first wins, the second finds the action no longer applies.
 */
export async function applyThreadAction(
  store: Store,
  threadId: string,
  action: ThreadAction,
  now: Date,
): Promise<ApplyResult> {
  let refused: Thread | undefined;
  try {
    const thread = await store.updateThread(threadId, (current) => {
      try {
        return transition(current, action, now.toISOString());
      } catch (error) {
        if (error instanceof BotError && error.code === 'ERR_TRANSITION') refused = current;
        throw error;
      }
    });
    return thread ? { ok: true, thread } : { ok: false, reason: 'not_found' };
  } catch (error) {
    if (refused) return { ok: false, reason: 'not_applicable', thread: refused };
    throw error;
  }
}
