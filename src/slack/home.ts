import type { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import type { SourceStatus, Store } from '../store/store.js';
import type { Thread } from '../core/thread-schema.js';
import type { Strings } from './i18n.js';
import { buildHomeView, type OverdueCheck } from './status-blocks.js';

/** Publishes the App Home tab and keeps it current for the people who recently opened it. */
export interface HomePublisher {
  /** Renders the Home tab for one user (on app_home_opened) and remembers them. */
  publish(userId: string): Promise<void>;
  /** Re-renders the Home tab of recent viewers after a thread changed; failures are logged. */
  refreshViewers(): Promise<void>;
}

export interface HomeDeps {
  client: webApi.WebClient;
  store: Store;
  strings: Strings;
  sourceName: (id: string) => string;
  logger: Logger;
  now: () => Date;
  /** The configured deadlines (`followup.deadlines`); a fixed acknowledge time per level otherwise. */
  isOverdue?: OverdueCheck;
  /** Most viewers kept current, newest first. */
  maxViewers?: number;
}

export function createHomePublisher(deps: HomeDeps): HomePublisher {
  const max = deps.maxViewers ?? 20;
  const viewers: string[] = [];
  const render = async () => {
    const threads: Thread[] = [];
    // The Home tab shows open threads only.
    for await (const thread of deps.store.openThreads()) threads.push(thread);
    const statuses: SourceStatus[] = [];
    for await (const status of deps.store.sourceStatuses()) statuses.push(status);
    statuses.sort((a, b) => a.id.localeCompare(b.id));
    return buildHomeView(threads, statuses, deps.sourceName, deps.now(), deps.strings, deps.isOverdue);
  };
  return {
    async publish(userId) {
      const index = viewers.indexOf(userId);
      if (index >= 0) viewers.splice(index, 1);
      viewers.unshift(userId);
      viewers.length = Math.min(viewers.length, max);
      await deps.client.views.publish({ user_id: userId, view: await render() });
    },
    async refreshViewers() {
      if (viewers.length === 0) return;
      const view = await render();
      const results = await Promise.allSettled(
        viewers.map((user_id) => deps.client.views.publish({ user_id, view })),
      );
      for (const result of results) {
        if (result.status === 'rejected') deps.logger.warn({ err: result.reason }, 'App Home not refreshed');
      }
    },
  };
}
