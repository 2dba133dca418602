import type { BlockAction, RespondFn, webApi } from '@slack/bolt';
import type { Thread } from '../../core/thread-schema.js';
import type { ApplyResult } from '../apply-action.js';
import { buildThreadReply } from '../blocks.js';
import type { SlackDeps } from '../deps.js';
import { safeText } from '../mrkdwn.js';

/** Where a private answer to the clicker goes: the click's response_url, else the channel the button was in. */
export interface Clicker {
  user: string;
  channel: string | undefined;
  /**
   * The click's response_url, when the button was on a message: it reaches the clicker even when they are not
   * in the channel (someone previewing it, or who left), where chat.postEphemeral fails with user_not_in_channel.
   */
  respond?: RespondFn | undefined;
}

/** Who clicked a button and how to answer them privately: the click's response_url when Slack sent one. */
export function clickerOf(body: BlockAction, respond: RespondFn): Clicker {
  return { user: body.user.id, channel: body.channel?.id, respond: body.response_url ? respond : undefined };
}

/**
 * A private note to one person: through the click's response_url when there is one, else as an ephemeral
 * message in the channel they clicked in (or the alert channel). A note that cannot be delivered is logged.
 */
export async function tellPrivately(
  client: webApi.WebClient,
  deps: SlackDeps,
  who: Clicker,
  text: string,
): Promise<void> {
  if (who.respond) {
    try {
      await who.respond({ response_type: 'ephemeral', replace_original: false, text });
      return;
    } catch (error) {
      deps.logger.debug({ err: error, user: who.user }, 'response_url refused the private note');
    }
  }
  const channel = who.channel ?? deps.config.slack.channel;
  if (!channel) return;
  try {
    await client.chat.postEphemeral({ channel, user: who.user, text });
  } catch (error) {
    deps.logger.warn({ err: error, user: who.user }, 'private note not delivered');
  }
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
  // The change is stored: each way of showing it goes ahead even when another fails (an alert deleted from the
  // channel, Slack down for longer than the retries), so an escalation still reaches its people.
  const shown = await Promise.allSettled([
    deps.messages.refresh(thread),
    deps.messages.reply(thread, buildThreadReply(line, note, deps.strings)),
    deps.home.refreshViewers(),
  ]);
  const what = ['alert not updated', 'thread reply not posted', 'App Home not refreshed'];
  shown.forEach((outcome, index) => {
    if (outcome.status === 'rejected')
      deps.logger.warn({ err: outcome.reason, thread: thread.id }, `${what[index]} after a change`);
  });
}
