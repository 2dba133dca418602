import type { types } from '@slack/bolt';
import { LEVELS, type Level } from '../config/schema.js';
import { RESOLUTION_OUTCOMES, type Thread } from '../core/thread-schema.js';
import { shownLevel } from './blocks.js';
import type { Strings } from './i18n.js';
import { INPUT, VIEW } from './ids.js';
import { LIMITS, mrkdwnLink, plainText, truncate } from './mrkdwn.js';

type ModalView = types.ModalView;

/** What a modal carries back on submit: the thread it is about. */
export interface ModalMetadata {
  threadId: string;
}

export function encodeMetadata(metadata: ModalMetadata): string {
  return truncate(JSON.stringify(metadata), LIMITS.privateMetadata);
}

/** Reads private_metadata back; undefined when it is not ours. */
export function decodeMetadata(raw: string | undefined): ModalMetadata | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as { threadId?: unknown };
    return typeof value.threadId === 'string' && value.threadId.length > 0
      ? { threadId: value.threadId }
      : undefined;
  } catch {
    return undefined;
  }
}

function title(text: string): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text, LIMITS.modalTitle) };
}

function threadContext(thread: Thread): types.ContextBlock {
  return {
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: truncate(mrkdwnLink(thread.url, thread.title || thread.url, 500), LIMITS.contextText),
      },
    ],
  };
}

function option(text: string, value: string): types.PlainTextOption {
  return { text: { type: 'plain_text', text: truncate(plainText(text), 75) }, value };
}

/** The draft apology modal, prefilled with `draft` (a template or a drafter's text). */
export function buildDraftModal(thread: Thread, draft: string, s: Strings): ModalView {
  return {
    type: 'modal',
    callback_id: VIEW.draft,
    private_metadata: encodeMetadata({ threadId: thread.id }),
    title: title(s.modal.draftTitle),
    submit: title(s.modal.draftSubmit),
    close: title(s.modal.cancel),
    blocks: [
      threadContext(thread),
      {
        type: 'input',
        block_id: INPUT.draftText.block,
        label: { type: 'plain_text', text: s.modal.draftLabel },
        hint: { type: 'plain_text', text: s.modal.draftHint },
        element: {
          type: 'plain_text_input',
          action_id: INPUT.draftText.action,
          multiline: true,
          max_length: LIMITS.inputValue,
          initial_value: truncate(draft, LIMITS.inputValue),
        },
      },
    ],
  };
}

/** The next level up from `level`, capped at critical: the default when escalating. */
export function raisedLevel(level: Level): Level {
  return LEVELS[Math.min(LEVELS.indexOf(level) + 1, LEVELS.length - 1)] ?? 'critical';
}

/**
 * The escalate modal. `users` (U…) and `groups` (S…) preselect the configured targets for the thread's
 * category; `knownGroups` are every user group named in the config (Block Kit has no user group picker).
 */
export function buildEscalateModal(
  thread: Thread,
  targets: { users: readonly string[]; groups: readonly string[]; knownGroups: readonly string[] },
  s: Strings,
): ModalView {
  const usersElement: types.MultiUsersSelect = {
    type: 'multi_users_select',
    action_id: INPUT.escalateUsers.action,
  };
  if (targets.users.length > 0) usersElement.initial_users = [...targets.users];
  const blocks: types.KnownBlock[] = [
    threadContext(thread),
    {
      type: 'input',
      block_id: INPUT.escalateUsers.block,
      optional: true,
      label: { type: 'plain_text', text: s.modal.escalateUsers },
      element: usersElement,
    },
  ];
  if (targets.knownGroups.length > 0) {
    const options = targets.knownGroups.slice(0, 100).map((group) => option(group, group));
    const groupsElement: types.MultiStaticSelect = {
      type: 'multi_static_select',
      action_id: INPUT.escalateGroups.action,
      options,
    };
    const initial = options.filter((o) => targets.groups.includes(o.value ?? ''));
    if (initial.length > 0) groupsElement.initial_options = initial;
    blocks.push({
      type: 'input',
      block_id: INPUT.escalateGroups.block,
      optional: true,
      label: { type: 'plain_text', text: s.modal.escalateGroups },
      element: groupsElement,
    });
  }
  const levelOptions = LEVELS.filter((l) => l !== 'none').map((l) => option(s.level[l], l));
  const raised = raisedLevel(shownLevel(thread));
  const levelElement: types.StaticSelect = {
    type: 'static_select',
    action_id: INPUT.escalateLevel.action,
    options: levelOptions,
  };
  const initialLevel = levelOptions.find((o) => o.value === raised);
  if (initialLevel) levelElement.initial_option = initialLevel;
  blocks.push(
    {
      type: 'input',
      block_id: INPUT.escalateLevel.block,
      label: { type: 'plain_text', text: s.modal.escalateLevel },
      element: levelElement,
    },
    {
      type: 'input',
      block_id: INPUT.escalateNote.block,
      optional: true,
      label: { type: 'plain_text', text: s.modal.escalateNote },
      element: {
        type: 'plain_text_input',
        action_id: INPUT.escalateNote.action,
        multiline: true,
        max_length: 2000,
      },
    },
  );
  return {
    type: 'modal',
    callback_id: VIEW.escalate,
    private_metadata: encodeMetadata({ threadId: thread.id }),
    title: title(s.modal.escalateTitle),
    submit: title(s.modal.escalateSubmit),
    close: title(s.modal.cancel),
    blocks,
  };
}

/** The resolve modal: an outcome (required) and a note. */
export function buildResolveModal(thread: Thread, s: Strings): ModalView {
  return {
    type: 'modal',
    callback_id: VIEW.resolve,
    private_metadata: encodeMetadata({ threadId: thread.id }),
    title: title(s.modal.resolveTitle),
    submit: title(s.modal.resolveSubmit),
    close: title(s.modal.cancel),
    blocks: [
      threadContext(thread),
      {
        type: 'input',
        block_id: INPUT.resolveOutcome.block,
        label: { type: 'plain_text', text: s.modal.resolveOutcome },
        element: {
          type: 'radio_buttons',
          action_id: INPUT.resolveOutcome.action,
          options: RESOLUTION_OUTCOMES.map((o) => option(s.outcome[o], o)),
        },
      },
      {
        type: 'input',
        block_id: INPUT.resolveNote.block,
        optional: true,
        label: { type: 'plain_text', text: s.modal.resolveNote },
        element: {
          type: 'plain_text_input',
          action_id: INPUT.resolveNote.action,
          multiline: true,
          max_length: 2000,
        },
      },
    ],
  };
}
