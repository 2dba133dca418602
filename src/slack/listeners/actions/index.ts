import type { App, BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import { channelOfUrl } from '../../../core/draft/channel.js';
import { checkTone } from '../../../core/draft/tone-check.js';
import { isOpen } from '../../../core/thread.js';
import type { Thread } from '../../../core/thread-schema.js';
import { applyThreadAction } from '../../apply-action.js';
import type { SlackDeps } from '../../deps.js';
import { ACTION, DRAFT_USE_MODEL, INPUT } from '../../ids.js';
import { buildDraftModal, buildEscalateModal, buildResolveModal, decodeMetadata } from '../../modals.js';
import { mention, safeText } from '../../mrkdwn.js';
import { clickerOf, refuseIfNeeded, showChange, tellPrivately } from '../shared.js';

/** Configured escalation targets for a category, split into users (U…/W…) and user groups (S…). */
export function escalationTargets(deps: SlackDeps, thread: Thread) {
  const { escalation } = deps.config;
  const chosen = escalation.byCategory[thread.risk.category] ?? escalation.default;
  const all = [...escalation.default, ...Object.values(escalation.byCategory).flat()];
  const isGroup = (id: string) => id.startsWith('S');
  return {
    users: chosen.filter((id) => !isGroup(id)),
    groups: chosen.filter(isGroup),
    knownGroups: [...new Set(all.filter(isGroup))],
  };
}

/**
 * The five alert buttons. Each acks at once, checks who clicked, then applies the change (Acknowledge,
 * Not a crisis) or opens the modal for it (Draft apology, Escalate, Resolve) while the trigger is fresh.
 */
export function registerActions(app: App, deps: SlackDeps): void {
  const s = deps.strings;
  const setup = async (
    body: BlockAction,
    action: ButtonAction,
    client: webApi.WebClient,
    respond: RespondFn,
  ) => {
    const who = clickerOf(body, respond);
    if (!(await deps.mayAct(who.user))) {
      await tellPrivately(client, deps, who, s.refuse.notAllowed);
      return undefined;
    }
    return { who, threadId: action.value ?? '' };
  };

  /** Buttons that change the thread at once, without a modal: Acknowledge and Not a crisis. */
  const direct = [
    { id: ACTION.ack, type: 'acknowledge', reply: s.reply.acknowledged },
    { id: ACTION.dismiss, type: 'dismiss', reply: s.reply.dismissed },
  ] as const;
  for (const button of direct) {
    app.action<BlockAction<ButtonAction>>(button.id, async ({ ack, body, action, client, respond }) => {
      await ack();
      const ctx = await setup(body, action, client, respond);
      if (!ctx) return;
      const result = await applyThreadAction(
        deps.store,
        ctx.threadId,
        { type: button.type, by: ctx.who.user },
        deps.now(),
      );
      if (await refuseIfNeeded(client, deps, ctx.who, ctx.threadId, result)) return;
      if (result.ok) await showChange(deps, result.thread, button.reply(mention(ctx.who.user)));
    });
  }

  type ModalView = Parameters<webApi.WebClient['views']['open']>[0]['view'];
  type Opened = Awaited<ReturnType<webApi.WebClient['views']['open']>>;
  /**
   * `build` gives the modal and, optionally, a plainer one to try when Slack refuses the first;
   * `then` runs after it opened (e.g. to fill in what takes longer than the trigger lasts).
   */
  const openModal = (
    actionId: string,
    build: (thread: Thread) => [ModalView, ModalView?],
    then?: (thread: Thread, opened: Opened, client: webApi.WebClient) => Promise<void>,
  ) => {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client, respond }) => {
      await ack();
      // The trigger expires 3 s after the click: the access check and the read run together.
      const [ctx, thread] = await Promise.all([
        setup(body, action, client, respond),
        deps.store.getThread(action.value ?? ''),
      ]);
      if (!ctx) return;
      if (!thread) {
        await tellPrivately(client, deps, ctx.who, s.refuse.notFound(safeText(ctx.threadId, 40)));
        return;
      }
      if (!isOpen(thread)) {
        await tellPrivately(client, deps, ctx.who, s.refuse.already(s.state[thread.state]));
        return;
      }
      const [view, plainer] = build(thread);
      let opened: Opened;
      try {
        opened = await client.views.open({ trigger_id: body.trigger_id, view });
      } catch (error) {
        // e.g. a configured escalation target that is not in this workspace makes Slack refuse the defaults.
        deps.logger.warn({ err: error, thread: thread.id, actionId }, 'modal refused by Slack');
        if (!plainer) throw error;
        opened = await client.views.open({ trigger_id: body.trigger_id, view: plainer });
      }
      await then?.(thread, opened, client);
    });
  };

  const personalise = deps.personalise;
  openModal(
    ACTION.draft,
    (thread) => [buildDraftModal(thread, deps.draft(thread), s, { personalising: Boolean(personalise) })],
    personalise &&
      (async (thread, opened, client) => {
        const viewId = opened.view?.id;
        if (!viewId) return;
        const drafted = await personalise(thread);
        if (drafted.modelNote)
          deps.logger.info({ thread: thread.id, note: drafted.modelNote }, 'model draft not used');
        // The same input block id keeps whatever the agent typed meanwhile; the personalised version is offered
        // under it, with a button that puts it in the box.
        const template = deps.draft(thread);
        const view =
          drafted.source === 'model'
            ? buildDraftModal(thread, template, s, { offer: drafted.text })
            : buildDraftModal(thread, drafted, s, { note: s.tone.modelFallback(drafted.modelNote ?? '') });
        try {
          await client.views.update({
            view_id: viewId,
            ...(opened.view?.hash ? { hash: opened.view.hash } : {}),
            view,
          });
        } catch (error) {
          // Closed, submitted or changed since it opened: the person already has what they need.
          deps.logger.debug({ err: error, thread: thread.id }, 'draft modal not updated');
        }
      }),
  );
  // "Use this version" under an offered personalised draft: the box now holds that version (a new input block id
  // replaces what is typed), and its tone check is shown.
  app.action<BlockAction<ButtonAction>>(DRAFT_USE_MODEL, async ({ ack, body, action, client }) => {
    await ack();
    const meta = decodeMetadata(body.view?.private_metadata);
    const viewId = body.view?.id;
    const thread = meta && (await deps.store.getThread(meta.threadId));
    if (!thread || !viewId) return;
    const text = action.value ?? '';
    const channel = channelOfUrl(thread.url);
    try {
      await client.views.update({
        view_id: viewId,
        ...(body.view?.hash ? { hash: body.view.hash } : {}),
        view: buildDraftModal(thread, { text, findings: checkTone(text, { channel }), channel }, s, {
          note: s.tone.personalised,
          inputBlock: INPUT.draftModelText.block,
        }),
      });
    } catch (error) {
      deps.logger.debug(
        { err: error, thread: thread.id },
        'draft modal not updated with the personalised version',
      );
    }
  });

  openModal(ACTION.escalate, (thread) => {
    const targets = escalationTargets(deps, thread);
    return [
      buildEscalateModal(thread, targets, s),
      buildEscalateModal(thread, { users: [], groups: [], knownGroups: targets.knownGroups }, s),
    ];
  });
  openModal(ACTION.resolve, (thread) => [buildResolveModal(thread, s)]);
}
