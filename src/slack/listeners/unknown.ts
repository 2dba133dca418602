import type { App, BlockAction, ViewSubmitAction } from '@slack/bolt';
import { escapeRegExp } from '../../core/risk/normalize.js';
import type { SlackDeps } from '../deps.js';
import { ACTION_IDS, DRAFT_USE_MODEL, SNOOZE_ACTION_PATTERN, VIEW } from '../ids.js';
import { safeText } from '../mrkdwn.js';
import { clickerOf, tellPrivately } from './shared.js';

/** Matches any id but the given ones (and, for buttons, but the Snooze row's). */
function otherThan(ids: readonly string[], also?: RegExp): RegExp {
  const known = ids.map(escapeRegExp).join('|');
  const prefix = also ? `(?!${also.source.replace(/^\^/, '')})` : '';
  return new RegExp(`^(?!(?:${known})$)${prefix}`, 's');
}

/**
 * Buttons and modals Bulssi does not know (an older version's message, a renamed button): acknowledged at once,
 * logged, and the clicker told privately, instead of Slack waiting 3 s for a listener and showing an error.
 */
export function registerUnknown(app: App, deps: SlackDeps): void {
  app.action<BlockAction>(
    { type: 'block_actions', action_id: otherThan([...ACTION_IDS, DRAFT_USE_MODEL], SNOOZE_ACTION_PATTERN) },
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const actionId = 'action_id' in action ? action.action_id : '';
      deps.logger.warn(
        { actionId: safeText(actionId, 80), user: body.user.id },
        'button Bulssi does not know',
      );
      await tellPrivately(client, deps, clickerOf(body, respond), deps.strings.refuse.unknown);
    },
  );
  app.view<ViewSubmitAction>({ callback_id: otherThan(Object.values(VIEW)) }, async ({ ack, body, view }) => {
    await ack();
    deps.logger.warn(
      { callbackId: safeText(view.callback_id, 80), user: body.user.id },
      'modal Bulssi does not know',
    );
  });
}
