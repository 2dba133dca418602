import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackApp } from '../../src/slack/app.js';
import { ACTION, INPUT, VIEW } from '../../src/slack/ids.js';
import { createStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import {
  buttonClick,
  CHANNEL,
  interactionBody,
  makeThread,
  postToSlackApp,
  slackConfig,
  slashCommand,
  startSlackApp,
  viewSubmission,
} from '../helpers/slack-fixtures.js';

const NOW = new Date('2026-11-22T03:00:00.000Z');
const THREAD = 't-abc123';
const HUGE = 'x'.repeat(100 * 1024);

interface Harness {
  fake: FakeSlack;
  store: Store;
  slack: SlackApp;
  port: number;
  responseUrl: string;
  logs: { level: number; msg: string; [key: string]: unknown }[];
}

let h: Harness;

async function startHarness(): Promise<Harness> {
  const fake = await startFakeSlack();
  fake.members.set(CHANNEL, ['U1', 'U2', 'UBOT']);
  const store = await createStore();
  const logs: Harness['logs'] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const { slack, port } = await startSlackApp(fake, {
    config: slackConfig(),
    store,
    logger,
    now: () => NOW,
    clientOptions: { retryConfig: { retries: 0 } },
  });
  return { fake, store, slack, port, responseUrl: `${fake.url}/response/1`, logs };
}

/** A well-formed payload as JSON, for one field to be broken in it. */
function clickPayload(actionId: string = ACTION.ack): Record<string, unknown> {
  const body = buttonClick(actionId, THREAD, 'U1', 'http://127.0.0.1:9/response/1');
  return JSON.parse(decodeURIComponent(body.slice('payload='.length))) as Record<string, unknown>;
}

function viewPayload(callbackId: string, values: Record<string, Record<string, unknown>> = {}) {
  const body = viewSubmission(callbackId, THREAD, 'U1', values);
  return JSON.parse(decodeURIComponent(body.slice('payload='.length))) as Record<string, unknown>;
}

function withAction(patch: Record<string, unknown>, actionId: string = ACTION.ack) {
  const payload = clickPayload(actionId);
  const [action] = payload.actions as Record<string, unknown>[];
  return interactionBody({ ...payload, actions: [{ ...action, ...patch }] });
}

function withView(callbackId: string, patch: Record<string, unknown>) {
  const payload = viewPayload(callbackId);
  return interactionBody({ ...payload, view: { ...(payload.view as object), ...patch } });
}

function without(payload: Record<string, unknown>, key: string) {
  const copy = { ...payload };
  delete copy[key];
  return interactionBody(copy);
}

const resolveValues = (outcome: unknown, note: unknown) => ({
  [INPUT.resolveOutcome.block]: {
    [INPUT.resolveOutcome.action]: { type: 'static_select', selected_option: outcome },
  },
  [INPUT.resolveNote.block]: { [INPUT.resolveNote.action]: { type: 'plain_text_input', value: note } },
});

/**
 * What Slack never sends but a signed request still can. `ignored` is the path the log line must name when
 * the request is refused before any listener; `status` is the HTTP answer (400 where the body is not even
 * JSON). Buttons and modals Bulssi does not know are acknowledged at once, never left for Bolt's 3 s wait.
 */
const CORPUS: { name: string; body: () => string; ignored?: string; status?: number; json?: boolean }[] = [
  { name: 'button value is a number', body: () => withAction({ value: 12345 }), ignored: 'actions.0.value' },
  {
    name: 'button value is an object',
    body: () => withAction({ value: { id: THREAD } }),
    ignored: 'actions.0.value',
  },
  { name: 'button value missing', body: () => withAction({ value: undefined }), ignored: 'actions.0.value' },
  { name: 'button value of 100 KB', body: () => withAction({ value: HUGE }), ignored: 'actions.0.value' },
  { name: 'button value with <!channel>', body: () => withAction({ value: '<!channel> <@U0ADMIN>' }) },
  { name: 'thread id that does not exist', body: () => withAction({ value: 't-nope' }) },
  { name: 'resolve button on a missing thread', body: () => withAction({ value: 't-nope' }, ACTION.resolve) },
  {
    name: 'escalate button with a number value',
    body: () => withAction({ value: 7 }, ACTION.escalate),
    ignored: 'actions.0.value',
  },
  {
    name: 'draft button with a 100 KB value',
    body: () => withAction({ value: HUGE }, ACTION.draft),
    ignored: 'actions.0.value',
  },
  { name: 'unknown action_id', body: () => withAction({ action_id: 'crisis_nuke' }) },
  { name: 'action_id that only starts like ours', body: () => withAction({ action_id: 'crisis_ack_v0' }) },
  {
    name: 'action_id missing',
    body: () => withAction({ action_id: undefined }),
    ignored: 'actions.0.action_id',
  },
  {
    name: 'snooze value a number',
    body: () => withAction({ value: 42 }, 'crisis_snooze_30m'),
    ignored: 'actions.0.value',
  },
  { name: 'snooze value garbage', body: () => withAction({ value: '<!here>:forever' }, 'crisis_snooze_30m') },
  {
    name: 'actions not an array',
    body: () => interactionBody({ ...clickPayload(), actions: { 0: 'x' } }),
    ignored: 'actions',
  },
  {
    name: 'actions empty',
    body: () => interactionBody({ ...clickPayload(), actions: [] }),
    ignored: 'actions',
  },
  {
    name: 'actions null',
    body: () => interactionBody({ ...clickPayload(), actions: null }),
    ignored: 'actions',
  },
  {
    name: 'an action that is a string',
    body: () => interactionBody({ ...clickPayload(), actions: ['crisis_ack'] }),
    ignored: 'actions.0',
  },
  { name: 'user missing', body: () => without(clickPayload(), 'user'), ignored: 'user' },
  {
    name: 'user id a number',
    body: () => interactionBody({ ...clickPayload(), user: { id: 5 } }),
    ignored: 'user.id',
  },
  { name: 'user a string', body: () => interactionBody({ ...clickPayload(), user: 'U1' }), ignored: 'user' },
  {
    name: 'channel a string',
    body: () => interactionBody({ ...clickPayload(), channel: CHANNEL }),
    ignored: 'channel',
  },
  { name: 'type missing', body: () => without(clickPayload(), 'type'), ignored: 'type' },
  {
    name: 'type unknown',
    body: () => interactionBody({ ...clickPayload(), type: 'zzz', actions: undefined }),
    ignored: 'type',
  },
  { name: 'payload a JSON array', body: () => `payload=${encodeURIComponent('[1,2,3]')}`, ignored: '(body)' },
  { name: 'payload a JSON number', body: () => 'payload=42', ignored: '(body)' },
  { name: 'payload null', body: () => 'payload=null', status: 400 },
  { name: 'JSON body null', body: () => 'null', json: true, status: 400 },
  {
    name: 'payload not valid JSON',
    body: () => `payload=${encodeURIComponent('{"type":"block_actions",')}`,
    status: 400,
  },
  { name: 'empty body', body: () => '', ignored: 'type' },
  {
    name: 'resolve view without state',
    body: () => withView(VIEW.resolve, { state: undefined }),
    ignored: 'view.state',
  },
  {
    name: 'resolve view with values an array',
    body: () => withView(VIEW.resolve, { state: { values: [] } }),
    ignored: 'view.state.values',
  },
  {
    name: 'resolve view with values a string',
    body: () => withView(VIEW.resolve, { state: { values: 'x' } }),
    ignored: 'view.state.values',
  },
  {
    name: 'resolve view with a numeric outcome and note',
    body: () => interactionBody(viewPayload(VIEW.resolve, resolveValues(3, 42))),
    ignored: 'view.state.values.resolve_outcome',
  },
  {
    name: 'resolve view with a 100 KB note',
    body: () =>
      interactionBody(viewPayload(VIEW.resolve, resolveValues({ value: 'fixed' }, `<!channel> ${HUGE}`))),
    ignored: 'view.state.values.resolve_note',
  },
  {
    name: 'escalate view with selected_users a string',
    body: () =>
      interactionBody(
        viewPayload(VIEW.escalate, {
          [INPUT.escalateUsers.block]: { [INPUT.escalateUsers.action]: { selected_users: 'U1' } },
        }),
      ),
    ignored: 'view.state.values.escalate_users',
  },
  {
    name: 'escalate view with selected_options of numbers',
    body: () =>
      interactionBody(
        viewPayload(VIEW.escalate, {
          [INPUT.escalateGroups.block]: { [INPUT.escalateGroups.action]: { selected_options: [1, 2] } },
        }),
      ),
    ignored: 'view.state.values.escalate_groups',
  },
  {
    name: 'draft view with a numeric draft',
    body: () =>
      interactionBody(
        viewPayload(VIEW.draft, { [INPUT.draftText.block]: { [INPUT.draftText.action]: { value: 5 } } }),
      ),
    ignored: 'view.state.values.draft_text',
  },
  {
    name: 'view private_metadata not JSON',
    body: () => withView(VIEW.resolve, { private_metadata: '{' }),
    ignored: 'view.private_metadata',
  },
  {
    name: 'view private_metadata with a numeric thread id',
    body: () => withView(VIEW.resolve, { private_metadata: '{"threadId":5}' }),
    ignored: 'view.private_metadata',
  },
  { name: 'view missing', body: () => without(viewPayload(VIEW.resolve), 'view'), ignored: 'view' },
  {
    name: 'view a string',
    body: () => interactionBody({ ...viewPayload(VIEW.resolve), view: 'V1' }),
    ignored: 'view',
  },
  {
    name: 'unknown callback_id',
    body: () => withView(VIEW.resolve, { callback_id: 'crisis_unknown' }),
  },
  {
    name: 'view submission without user',
    body: () => without(viewPayload(VIEW.resolve), 'user'),
    ignored: 'user',
  },
  { name: '/crisis resolve <!channel>', body: () => slashCommand('resolve <!channel>', 'U1', h.responseUrl) },
  { name: '/crisis with 100 KB of text', body: () => slashCommand(`resolve ${HUGE}`, 'U1', h.responseUrl) },
  {
    name: 'slash command without text',
    body: () => {
      const form = new URLSearchParams(slashCommand('status', 'U1', h.responseUrl));
      form.delete('text');
      return form.toString();
    },
    ignored: 'text',
  },
  {
    name: 'slash command without user_id',
    body: () => {
      const form = new URLSearchParams(slashCommand(`resolve ${THREAD}`, 'U1', h.responseUrl));
      form.delete('user_id');
      return form.toString();
    },
    ignored: 'user_id',
  },
];

/** Every thread as stored, by id. */
async function snapshot(store: Store) {
  const all = new Map<string, unknown>();
  for await (const thread of store.threads()) all.set(thread.id, thread);
  return all;
}

describe('hostile Slack payloads against the running app', () => {
  let before: Map<string, unknown>;
  beforeAll(async () => {
    h = await startHarness();
    const thread = makeThread({ id: THREAD });
    await h.store.putThread(thread);
    await h.slack.notifier.notify(thread, { sourceName: 'x' });
    const valid = makeThread({ id: 't-valid', post: { url: 'https://board.example/posts/2' } });
    await h.store.putThread(valid);
    await h.slack.notifier.notify(valid, { sourceName: 'x' });
    before = await snapshot(h.store);
  });
  afterAll(async () => {
    await h.slack.stop();
    await h.fake.close();
    await h.store.close();
  });

  it.each(CORPUS)('answers "$name" without a crash or a hang', async ({ body, ignored, status, json }) => {
    const logged = h.logs.length;
    const res = await postToSlackApp(h.port, body(), {
      signal: AbortSignal.timeout(5_000),
      ...(json ? { contentType: 'application/json' } : {}),
    });
    await res.text();
    expect(res.status).toBe(status ?? 200);
    const refusals = h.logs
      .slice(logged)
      .filter((l) => l.msg === 'Slack request ignored: it is not the shape Slack sends');
    if (ignored) {
      expect(refusals).toHaveLength(1);
      expect(refusals[0]?.problems).toEqual(
        expect.arrayContaining([expect.stringMatching(new RegExp(`^${ignored.replace(/[.()]/g, '\\$&')}`))]),
      );
    } else {
      expect(refusals).toEqual([]);
    }
  });

  it('still acts on a valid click afterwards, and the garbage changed nothing stored', async () => {
    await postToSlackApp(h.port, buttonClick(ACTION.ack, 't-valid', 'U2', h.responseUrl));
    await h.fake.waitFor('chat.update');
    const after = await snapshot(h.store);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(after.get(THREAD)).toEqual(before.get(THREAD));
    expect(after.get('t-valid')).toMatchObject({ state: 'acknowledged', assignee: 'U2' });
    expect(h.logs.filter((l) => l.msg === 'slack listener failed')).toEqual([]);
  });

  it('never echoes a broadcast, a mention or 100 KB back to Slack', async () => {
    const sent = h.fake.calls.filter((c) => c.method.startsWith('chat.') || c.method === 'response_url');
    expect(sent.length).toBeGreaterThan(0);
    for (const call of sent) {
      const text = JSON.stringify(call.args);
      expect(text).not.toMatch(/<!channel>|<!here>|<@U0ADMIN>/);
      expect(text.length).toBeLessThan(20_000);
    }
    const refused = h.fake.callsTo('chat.postEphemeral').map((c) => String(c.args.text));
    expect(refused).toEqual(expect.arrayContaining([expect.stringContaining('&lt;!channel&gt;')]));
  });

  it('tells whoever clicks a button it does not know, and logs its id', async () => {
    expect(h.logs.filter((l) => l.msg === 'button Bulssi does not know').map((l) => l.actionId)).toEqual(
      expect.arrayContaining(['crisis_nuke', 'crisis_ack_v0']),
    );
    expect(h.logs.filter((l) => l.msg === 'modal Bulssi does not know').map((l) => l.callbackId)).toEqual([
      'crisis_unknown',
    ]);
    const told = h.fake.callsTo('chat.postEphemeral').map((c) => String(c.args.text));
    expect(told.filter((t) => t.includes('더 이상 쓰지 않는 버튼'))).toHaveLength(2);
  });
});
