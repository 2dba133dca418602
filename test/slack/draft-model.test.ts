import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlackApp } from '../../src/slack/app.js';
import { ACTION, DRAFT_USE_MODEL, INPUT, VIEW } from '../../src/slack/ids.js';
import { createStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';
import { type FakeModel, startFakeModel } from '../helpers/fake-model.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import {
  buttonClick,
  modalButtonClick,
  CHANNEL,
  makeThread,
  postToSlackApp,
  slackConfig,
  startSlackApp,
  viewSubmission,
} from '../helpers/slack-fixtures.js';

const PERSONALISED =
  '과자에서 벌레를 보셨다니 얼마나 놀라셨을지 생각하면 정말 죄송합니다. 오늘 중으로 제품을 회수해 검사를 맡기고, 결과를 12월 1일(화)까지 이 글에 공유하겠습니다. 개인 정보는 이곳에 남기지 마시고 1:1 문의로 보내 주세요.\n\n한빛푸드 드림';

let fake: FakeSlack;
let model: FakeModel;
let store: Store;
let slack: SlackApp;
let port: number;

beforeEach(async () => {
  fake = await startFakeSlack();
  fake.members.set(CHANNEL, ['U1', 'UBOT']);
  model = await startFakeModel();
  store = await createStore();
  ({ slack, port } = await startSlackApp(fake, {
    config: slackConfig({
      drafts: { model: { baseUrl: model.baseUrl, model: 'test-model', timeoutMs: 500 } },
    }),
    store,
    now: () => new Date('2026-11-22T03:00:00.000Z'),
    env: { BULSSI_MODEL_API_KEY: 'sk-model-secret' },
  }));
});
afterEach(async () => {
  await slack.stop();
  await fake.close();
  await model.close();
});

async function openDraft() {
  const thread = makeThread();
  await store.putThread(thread);
  await slack.notifier.notify(thread, { sourceName: 'x' });
  const res = await postToSlackApp(
    port,
    buttonClick(ACTION.draft, thread.id, 'U1', `${fake.url}/response/1`),
  );
  expect(res.status).toBe(200);
  const [open] = await fake.waitFor('views.open');
  const [update] = await fake.waitFor('views.update');
  return { thread, open: JSON.stringify(open?.args.view), update: update?.args };
}

describe('Draft apology with a model endpoint', () => {
  it('opens the template at once, offers the personalised draft beside the agent’s text, and uses it on request', async () => {
    model.answer({ content: PERSONALISED });
    const { thread, open, update } = await openDraft();
    expect(open).toContain('한빛푸드 드림');
    expect(open).toContain('다듬은 초안을 만드는 중입니다');
    expect(update?.view_id).toBeTruthy();
    const view = JSON.stringify(update?.view);
    expect(view).toContain('과자에서 벌레를 보셨다니');
    expect(view).toContain('톤 점검 통과');
    // The text box keeps its block id, so what the agent typed while waiting stays.
    expect(view).toContain(`"block_id":"${INPUT.draftText.block}"`);
    expect(view).not.toContain(INPUT.draftModelText.block);
    expect(view).toContain(`"action_id":"${DRAFT_USE_MODEL}"`);
    expect(model.requests[0]?.authorization).toBe('Bearer sk-model-secret');

    // "Use this version" puts it in the box, under a new block id that replaces what was typed.
    await postToSlackApp(
      port,
      modalButtonClick(DRAFT_USE_MODEL, PERSONALISED, 'U1', {
        id: String(update?.view_id),
        callbackId: VIEW.draft,
        threadId: thread.id,
      }),
    );
    const [, used] = await fake.waitFor('views.update', 2);
    const usedView = JSON.stringify(used?.args.view);
    expect(usedView).toContain(`"block_id":"${INPUT.draftModelText.block}"`);
    expect(usedView).toContain('톤 점검을 통과했습니다');
    expect(usedView).not.toContain(DRAFT_USE_MODEL);

    // The approved text comes back from the model's input block and goes for review in the alert thread.
    const submit = await postToSlackApp(
      port,
      viewSubmission(VIEW.draft, thread.id, 'U1', {
        [INPUT.draftModelText.block]: {
          [INPUT.draftModelText.action]: { type: 'plain_text_input', value: PERSONALISED },
        },
      }),
    );
    expect(submit.status).toBe(200);
    const posts = await fake.waitFor('chat.postMessage', 2);
    expect(String(posts[1]?.args.text)).toContain('과자에서 벌레를 보셨다니');
    expect(fake.calls.some((c) => JSON.stringify(c.args).includes('sk-model-secret'))).toBe(false);
  });

  it('keeps the template and the person’s edits when the model times out', async () => {
    model.answer({ hang: true });
    const { update } = await openDraft();
    const view = JSON.stringify(update?.view);
    expect(view).toContain('템플릿 초안을 보여 드립니다');
    expect(view).toContain('ETIMEDOUT');
    expect(view).toContain(`"block_id":"${INPUT.draftText.block}"`);
  });

  it('keeps the template when the model answers garbage', async () => {
    model.answer({ raw: 'not json at all' });
    const { update } = await openDraft();
    const view = JSON.stringify(update?.view);
    expect(view).toContain('not a chat completion');
    expect(view).toContain('정말 죄송합니다');
  });
});
