/**
 * Every identifier Slack sends back to us: button action_ids (their `value` is the thread id), modal
 * callback_ids and input ids, the slash command. Blocks, listeners and manifests/ all use these.
 */
export const ACTION = {
  ack: 'crisis_ack',
  draft: 'crisis_draft',
  escalate: 'crisis_escalate',
  resolve: 'crisis_resolve',
  dismiss: 'crisis_dismiss',
} as const;
export type ActionId = (typeof ACTION)[keyof typeof ACTION];
export const ACTION_IDS: readonly ActionId[] = Object.values(ACTION);

/**
 * In the Draft apology modal, under a personalised version offered beside the agent's text: puts that version
 * in the text box (its `value` is the version's text).
 */
export const DRAFT_USE_MODEL = 'crisis_draft_use_model';
/** block_id of the offered personalised version's button. */
export const DRAFT_OFFER_BLOCK = 'draft_model_offer';

/** block_id of the alert's button row. */
export const ALERT_ACTIONS_BLOCK = 'crisis_actions';

/**
 * Snooze buttons on a reminder: action_id `crisis_snooze_<choice>` (unique within the row), value
 * `<thread id>:<choice>` with choice 30m, 2h or tomorrow.
 */
export const SNOOZE_ACTION_PREFIX = 'crisis_snooze';
export const SNOOZE_ACTION_PATTERN = /^crisis_snooze_/;
/** block_id of a reminder's Snooze row. */
export const SNOOZE_BLOCK = 'crisis_snooze';

export const VIEW = {
  draft: 'crisis_draft_modal',
  escalate: 'crisis_escalate_modal',
  resolve: 'crisis_resolve_modal',
} as const;

/** block_id / action_id pairs of modal inputs, read back from view.state.values. */
export const INPUT = {
  draftText: { block: 'draft_text', action: 'draft_text_input' },
  /** The same input after a model personalised the draft (a new block id replaces the text shown). */
  draftModelText: { block: 'draft_text_model', action: 'draft_text_input' },
  escalateUsers: { block: 'escalate_users', action: 'escalate_users_input' },
  escalateGroups: { block: 'escalate_groups', action: 'escalate_groups_input' },
  escalateLevel: { block: 'escalate_level', action: 'escalate_level_input' },
  escalateNote: { block: 'escalate_note', action: 'escalate_note_input' },
  resolveOutcome: { block: 'resolve_outcome', action: 'resolve_outcome_input' },
  resolveNote: { block: 'resolve_note', action: 'resolve_note_input' },
} as const;

export const COMMAND = '/crisis';
