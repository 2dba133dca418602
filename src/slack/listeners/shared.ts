import type { webApi } from '@slack/bolt';
import type { Thread } from '../../core/thread-schema.js';
import type { ApplyResult } from '../apply-action.js';
import { buildThreadReply } from '../blocks.js';
import type { SlackDeps } from '../deps.js';
import { safeText } from '../mrkdwn.js';

/** Where a private answer to the clicker goes: the channel the button was in. */
export interface Clicker {
  user: string;
  channel: string | undefined;
}

/** A private note to one person in the channel they clicked in (or the alert channel). */
export async function tellPrivately(
  client: webApi.WebClient,
  deps: SlackDeps,
  who: Clicker,
  text: string,
): Promise<void> {
  const channel = who.channel ?? deps.config.slack.channel;
  if (!channel) return;
  await client.chat.postEphemeral({ channel, user: who.user, text });
}

/** Answers a refused or missing action privately; true when the caller should stop. */
export async function refuseIfNeeded(
  client: webApi.WebClient,
  deps: SlackDeps,
  who: Clicker,
  threadId: string,
  result: ApplyResult,
): Promise<boolean> {
  if (result.ok) return false;
  const s = deps.strings;
  const text =
    result.reason === 'not_found'
      ? s.refuse.notFound(safeText(threadId, 40))
      : s.refuse.already(s.state[result.thread.state]);
  await tellPrivately(client, deps, who, text);
  return true;
}

/** After a change: the alert re-rendered in place and a line in its thread. */
export async function showChange(
  deps: SlackDeps,
  thread: Thread,
  line: string,
  note?: string,
): Promise<void> {
  const event = thread.events.at(-1);
  deps.logger.info(
    { thread: thread.id, state: thread.state, event: event?.type, by: event?.by },
    'thread changed in Slack',
  );
  await deps.messages.refresh(thread);
  await deps.messages.reply(thread, buildThreadReply(line, note, deps.strings));
  await deps.home.refreshViewers();
}
