import type { types } from '@slack/bolt';
import { LEVELS, type Level } from '../config/schema.js';
import { CHANNEL_LIMITS } from '../core/draft/channel.js';
import type { ToneFinding } from '../core/draft/tone-check.js';
import { RESOLUTION_OUTCOMES, type Thread } from '../core/thread-schema.js';
import type { ComposedDraft } from '../drafting/compose-draft.js';
import { shownLevel } from './blocks.js';
import type { Strings } from './i18n.js';
import { DRAFT_OFFER_BLOCK, DRAFT_USE_MODEL, INPUT, VIEW } from './ids.js';
import { escapeMrkdwn, LIMITS, mrkdwnLink, plainText, quoteText, truncate } from './mrkdwn.js';

type ModalView = types.ModalView;

/** What a modal carries back on submit: the thread it is about. */
export interface ModalMetadata {
  threadId: string;
  /** Draft modal: digest of the text whose tone findings were last shown. */
  checked?: string;
}

export function encodeMetadata(metadata: ModalMetadata): string {
  return truncate(JSON.stringify(metadata), LIMITS.privateMetadata);
}

/** Reads private_metadata back; undefined when it is not ours. */
export function decodeMetadata(raw: string | undefined): ModalMetadata | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as { threadId?: unknown; checked?: unknown };
    if (typeof value.threadId !== 'string' || value.threadId.length === 0) return undefined;
    return typeof value.checked === 'string'
      ? { threadId: value.threadId, checked: value.checked }
      : { threadId: value.threadId };
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

/** Options of the Draft apology modal beyond the draft itself. */
export interface DraftModalOptions {
  /** Digest of the text whose findings are shown: submitting that same text asks for review as it is. */
  checked?: string | undefined;
  /** A model is personalising the draft; the modal will be updated. */
  personalising?: boolean | undefined;
  /** A line about the draft's origin (personalised, or why the template is shown). */
  note?: string | undefined;
  /** Block id of the text input; a new one replaces what is typed, the same one keeps it. */
  inputBlock?: string | undefined;
  /**
   * A personalised version shown under the text box, which keeps what the agent typed: with a button that puts
   * it in the box when it fits a button's value, else to copy from.
   */
  offer?: string | undefined;
}

/** Findings shown at most, so the modal stays within Block Kit's limits. */
const FINDINGS_SHOWN = 8;

/** The tone check as mrkdwn: clean, or each finding with why and a better wording. Flagged text is escaped. */
export function toneCheckText(
  findings: readonly ToneFinding[],
  s: Strings,
  heading: (count: number) => string = s.tone.found,
): string {
  if (findings.length === 0) return s.tone.clean;
  const items = findings
    .slice(0, FINDINGS_SHOWN)
    .map((f) =>
      s.tone.item(f.text ? escapeMrkdwn(truncate(plainText(f.text), 80)) : '', f.why, f.suggestion),
    );
  return truncate([heading(findings.length), ...items].join('\n'), LIMITS.sectionText);
}

/**
 * The Draft apology modal: the draft to edit, which channel it is for, and the tone check of the text shown.
 * On submit the text is checked again (see the draft view listener).
 */
export function buildDraftModal(
  thread: Thread,
  draft: Pick<ComposedDraft, 'text' | 'findings' | 'channel'>,
  s: Strings,
  options: DraftModalOptions = {},
): ModalView {
  const metadata: ModalMetadata = { threadId: thread.id };
  if (options.checked) metadata.checked = options.checked;
  const blocks: types.KnownBlock[] = [
    threadContext(thread),
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: s.tone.channel(draft.channel, CHANNEL_LIMITS[draft.channel]) }],
    },
    {
      type: 'input',
      block_id: options.inputBlock ?? INPUT.draftText.block,
      label: { type: 'plain_text', text: s.modal.draftLabel },
      hint: { type: 'plain_text', text: s.modal.draftHint },
      element: {
        type: 'plain_text_input',
        action_id: INPUT.draftText.action,
        multiline: true,
        max_length: LIMITS.inputValue,
        initial_value: truncate(draft.text, LIMITS.inputValue),
      },
    },
    { type: 'section', text: { type: 'mrkdwn', text: toneCheckText(draft.findings, s) } },
  ];
  if (options.offer) {
    const quoted = quoteText(options.offer, LIMITS.sectionText - 200);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `${s.tone.offered}\n${quoted}` } });
    if (options.offer.length <= LIMITS.buttonValue)
      blocks.push({
        type: 'actions',
        block_id: DRAFT_OFFER_BLOCK,
        elements: [
          {
            type: 'button',
            action_id: DRAFT_USE_MODEL,
            text: { type: 'plain_text', text: s.tone.useOffer },
            value: options.offer,
          },
        ],
      });
  }
  const notes = [
    options.checked ? s.tone.submitAgain : undefined,
    options.personalising ? s.tone.personalising : undefined,
    options.note,
  ].filter((n): n is string => Boolean(n));
  if (notes.length > 0)
    blocks.push({
      type: 'context',
      elements: notes.map((text) => ({ type: 'mrkdwn' as const, text: truncate(text, LIMITS.contextText) })),
    });
  return {
    type: 'modal',
    callback_id: VIEW.draft,
    private_metadata: encodeMetadata(metadata),
    title: title(s.modal.draftTitle),
    submit: title(s.modal.draftSubmit),
    close: title(s.modal.cancel),
    blocks,
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
