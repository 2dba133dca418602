import { createHash } from 'node:crypto';
import type { App, ViewOutput, ViewSubmitAction, webApi } from '@slack/bolt';
import { levelSchema } from '../../../config/schema.js';
import { channelOfUrl } from '../../../core/draft/channel.js';
import { checkTone } from '../../../core/draft/tone-check.js';
import { recordEvent } from '../../../core/thread.js';
import { RESOLUTION_OUTCOMES, type ResolutionOutcome } from '../../../core/thread-schema.js';
import { applyThreadAction } from '../../apply-action.js';
import type { SlackDeps } from '../../deps.js';
import { INPUT, VIEW } from '../../ids.js';
import { buildDraftModal, decodeMetadata, toneCheckText } from '../../modals.js';
import { groupMention, LIMITS, mention, mrkdwnLink, quoteText, safeText, truncate } from '../../mrkdwn.js';
import { expandTargets, permalinkFor } from '../../escalation-dm.js';
import { type Clicker, refuseIfNeeded, showChange, tellPrivately } from '../shared.js';

type Values = ViewOutput['state']['values'];

function input(values: Values, id: { block: string; action: string }) {
  return values[id.block]?.[id.action];
}

/** The draft text, from whichever input block holds it (the model's rewrite uses its own block id). */
function draftTextOf(values: Values | undefined): string {
  for (const block of [INPUT.draftModelText, INPUT.draftText]) {
    const value = values?.[block.block]?.[block.action]?.value;
    if (typeof value === 'string') return value;
  }
  return '';
}

/** Short digest of a draft's text, to know whether the findings shown were for this very text. */
function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

/** Remembers submitted view ids so a double submit (or a resubmitted view) acts once. */
function createOnce(max = 1000): (key: string) => boolean {
  const seen = new Set<string>();
  return (key) => {
    if (seen.has(key)) return false;
    seen.add(key);
    if (seen.size > max) seen.delete(seen.values().next().value as string);
    return true;
  };
}

/**
 * Modal submissions: the draft goes into the alert's thread for review; escalate and resolve apply the
 * change, update the alert and reply in its thread. Each acks first (escalate acks with an error when
 * no one was picked, which keeps the modal open).
 */
export function registerViews(app: App, deps: SlackDeps): void {
  const s = deps.strings;
  const once = createOnce();
  /** `variant` tells apart submits of one view that are each meant to act (a draft resubmitted after edits). */
  const start = async (body: ViewSubmitAction, client: webApi.WebClient, variant = '') => {
    const who: Clicker = { user: body.user.id, channel: deps.config.slack.channel };
    const meta = decodeMetadata(body.view.private_metadata);
    if (!meta || !once(`${body.view.callback_id}:${body.view.id}:${variant}`)) return undefined;
    if (!(await deps.mayAct(who.user))) {
      await tellPrivately(client, deps, who, s.refuse.notAllowed);
      return undefined;
    }
    return { who, threadId: meta.threadId };
  };

  app.view<ViewSubmitAction>(VIEW.draft, async ({ ack, body, view, client }) => {
    const text = draftTextOf(view.state.values);
    const meta = decodeMetadata(view.private_metadata);
    // The tone check runs again on what was submitted; findings not yet shown for this text keep the modal
    // open with them, and the same text submitted again goes for review as it is.
    const thread = meta ? await deps.store.getThread(meta.threadId) : undefined;
    const channel = thread ? channelOfUrl(thread.url) : undefined;
    const findings = checkTone(text, { channel });
    const digest = digestOf(text);
    if (thread && channel && findings.length > 0 && meta?.checked !== digest) {
      await ack({
        response_action: 'update',
        view: buildDraftModal(thread, { text, findings, channel }, s, { checked: digest }),
      });
      return;
    }
    await ack();
    const ctx = await start(body, client, digest);
    if (!ctx) return;
    const updated = await deps.store.updateThread(ctx.threadId, (current) =>
      recordEvent(current, { at: deps.now().toISOString(), type: 'drafted', by: ctx.who.user }),
    );
    if (!updated) {
      await tellPrivately(client, deps, ctx.who, s.refuse.notFound(safeText(ctx.threadId, 40)));
      return;
    }
    const line = s.reply.draftForReview(mention(ctx.who.user));
    const quoted = quoteText(text, LIMITS.sectionText - 200);
    const tone = toneCheckText(findings, s, s.tone.left);
    try {
      await deps.messages.reply(updated, {
        text: truncate(`${line}\n${quoted}`, LIMITS.messageText),
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: line } },
          { type: 'section', text: { type: 'mrkdwn', text: truncate(quoted || '>', LIMITS.sectionText) } },
          { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(tone, LIMITS.contextText) }] },
        ],
      });
    } catch (error) {
      // The modal is closed: the text the agent wrote goes back to them rather than being lost.
      deps.logger.warn({ err: error, thread: updated.id }, 'draft for review not posted in the thread');
      await tellPrivately(
        client,
        deps,
        ctx.who,
        truncate(`${s.reply.draftNotPosted}\n${quoted}`, LIMITS.messageText),
      );
    }
  });

  app.view<ViewSubmitAction>(VIEW.escalate, async ({ ack, body, view, client }) => {
    const values = view.state.values;
    const users = input(values, INPUT.escalateUsers)?.selected_users ?? [];
    const groups = (input(values, INPUT.escalateGroups)?.selected_options ?? [])
      .map((o) => o.value)
      .filter((v): v is string => Boolean(v));
    if (users.length + groups.length === 0) {
      await ack({
        response_action: 'errors',
        errors: { [INPUT.escalateUsers.block]: s.modal.escalateNeedTarget },
      });
      return;
    }
    await ack();
    const ctx = await start(body, client);
    if (!ctx) return;
    const level = levelSchema.safeParse(input(values, INPUT.escalateLevel)?.selected_option?.value);
    const note = input(values, INPUT.escalateNote)?.value?.trim() || undefined;
    // Only people not pulled in before are mentioned and messaged; the state machine refuses a repeat.
    const before = (await deps.store.getThread(ctx.threadId))?.escalatedTo ?? [];
    const freshUsers = users.filter((u) => !before.includes(u));
    const freshGroups = groups.filter((g) => !before.includes(g));
    const targets = [...freshUsers.map(mention), ...freshGroups.map(groupMention)].join(' ');
    const result = await applyThreadAction(
      deps.store,
      ctx.threadId,
      {
        type: 'escalate',
        by: ctx.who.user,
        note: [targets, note].filter(Boolean).join(' · '),
        targets: [...users, ...groups],
        ...(level.success ? { level: level.data } : {}),
      },
      deps.now(),
    );
    if (await refuseIfNeeded(client, deps, ctx.who, ctx.threadId, result)) return;
    if (!result.ok) return;
    const thread = result.thread;
    await showChange(
      deps,
      thread,
      s.reply.escalated(mention(ctx.who.user), targets, s.level[thread.peakLevel]),
      note,
    );
    const link = await permalinkFor(client, deps, thread);
    const dm = s.reply.escalationDm(
      mention(ctx.who.user),
      mrkdwnLink(thread.url, thread.title || thread.url, 300),
      link,
    );
    const recipients = await expandTargets(client, deps, freshUsers, freshGroups);
    const sent = await Promise.allSettled(
      recipients.map((user) => client.chat.postMessage({ channel: user, text: dm, unfurl_links: false })),
    );
    sent.forEach((outcome, index) => {
      if (outcome.status === 'rejected')
        deps.logger.warn({ err: outcome.reason, user: recipients[index] }, 'escalation DM not delivered');
    });
  });

  app.view<ViewSubmitAction>(VIEW.resolve, async ({ ack, body, view, client }) => {
    await ack();
    const ctx = await start(body, client);
    if (!ctx) return;
    const values = view.state.values;
    const picked = input(values, INPUT.resolveOutcome)?.selected_option?.value;
    const outcome: ResolutionOutcome = RESOLUTION_OUTCOMES.find((o) => o === picked) ?? 'no_action';
    const note = input(values, INPUT.resolveNote)?.value?.trim() || undefined;
    const result = await applyThreadAction(
      deps.store,
      ctx.threadId,
      { type: 'resolve', by: ctx.who.user, outcome, ...(note ? { note } : {}) },
      deps.now(),
    );
    if (await refuseIfNeeded(client, deps, ctx.who, ctx.threadId, result)) return;
    if (result.ok)
      await showChange(
        deps,
        result.thread,
        s.reply.resolved(mention(ctx.who.user), s.outcome[outcome]),
        note,
      );
  });
}
