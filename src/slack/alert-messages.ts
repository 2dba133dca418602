import { createHash } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import type { Thread } from '../core/thread-schema.js';
import { BotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { SlackMessage, Store } from '../store/store.js';
import type { Level } from '../config/schema.js';
import { isAtLeast, isOpen } from '../core/thread.js';
import { buildAlertMessage, type SlackMessageContent, shownLevel } from './blocks.js';
import type { Strings } from './i18n.js';

/** Message metadata on every alert, so one posted just before a crash can be found again. */
export const ALERT_EVENT = 'bulssi_alert';
/** Pages of channel history (200 messages each) searched for such an alert. */
const RECONCILE_PAGES = 5;

export interface AlertMessagesDeps {
  client: webApi.WebClient;
  store: Store;
  /** Channel id alerts are posted to. */
  channel: string;
  strings: Strings;
  sourceName: (sourceId: string) => string;
  logger: Logger;
  now: () => Date;
}

/** Posting, updating and replying to the one alert message per thread. */
export interface AlertMessages {
  /**
   * Posts the alert, or updates it in place when one was already posted for the thread (an alert left
   * pending by a crash after posting is not posted twice). Throws when Slack refused, after the client's retries.
   */
  publish(thread: Thread): Promise<{ channel: string; ts: string }>;
  /**
   * Re-renders the alert from the thread (chat.update) when what it shows changed; does nothing when no
   * alert was posted or the content is the same.
   */
  refresh(thread: Thread): Promise<void>;
  /**
   * Refreshes the alerts of threads seen at or after `seenSince` (ISO 8601), e.g. by the last scan, so
   * counts, growth and level stay current. Failures are logged, never thrown; resolves to the number updated.
   */
  refreshSeenSince(seenSince: string): Promise<number>;
  /**
   * A reply in the alert's thread (thread_ts); in the channel itself when no alert was posted. `broadcast`
   * also shows it in the channel.
   */
  reply(thread: Thread, content: SlackMessageContent, options?: { broadcast?: boolean }): Promise<void>;
}

export function createAlertMessages(deps: AlertMessagesDeps): AlertMessages {
  const { client, store, strings } = deps;
  const render = (thread: Thread) =>
    buildAlertMessage(thread, { sourceName: deps.sourceName(thread.sourceId), strings });
  const digest = (content: SlackMessageContent) =>
    createHash('sha256').update(JSON.stringify(content)).digest('base64url');
  const update = async (message: SlackMessage, thread: Thread, content: SlackMessageContent) => {
    await client.chat.update({
      channel: message.channel,
      ts: message.ts,
      text: content.text,
      blocks: content.blocks,
    });
    await store.putSlackMessage({ ...message, hash: digest(content), level: shownLevel(thread) });
  };
  /** Updates the message when its content changed, reporting the level it showed before. */
  const refresh = async (
    thread: Thread,
  ): Promise<{ updated: boolean; previousLevel?: Level | undefined }> => {
    const existing = await store.getSlackMessage(thread.id);
    if (!existing) return { updated: false };
    const content = render(thread);
    if (existing.hash === digest(content)) return { updated: false };
    await update(existing, thread, content);
    return { updated: true, previousLevel: existing.level };
  };
  const reply = async (thread: Thread, content: SlackMessageContent, broadcast = false) => {
    const existing = await store.getSlackMessage(thread.id);
    const body = { text: content.text, blocks: content.blocks, unfurl_links: false, unfurl_media: false };
    await client.chat.postMessage(
      existing
        ? { channel: existing.channel, thread_ts: existing.ts, reply_broadcast: broadcast, ...body }
        : { channel: deps.channel, ...body },
    );
  };

  /**
   * An alert a crashed attempt posted but did not record: found by the metadata every alert carries, among
   * the channel's messages since the thread was first seen. Recorded so it is updated from now on.
   */
  const findPosted = async (thread: Thread): Promise<SlackMessage | undefined> => {
    const oldest = (Date.parse(thread.firstSeenAt) / 1000 - 60).toFixed(6);
    let cursor: string | undefined;
    for (let page = 0; page < RECONCILE_PAGES; page += 1) {
      const history = await client.conversations.history({
        channel: deps.channel,
        oldest,
        limit: 200,
        include_all_metadata: true,
        ...(cursor ? { cursor } : {}),
      });
      const found = history.messages?.find(
        (m) =>
          m.metadata?.event_type === ALERT_EVENT &&
          (m.metadata.event_payload as { thread_id?: unknown } | undefined)?.thread_id === thread.id,
      );
      if (found?.ts) {
        const message: SlackMessage = {
          threadId: thread.id,
          channel: deps.channel,
          ts: found.ts,
          postedAt: deps.now().toISOString(),
          hash: '',
        };
        deps.logger.warn(
          { thread: thread.id, ts: found.ts },
          'alert was already posted before a restart; updating it',
        );
        await store.putSlackMessage(message);
        return message;
      }
      cursor = history.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return undefined;
  };

  return {
    async publish(thread) {
      const content = render(thread);
      let existing = await store.getSlackMessage(thread.id);
      if (!existing && (thread.alert?.attempts ?? 1) > 1) existing = await findPosted(thread);
      if (existing) {
        await update(existing, thread, content);
        return { channel: existing.channel, ts: existing.ts };
      }
      const posted = await client.chat.postMessage({
        channel: deps.channel,
        text: content.text,
        blocks: content.blocks,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: ALERT_EVENT, event_payload: { thread_id: thread.id } },
      });
      if (!posted.ts || !posted.channel) {
        throw new BotError(
          'ERR_SLACK',
          `Slack accepted the alert for thread ${thread.id} but returned no message ts.`,
        );
      }
      await store.putSlackMessage({
        threadId: thread.id,
        channel: posted.channel,
        ts: posted.ts,
        postedAt: deps.now().toISOString(),
        hash: digest(content),
        level: shownLevel(thread),
      });
      return { channel: posted.channel, ts: posted.ts };
    },
    async refresh(thread) {
      await refresh(thread);
    },
    async refreshSeenSince(seenSince) {
      let updated = 0;
      for await (const thread of store.threadsLastSeen({ since: seenSince })) {
        if (thread.alert?.status !== 'sent') continue;
        try {
          const result = await refresh(thread);
          if (!result.updated) continue;
          updated += 1;
          const level = shownLevel(thread);
          const before = result.previousLevel;
          if (before && level !== before && isAtLeast(level, before) && isOpen(thread)) {
            // A rising thread is said once in its thread and shown in the channel, where people look.
            const line = strings.reply.levelRose(strings.level[before], strings.level[level]);
            await reply(
              thread,
              { text: line, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: line } }] },
              true,
            );
          }
        } catch (error) {
          deps.logger.warn(
            { err: error, thread: thread.id },
            'alert not refreshed; tried again after the next scan',
          );
        }
      }
      return updated;
    },
    reply: (thread, content, options) => reply(thread, content, options?.broadcast ?? false),
  };
}
