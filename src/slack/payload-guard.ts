import { App, type AppOptions, type ReceiverEvent } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import { ACTION_IDS, SNOOZE_ACTION_PATTERN, VIEW } from './ids.js';
import { decodeMetadata } from './modals.js';
import { LIMITS } from './mrkdwn.js';

/** Envelope types Slack sends that Bolt routes; anything else is not from Slack. */
const SLACK_TYPES = new Set([
  'block_actions',
  'block_suggestion',
  'view_submission',
  'view_closed',
  'shortcut',
  'message_action',
  'interactive_message',
  'dialog_submission',
  'dialog_cancellation',
  'dialog_suggestion',
  'workflow_step_edit',
  'event_callback',
  'app_rate_limited',
]);

const id = z.string().min(1).max(255);
const user = z.looseObject({ id });
const OUR_VIEWS = new Set<string>(Object.values(VIEW));
const isOurButton = (actionId: string) =>
  (ACTION_IDS as readonly string[]).includes(actionId) || SNOOZE_ACTION_PATTERN.test(actionId);

const blockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  user,
  channel: z.looseObject({ id }).optional(),
  trigger_id: z.string().optional(),
  actions: z
    .array(
      z
        .looseObject({
          action_id: id,
          value: z.string().max(LIMITS.buttonValue).optional(),
        })
        .refine((action) => !isOurButton(action.action_id) || (action.value ?? '').length > 0, {
          message: 'an alert button must carry the thread id as its value',
          path: ['value'],
        }),
    )
    .min(1),
});

/** One input's state in view.state.values, as Slack sends it for the elements Bulssi's modals use. */
const inputState = z.looseObject({
  value: z.string().max(LIMITS.inputValue).nullish(),
  selected_users: z.array(id).optional(),
  selected_option: z.looseObject({ value: z.string() }).nullish(),
  selected_options: z.array(z.looseObject({ value: z.string() })).optional(),
});

const viewSubmissionSchema = z.looseObject({
  type: z.literal('view_submission'),
  user,
  view: z
    .looseObject({
      id,
      callback_id: z.string(),
      private_metadata: z.string().max(LIMITS.privateMetadata).optional(),
      state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), inputState)) }),
    })
    .refine((view) => !OUR_VIEWS.has(view.callback_id) || decodeMetadata(view.private_metadata), {
      message: 'a Bulssi modal must carry its thread id in private_metadata',
      path: ['private_metadata'],
    }),
});

const slashCommandSchema = z.looseObject({
  command: z.string().min(1),
  text: z.string(),
  user_id: id,
  channel_id: id,
});

const anyObject = z.record(z.string(), z.unknown());

/**
 * Where a request's body differs from what Slack sends, as `path: message` lines (values never included);
 * empty when it has the shape of a Slack request Bulssi handles, or of one it leaves to Bolt.
 */
export function checkSlackRequest(body: unknown): string[] {
  const object = anyObject.safeParse(body);
  if (!object.success) return ['(body): not a JSON object'];
  const b = object.data;
  let schema: z.ZodType;
  if (b.command !== undefined) schema = slashCommandSchema;
  else if (b.type === 'view_submission') schema = viewSubmissionSchema;
  else if (b.type === 'block_actions' || b.actions !== undefined) schema = blockActionsSchema;
  else if (b.event !== undefined || (typeof b.type === 'string' && SLACK_TYPES.has(b.type))) return [];
  else return ['type: not a Slack request type'];
  const parsed = schema.safeParse(b);
  if (parsed.success) return [];
  return parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`);
}

/**
 * Bolt's App with every incoming request checked before Bolt or a listener reads it: one that Slack could
 * not have sent (wrong types, missing fields, oversized values) is acknowledged, logged with what is wrong
 * and goes no further, so a listener never runs on it and nothing stored changes.
 */
export class GuardedApp extends App {
  readonly #logger: Logger;

  constructor(options: AppOptions, logger: Logger) {
    super(options);
    this.#logger = logger;
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    const problems = checkSlackRequest(event.body);
    if (problems.length === 0) return super.processEvent(event);
    this.#logger.warn({ problems }, 'Slack request ignored: it is not the shape Slack sends');
    await event.ack();
  }
}
