import type { Thread } from '../core/thread-schema.js';

/** Where alerts go: the terminal in local mode, Slack when a bot token is set. */
export interface Notifier {
  /** Delivers one alert for a thread. Throws when delivery failed so the alert stays pending and is retried. */
  notify(thread: Thread, context: { sourceName: string }): Promise<void>;
}
