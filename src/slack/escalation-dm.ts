import type { webApi } from '@slack/bolt';
import type { Thread } from '../core/thread-schema.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';

/** Most people one escalation messages directly; a large group is reached by its mention in the thread. */
const MAX_ESCALATION_DMS = 50;

interface DmDeps {
  store: Store;
  logger: Logger;
}

/** A link to the thread's alert message, or '' when there is none (or Slack will not say). */
export async function permalinkFor(client: webApi.WebClient, deps: DmDeps, thread: Thread): Promise<string> {
  const message = await deps.store.getSlackMessage(thread.id);
  if (!message) return '';
  try {
    const result = await client.chat.getPermalink({ channel: message.channel, message_ts: message.ts });
    return result.permalink ?? '';
  } catch (error) {
    deps.logger.warn({ err: error, thread: thread.id }, 'no permalink for the alert');
    return '';
  }
}

/** Users to DM for an escalation: the picked people plus every member of the picked groups, once each. */
export async function expandTargets(
  client: webApi.WebClient,
  deps: DmDeps,
  users: readonly string[],
  groups: readonly string[],
): Promise<string[]> {
  const all = new Set(users);
  for (const group of groups) {
    try {
      const result = await client.usergroups.users.list({ usergroup: group });
      for (const id of result.users ?? []) all.add(id);
    } catch (error) {
      deps.logger.warn({ err: error, group }, 'could not list a user group; its members get no DM');
    }
  }
  if (all.size > MAX_ESCALATION_DMS) {
    deps.logger.warn(
      { targets: all.size, max: MAX_ESCALATION_DMS },
      'escalation DMs capped; the thread mention reaches the rest',
    );
  }
  return [...all].slice(0, MAX_ESCALATION_DMS);
}

/** Sends `text` to each user directly; failures are logged, never thrown. */
export async function sendDms(
  client: webApi.WebClient,
  logger: Logger,
  recipients: readonly string[],
  text: string,
): Promise<void> {
  const sent = await Promise.allSettled(
    recipients.map((user) => client.chat.postMessage({ channel: user, text, unfurl_links: false })),
  );
  sent.forEach((outcome, index) => {
    if (outcome.status === 'rejected')
      logger.warn({ err: outcome.reason, user: recipients[index] }, 'escalation DM not delivered');
  });
}
