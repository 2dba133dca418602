import { createHmac } from 'node:crypto';
import { pino } from 'pino';
import { type CreateSlackAppOptions, createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { configFrom } from '../../src/config/load.js';
import type { Config, ConfigInput } from '../../src/config/schema.js';
import type { Post } from '../../src/core/post.js';
import { createThread } from '../../src/core/thread.js';
import type { Risk, Thread } from '../../src/core/thread-schema.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const CHANNEL = 'C0CRISIS';
export const silentLogger = pino({ level: 'silent' });

/** A config with one source, the alert channel and escalation targets. */
export function slackConfig(overrides: Partial<ConfigInput> = {}): Config {
  return configFrom({
    company: { name: '한빛푸드' },
    watch: { brands: [{ name: '한빛푸드', aliases: ['Hanbit Foods'] }] },
    sources: [{ id: 'sample-board', name: '자유게시판', type: 'feed', url: 'http://127.0.0.1:9/feed.xml' }],
    slack: { channel: CHANNEL },
    escalation: { default: ['ULEAD'], byCategory: { contamination: ['UQA', 'SQUALITY'] } },
    ...overrides,
  });
}

/** A thread as the scan would create it; `post` and `risk` fields override the defaults. */
export function makeThread(
  options: { id?: string; post?: Partial<Post>; risk?: Partial<Risk>; now?: string } = {},
): Thread {
  const post: Post = {
    id: 'sample-board:1',
    sourceId: 'sample-board',
    url: 'https://board.example/posts/1',
    title: '한빛푸드 과자에서 벌레가 나왔어요',
    text: '오늘 산 한빛푸드 과자에서 벌레가 나왔습니다. 사진 있습니다.',
    author: '익명',
    publishedAt: '2026-11-22T01:00:00.000Z',
    metrics: { views: 120, comments: 8 },
    lang: 'ko',
    ...options.post,
  };
  const risk: Risk = {
    score: 72,
    level: 'high',
    category: 'contamination',
    reasons: ['이물질 언급: "벌레"', '사진 증거 언급'],
    ...options.risk,
  };
  return createThread({
    id: options.id ?? 't-abc123',
    canonicalUrl: post.url,
    post,
    risk,
    now: options.now ?? '2026-11-22T02:00:00.000Z',
  });
}

/** Slack's v0 request signature over `timestamp` and the raw body. */
export function signSlack(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a signed request to Bolt's /slack/events like Slack does. */
export async function postToSlackApp(
  port: number,
  body: string,
  options: {
    contentType?: string;
    secret?: string;
    timestamp?: number;
    signature?: string;
    signal?: AbortSignal;
  } = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? signSlack(body, timestamp, options.secret),
    },
    body,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** The fields every interaction payload carries about its workspace, app and the person who acted. */
function fromUser(user: string) {
  return {
    team: { id: 'T1', domain: 'test' },
    user: { id: user, username: user, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
  };
}

export function interactionBody(payload: Record<string, unknown>): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** A click on an alert button as Slack sends it. */
export function buttonClick(actionId: string, threadId: string, user: string, responseUrl: string): string {
  return interactionBody({
    type: 'block_actions',
    ...fromUser(user),
    trigger_id: `trigger-${actionId}-${user}`,
    container: { type: 'message', message_ts: '1700000000.000001', channel_id: CHANNEL, is_ephemeral: false },
    channel: { id: CHANNEL, name: 'crisis' },
    message: { ts: '1700000000.000001', text: 'alert' },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'crisis_actions',
        value: threadId,
        action_ts: '1700000001.000001',
      },
    ],
  });
}

/** A modal submission with `values` in Slack's view.state shape. */
export function viewSubmission(
  callbackId: string,
  threadId: string,
  user: string,
  values: Record<string, Record<string, unknown>>,
  viewId = 'V1',
  metadata: Record<string, unknown> = {},
): string {
  return interactionBody({
    type: 'view_submission',
    ...fromUser(user),
    trigger_id: 'trigger-view',
    view: {
      id: viewId,
      team_id: 'T1',
      type: 'modal',
      callback_id: callbackId,
      private_metadata: JSON.stringify({ threadId, ...metadata }),
      state: { values },
      hash: 'h',
      blocks: [],
    },
  });
}

/** A click on a button inside an open modal (e.g. "Use this version" in the Draft apology modal). */
export function modalButtonClick(
  actionId: string,
  value: string,
  user: string,
  view: { id: string; callbackId: string; threadId: string },
): string {
  return interactionBody({
    type: 'block_actions',
    ...fromUser(user),
    trigger_id: `trigger-${actionId}-${user}`,
    container: { type: 'view', view_id: view.id },
    view: {
      id: view.id,
      team_id: 'T1',
      type: 'modal',
      callback_id: view.callbackId,
      private_metadata: JSON.stringify({ threadId: view.threadId }),
      state: { values: {} },
      hash: 'h2',
      blocks: [],
    },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1700000000.000002' }],
  });
}

export function slashCommand(text: string, user: string, responseUrl: string): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'test',
    channel_id: CHANNEL,
    channel_name: 'crisis',
    user_id: user,
    user_name: user,
    command: '/crisis',
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: 'trigger-cmd',
  }).toString();
}

/** What a test gives `startSlackApp`: everything but the fake Slack's settings, which it fills in. */
export type TestSlackAppOptions = Omit<CreateSlackAppOptions, 'settings' | 'logger' | 'botId' | 'botUserId'> &
  Partial<Pick<CreateSlackAppOptions, 'logger'>>;

/**
 * Bulssi's Slack app in HTTP mode on a free loopback port, talking to the fake Slack at `apiUrl` as bot
 * BBOT / UBOT, signed with SIGNING_SECRET, quiet unless a logger is given. Resolves once it listens.
 */
export async function startSlackApp(
  fake: { apiUrl: string },
  options: TestSlackAppOptions,
): Promise<{ slack: SlackApp; port: number }> {
  const slack = createSlackApp({
    settings: {
      botToken: 'xoxb-test-token',
      signingSecret: SIGNING_SECRET,
      appToken: undefined,
      apiUrl: fake.apiUrl,
      port: 0,
    },
    logger: silentLogger,
    botId: 'BBOT',
    botUserId: 'UBOT',
    ...options,
  });
  const { port } = await slack.start();
  return { slack, port: port ?? 0 };
}

/** The environment that puts Bulssi in Slack mode against the fake Slack at `apiUrl`, alerting in CHANNEL. */
export function slackModeEnv(
  fake: { apiUrl: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    BULSSI_CHANNEL: CHANNEL,
    ...extra,
  };
}
