import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { isSnoozeChoice, snoozeEnd, snoozeThread } from '../../../core/followup/snooze.js';
import { isOpen } from '../../../core/thread.js';
import type { Thread } from '../../../core/thread-schema.js';
import type { SlackDeps } from '../../deps.js';
import { SNOOZE_ACTION_PATTERN } from '../../ids.js';
import { mention, safeText, slackDate } from '../../mrkdwn.js';
import { clickerOf, tellPrivately } from '../shared.js';

/** `<thread id>:<choice>` from a Snooze button; undefined when it is not one. */
export function parseSnoozeValue(value: string | undefined) {
  const at = value?.lastIndexOf(':') ?? -1;
  if (!value || at <= 0) return undefined;
  const choice = value.slice(at + 1);
  return isSnoozeChoice(choice) ? { threadId: value.slice(0, at), choice } : undefined;
}

/** The Snooze buttons on reminders: pause the thread's reminders and escalations, and say so in its thread. */
export function registerSnooze(app: App, deps: SlackDeps): void {
  const s = deps.strings;
  app.action<BlockAction<ButtonAction>>(
    SNOOZE_ACTION_PATTERN,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const who = clickerOf(body, respond);
      if (!(await deps.mayAct(who.user))) {
        await tellPrivately(client, deps, who, s.refuse.notAllowed);
        return;
      }
      const picked = parseSnoozeValue(action.value);
      if (!picked) return;
      const now = deps.now();
      const until = new Date(
        snoozeEnd(picked.choice, now.getTime(), deps.config.schedule.timezone, deps.config.followup.morning),
      ).toISOString();
      let closed: Thread | undefined;
      const thread = await deps.store.updateThread(picked.threadId, (current) => {
        if (!isOpen(current)) {
          closed = current;
          return current;
        }
        return snoozeThread(current, { by: who.user, until, now: now.toISOString() });
      });
      if (!thread) {
        await tellPrivately(client, deps, who, s.refuse.notFound(safeText(picked.threadId, 40)));
        return;
      }
      if (closed) {
        await tellPrivately(client, deps, who, s.refuse.already(s.state[closed.state]));
        return;
      }
      const line = s.followup.snoozed(mention(who.user), slackDate(until));
      await deps.messages.reply(thread, {
        text: line,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: line } }],
      });
      // The reminder keeps its text and loses its buttons, so nobody snoozes the same reminder twice.
      const channel = body.channel?.id;
      const ts = body.message?.ts;
      const first = body.message?.blocks?.[0];
      if (channel && ts && first) {
        try {
          await client.chat.update({
            channel,
            ts,
            text: String(body.message?.text ?? line),
            blocks: [first, { type: 'context', elements: [{ type: 'mrkdwn', text: line }] }],
          });
        } catch (error) {
          deps.logger.warn({ err: error, thread: thread.id }, 'reminder not updated after a snooze');
        }
      }
    },
  );
}
