import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { markAlertSent, observeThread } from '../../src/core/thread.js';
import type { ScanSummary } from '../../src/pipeline/scan.js';
import type { SlackApp } from '../../src/slack/app.js';
import { ACTION, INPUT, VIEW } from '../../src/slack/ids.js';
import { createStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import {
  buttonClick,
  CHANNEL,
  makeThread,
  postToSlackApp,
  slackConfig,
  slashCommand,
  startSlackApp,
  viewSubmission,
} from '../helpers/slack-fixtures.js';

const NOW = new Date('2026-11-22T03:00:00.000Z');

interface Harness {
  fake: FakeSlack;
  store: Store;
  slack: SlackApp;
  port: number;
  responseUrl: string;
}

let h: Harness;

async function startHarness(
  config: Config = slackConfig(),
  extra: { scan?: () => Promise<ScanSummary> } = {},
): Promise<Harness> {
  const fake = await startFakeSlack();
  fake.members.set(CHANNEL, ['U1', 'U2', 'UBOT']);
  fake.usergroups.set('SQUALITY', ['UQA', 'UQB']);
  const store = await createStore();
  const { slack, port } = await startSlackApp(fake, {
    config,
    store,
    now: () => NOW,
    clientOptions: { retryConfig: { retries: 2, factor: 1, minTimeout: 1, maxTimeout: 1 } },
    ...(extra.scan ? { scan: extra.scan } : {}),
  });
  return { fake, store, slack, port, responseUrl: `${fake.url}/response/1` };
}

/** A thread with its alert already posted, as after a scan. */
async function alerted(harness: Harness, thread = makeThread()) {
  await harness.store.putThread(thread);
  await harness.slack.notifier.notify(thread, { sourceName: 'x' });
  return thread;
}

/** A click by `user`; its response_url ends in the user's id, so a private answer shows whom it was for. */
async function click(
  actionId: string,
  threadId: string,
  user = 'U1',
  responseUrl = `${h.fake.url}/response/${user}`,
) {
  const res = await postToSlackApp(h.port, buttonClick(actionId, threadId, user, responseUrl));
  expect(res.status).toBe(200);
}

describe('Slack app over HTTP against a fake Slack Web API', () => {
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.slack.stop();
    await h.fake.close();
    await h.store.close();
  });

  it('posts one alert per thread to the channel with blocks and fallback text, and updates it instead of posting twice', async () => {
    const thread = await alerted(h);
    const [post] = h.fake.callsTo('chat.postMessage');
    expect(post?.args.channel).toBe(CHANNEL);
    expect(post?.token).toBe('xoxb-test-token');
    expect(post?.args.text).toContain('한빛푸드 과자에서 벌레가 나왔어요');
    expect(JSON.stringify(post?.args.blocks)).toContain(`"action_id":"${ACTION.ack}"`);
    expect(await h.store.getSlackMessage(thread.id)).toMatchObject({
      channel: CHANNEL,
      ts: '1700000000.000001',
    });

    await h.slack.notifier.notify(thread, { sourceName: 'x' });
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.fake.callsTo('chat.update')[0]?.args.ts).toBe('1700000000.000001');
  });

  it('acknowledges: updates the alert in place, replies in its thread, and a second click is refused privately', async () => {
    const thread = await alerted(h);
    await click(ACTION.ack, thread.id);
    const [update] = await h.fake.waitFor('chat.update');
    expect(update?.args).toMatchObject({ channel: CHANNEL, ts: '1700000000.000001' });
    expect(JSON.stringify(update?.args.blocks)).toContain('*확인됨* · <@U1>');
    const replies = await h.fake.waitFor('chat.postMessage', 2);
    expect(replies[1]?.args).toMatchObject({ channel: CHANNEL, thread_ts: '1700000000.000001' });
    expect(String(replies[1]?.args.text)).toContain('<@U1> 님이 확인했습니다');
    const stored = await h.store.getThread(thread.id);
    expect(stored).toMatchObject({ state: 'acknowledged', assignee: 'U1' });
    expect(stored?.events.at(-1)).toMatchObject({ type: 'acknowledged', by: 'U1', at: NOW.toISOString() });

    await click(ACTION.ack, thread.id, 'U2');
    const [ephemeral] = await h.fake.waitFor('response_url');
    expect(ephemeral?.args).toMatchObject({
      path: '/response/U2',
      response_type: 'ephemeral',
      replace_original: false,
    });
    expect(String(ephemeral?.args.text)).toContain('이미 *확인됨*');
    expect(h.fake.callsTo('chat.update')).toHaveLength(1);
  });

  it('ends two simultaneous clicks in one state with one timeline entry', async () => {
    const thread = await alerted(h);
    await Promise.all([click(ACTION.ack, thread.id, 'U1'), click(ACTION.ack, thread.id, 'U2')]);
    await h.fake.waitFor('response_url');
    await h.fake.waitFor('chat.postMessage', 2);
    const stored = await h.store.getThread(thread.id);
    expect(stored?.events.filter((e) => e.type === 'acknowledged')).toHaveLength(1);
    expect(h.fake.callsTo('chat.update')).toHaveLength(1);
  });

  it('marks "not a crisis": the alert collapses without buttons and the thread says who', async () => {
    const thread = await alerted(h);
    await click(ACTION.dismiss, thread.id, 'U2');
    const [update] = await h.fake.waitFor('chat.update');
    expect(update?.args.blocks).toHaveLength(2);
    expect(JSON.stringify(update?.args.blocks)).not.toContain('crisis_ack');
    const replies = await h.fake.waitFor('chat.postMessage', 2);
    expect(String(replies[1]?.args.text)).toContain('<@U2> 님이 위기 아님');
    expect((await h.store.getThread(thread.id))?.state).toBe('dismissed');
  });

  it('refuses someone outside the alert channel privately and changes nothing', async () => {
    const thread = await alerted(h);
    await click(ACTION.ack, thread.id, 'UOUTSIDER');
    // Through the click's response_url: chat.postEphemeral cannot reach someone who is not in the channel.
    const [ephemeral] = await h.fake.waitFor('response_url');
    expect(ephemeral?.args).toMatchObject({ path: '/response/UOUTSIDER', response_type: 'ephemeral' });
    expect(String(ephemeral?.args.text)).toContain('멤버');
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(0);
    expect((await h.store.getThread(thread.id))?.state).toBe('open');
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
  });

  it('falls back to an ephemeral message when the response_url does not answer', async () => {
    const thread = await alerted(h);
    await click(ACTION.ack, thread.id, 'UOUTSIDER', 'http://127.0.0.1:9/response/gone');
    const [ephemeral] = await h.fake.waitFor('chat.postEphemeral');
    expect(ephemeral?.args).toMatchObject({ channel: CHANNEL, user: 'UOUTSIDER' });
    expect(String(ephemeral?.args.text)).toContain('멤버');
  });

  it('opens a draft modal in the post’s language with its tone check, re-checks on submit and posts for review', async () => {
    const thread = await alerted(h);
    await click(ACTION.draft, thread.id);
    const [open] = await h.fake.waitFor('views.open');
    expect(open?.args.trigger_id).toBe(`trigger-${ACTION.draft}-U1`);
    const view = open?.args.view as { callback_id: string; blocks: unknown[] };
    expect(view.callback_id).toBe(VIEW.draft);
    const shown = JSON.stringify(view.blocks);
    expect(shown).toContain('죄송합니다');
    expect(shown).toContain('한빛푸드 드림');
    expect(shown).toContain('감정을 자극할 표현이 없습니다');

    // An edit that lectures and hides behind a misunderstanding: the modal stays open with the findings.
    const inflaming = '규정상 어렵습니다. 오해가 있으신 것 같습니다 <!channel> & 확인 중입니다';
    const values = (text: string) => ({
      [INPUT.draftText.block]: { [INPUT.draftText.action]: { type: 'plain_text_input', value: text } },
    });
    const first = await postToSlackApp(
      h.port,
      viewSubmission(VIEW.draft, thread.id, 'U1', values(inflaming)),
    );
    expect(first.status).toBe(200);
    const update = (await first.json()) as {
      response_action: string;
      view: { private_metadata: string; blocks: unknown[] };
    };
    expect(update.response_action).toBe('update');
    const findings = JSON.stringify(update.view.blocks);
    expect(findings).toContain('*규정상*');
    expect(findings).toContain('*오해*');
    expect(findings).toContain('사과가 없습니다');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);

    // Submitted again unchanged: it goes for review as it is, with what is left of the tone check.
    const checked = JSON.parse(update.view.private_metadata) as { checked: string };
    const again = await postToSlackApp(
      h.port,
      viewSubmission(VIEW.draft, thread.id, 'U1', values(inflaming), 'V1', { checked: checked.checked }),
    );
    expect(again.status).toBe(200);
    const posts = await h.fake.waitFor('chat.postMessage', 2);
    expect(posts[1]?.args.thread_ts).toBe('1700000000.000001');
    expect(String(posts[1]?.args.text)).toContain('검토용 사과문 초안 (작성: <@U1>)');
    expect(String(posts[1]?.args.text)).toContain('&lt;!channel&gt; &amp; 확인 중입니다');
    expect(JSON.stringify(posts[1]?.args.blocks)).toContain('남은 지적 4건');
    expect((await h.store.getThread(thread.id))?.events.at(-1)).toMatchObject({ type: 'drafted', by: 'U1' });

    // A clean draft goes straight for review.
    const clean =
      '알려 주셔서 감사합니다. 정말 죄송합니다. 오늘 제품을 회수해 12월 10일까지 결과를 공유하겠습니다.';
    await postToSlackApp(h.port, viewSubmission(VIEW.draft, thread.id, 'U1', values(clean), 'V2'));
    const all = await h.fake.waitFor('chat.postMessage', 3);
    expect(JSON.stringify(all[2]?.args.blocks)).toContain('감정을 자극할 표현이 없습니다');
  });

  it('gives a reviewed draft back to its author when it cannot be posted in the thread', async () => {
    const thread = await alerted(h);
    h.fake.always('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    const clean =
      '알려 주셔서 감사합니다. 정말 죄송합니다. 오늘 제품을 회수해 12월 10일까지 결과를 공유하겠습니다.';
    const values = {
      [INPUT.draftText.block]: { [INPUT.draftText.action]: { type: 'plain_text_input', value: clean } },
    };
    await postToSlackApp(h.port, viewSubmission(VIEW.draft, thread.id, 'U1', values, 'VDRAFT-LOST'));
    const [kept] = await h.fake.waitFor('chat.postEphemeral');
    expect(kept?.args).toMatchObject({ channel: CHANNEL, user: 'U1' });
    expect(String(kept?.args.text)).toContain('올리지 못했습니다');
    expect(String(kept?.args.text)).toContain(`> ${clean}`);
  });

  it('still replies in the thread and DMs the people pulled in when the alert itself cannot be updated', async () => {
    const thread = await alerted(h);
    h.fake.always('chat.update', { body: { ok: false, error: 'message_not_found' } });
    const values = {
      [INPUT.escalateUsers.block]: {
        [INPUT.escalateUsers.action]: { type: 'multi_users_select', selected_users: ['UQA'] },
      },
    };
    await postToSlackApp(h.port, viewSubmission(VIEW.escalate, thread.id, 'U1', values, 'VESC-GONE'));
    // alert + thread reply + the DM to UQA
    const posts = await h.fake.waitFor('chat.postMessage', 3);
    expect(String(posts[1]?.args.text)).toContain('<@UQA>');
    expect(posts[2]?.args.channel).toBe('UQA');
    expect(h.fake.callsTo('chat.update')).toHaveLength(1);
    expect((await h.store.getThread(thread.id))?.escalatedTo).toEqual(['UQA']);
  });

  it('escalates from the modal: preselects config targets, mentions them in the thread and DMs each one', async () => {
    const thread = await alerted(h);
    await click(ACTION.escalate, thread.id);
    const [open] = await h.fake.waitFor('views.open');
    const view = JSON.stringify(open?.args.view);
    expect(view).toContain('"initial_users":["UQA"]');
    expect(view).toContain('SQUALITY');

    const values = {
      [INPUT.escalateUsers.block]: {
        [INPUT.escalateUsers.action]: { type: 'multi_users_select', selected_users: ['UQA'] },
      },
      [INPUT.escalateGroups.block]: {
        [INPUT.escalateGroups.action]: {
          type: 'multi_static_select',
          selected_options: [{ value: 'SQUALITY' }],
        },
      },
      [INPUT.escalateLevel.block]: {
        [INPUT.escalateLevel.action]: { type: 'static_select', selected_option: { value: 'critical' } },
      },
      [INPUT.escalateNote.block]: {
        [INPUT.escalateNote.action]: { type: 'plain_text_input', value: '사진 확산 중' },
      },
    };
    const body = viewSubmission(VIEW.escalate, thread.id, 'U1', values, 'VESC');
    await postToSlackApp(h.port, body);
    await postToSlackApp(h.port, body);
    // alert + thread reply + DMs to UQA and UQB (UQA once, though picked and in the group)
    const posts = await h.fake.waitFor('chat.postMessage', 4);
    const reply = posts[1];
    expect(reply?.args.thread_ts).toBe('1700000000.000001');
    expect(String(reply?.args.text)).toContain('<@UQA> <!subteam^SQUALITY>');
    expect(String(reply?.args.text)).toContain('사진 확산 중');
    const dms = posts
      .slice(2)
      .map((p) => p.args.channel)
      .sort();
    expect(dms).toEqual(['UQA', 'UQB']);
    expect(String(posts[2]?.args.text)).toContain('https://bulssi-test.slack.com/archives/');
    const stored = await h.store.getThread(thread.id);
    expect(stored).toMatchObject({
      state: 'escalated',
      peakLevel: 'critical',
      escalatedTo: ['UQA', 'SQUALITY'],
    });
    expect(stored?.events.filter((e) => e.type === 'escalated')).toHaveLength(1);

    // Someone else escalating to the same people from another modal is told, not repeated.
    await postToSlackApp(h.port, viewSubmission(VIEW.escalate, thread.id, 'U2', values, 'VESC2'));
    const [refusal] = await h.fake.waitFor('chat.postEphemeral');
    expect(refusal?.args.user).toBe('U2');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(4);
    const [update] = await h.fake.waitFor('chat.update');
    expect(JSON.stringify(update?.args.blocks)).toContain('🚨 심각');
  });

  it('opens the escalate modal without defaults when Slack refuses a configured target', async () => {
    const thread = await alerted(h);
    h.fake.reply('views.open', { body: { ok: false, error: 'invalid_arguments' } });
    await click(ACTION.escalate, thread.id);
    const opens = await h.fake.waitFor('views.open', 2);
    expect(JSON.stringify(opens[0]?.args.view)).toContain('initial_users');
    expect(JSON.stringify(opens[1]?.args.view)).not.toContain('initial_users');
  });

  it('keeps the escalate modal open with an error when nobody was picked', async () => {
    const thread = await alerted(h);
    const res = await postToSlackApp(h.port, viewSubmission(VIEW.escalate, thread.id, 'U1', {}));
    expect(await res.json()).toMatchObject({
      response_action: 'errors',
      errors: { [INPUT.escalateUsers.block]: expect.any(String) },
    });
    expect((await h.store.getThread(thread.id))?.state).toBe('open');
  });

  it('resolves from the modal with an outcome and a note shown on the message', async () => {
    const thread = await alerted(h);
    await click(ACTION.resolve, thread.id);
    const [open] = await h.fake.waitFor('views.open');
    expect((open?.args.view as { callback_id?: string } | undefined)?.callback_id).toBe(VIEW.resolve);
    const values = {
      [INPUT.resolveOutcome.block]: {
        [INPUT.resolveOutcome.action]: {
          type: 'radio_buttons',
          selected_option: { value: 'replied_publicly' },
        },
      },
      [INPUT.resolveNote.block]: {
        [INPUT.resolveNote.action]: { type: 'plain_text_input', value: '공식 답변 게시' },
      },
    };
    await postToSlackApp(h.port, viewSubmission(VIEW.resolve, thread.id, 'U2', values));
    const [update] = await h.fake.waitFor('chat.update');
    expect(JSON.stringify(update?.args.blocks)).toContain('공개 답변함');
    expect(JSON.stringify(update?.args.blocks)).not.toContain('"type":"actions"');
    const stored = await h.store.getThread(thread.id);
    expect(stored?.resolution).toMatchObject({
      outcome: 'replied_publicly',
      note: '공식 답변 게시',
      by: 'U2',
    });
  });

  it('answers /crisis status privately with counts and open threads, and anything unknown with help', async () => {
    await alerted(h);
    await alerted(
      h,
      makeThread({
        id: 't-second',
        post: { url: 'https://board.example/posts/2', title: 'Hanbit Foods outage' },
        risk: { level: 'critical', category: 'outage' },
      }),
    );
    await postToSlackApp(h.port, slashCommand('status', 'U1', h.responseUrl));
    const [status] = await h.fake.waitFor('response_url');
    expect(status?.args.response_type).toBe('ephemeral');
    const text = JSON.stringify(status?.args.blocks);
    expect(text).toContain('심각 1 · 높음 1');
    expect(text.indexOf('t-abc123')).toBeLessThan(text.indexOf('t-second'));

    await postToSlackApp(h.port, slashCommand('launch the missiles', 'U1', h.responseUrl));
    const replies = await h.fake.waitFor('response_url', 2);
    expect(String(replies[1]?.args.text)).toContain('/crisis status');
  });

  it('adds and removes watch terms with /crisis watch, kept in the store for the next scan', async () => {
    await postToSlackApp(h.port, slashCommand('watch add 빛나라 과자', 'U1', h.responseUrl));
    await h.fake.waitFor('response_url');
    expect(await h.store.getWatchOverrides()).toEqual({ added: ['빛나라 과자'], removed: [] });
    await postToSlackApp(h.port, slashCommand('watch remove 한빛푸드', 'U1', h.responseUrl));
    await h.fake.waitFor('response_url', 2);
    await postToSlackApp(h.port, slashCommand('watch list', 'U1', h.responseUrl));
    const replies = await h.fake.waitFor('response_url', 3);
    expect(String(replies[0]?.args.text)).toContain('`빛나라 과자` 감시를 시작합니다');
    expect(String(replies[1]?.args.text)).toContain('브랜드 이름은 설정 파일');
    expect(String(replies[2]?.args.text)).toContain('*Slack에서 추가:* 빛나라 과자');
    await postToSlackApp(h.port, slashCommand('watch add 수상한', 'UOUTSIDER', h.responseUrl));
    const refused = await h.fake.waitFor('response_url', 4);
    expect(String(refused[3]?.args.text)).toContain('멤버');
    expect((await h.store.getWatchOverrides()).added).toEqual(['빛나라 과자']);
  });

  it('lists each source’s last run and last error with /crisis sources, escaped', async () => {
    await h.store.putSourceStatus({
      id: 'sample-board',
      lastRunAt: '2026-11-22T02:00:00.000Z',
      ok: false,
      items: 0,
      matched: 0,
      unchanged: false,
      durationMs: 12,
      warnings: [],
      lastError: 'HTTP 503 from <https://board.example|board>',
      lastErrorAt: '2026-11-22T02:00:00.000Z',
    });
    await postToSlackApp(h.port, slashCommand('sources', 'U1', h.responseUrl));
    const [reply] = await h.fake.waitFor('response_url');
    const text = JSON.stringify(reply?.args.blocks);
    expect(text).toContain('*자유게시판* :red_circle:');
    expect(text).toContain('HTTP 503 from &lt;https://board.example|board&gt;');
  });

  it('answers Slack’s URL verification so the manifest’s request URL can be saved', async () => {
    const body = JSON.stringify({ token: 'legacy', challenge: 'c-123', type: 'url_verification' });
    const res = await postToSlackApp(h.port, body, { contentType: 'application/json' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('c-123');
  });

  it('answers the HTTP health check', async () => {
    const res = await fetch(`http://127.0.0.1:${h.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });

  it('resolves by /crisis resolve <id> [note] and updates the alert', async () => {
    const thread = await alerted(h);
    await postToSlackApp(h.port, slashCommand(`resolve ${thread.id} 오해였음`, 'U1', h.responseUrl));
    const [reply] = await h.fake.waitFor('response_url');
    expect(String(reply?.args.text)).toContain(thread.id);
    await h.fake.waitFor('chat.update');
    expect((await h.store.getThread(thread.id))?.state).toBe('resolved');
  });

  it('publishes the App Home with open and overdue threads when the tab is opened', async () => {
    await alerted(h, makeThread({ now: '2026-11-22T00:00:00.000Z' }));
    const event = JSON.stringify({
      token: 'legacy',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: 'Ev1',
      event_time: 1,
      event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1.0' },
    });
    const res = await postToSlackApp(h.port, event, { contentType: 'application/json' });
    expect(res.status).toBe(200);
    const [publish] = await h.fake.waitFor('views.publish');
    expect(publish?.args.user_id).toBe('U1');
    const view = JSON.stringify(publish?.args.view);
    expect(view).toContain('"type":"home"');
    expect(view).toContain('대응 기한 초과 (1)');

    await click(ACTION.ack, (await h.store.getThread('t-abc123'))?.id ?? '');
    const publishes = await h.fake.waitFor('views.publish', 2);
    expect(publishes[1]?.args.user_id).toBe('U1');
    expect(JSON.stringify(publishes[1]?.args.view)).toContain('대응 기한 초과 (0)');
  });

  it('refuses a bad signature and a stale timestamp without calling any listener', async () => {
    const thread = await alerted(h);
    const body = buttonClick(ACTION.ack, thread.id, 'U1', h.responseUrl);
    const forged = await postToSlackApp(h.port, body, { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const stale = await postToSlackApp(h.port, body, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(stale.status).toBe(401);
    expect((await h.store.getThread(thread.id))?.state).toBe('open');
    expect(h.fake.calls.map((c) => c.method)).toEqual(['chat.postMessage']);
  });
});

describe('/crisis scan', () => {
  afterEach(async () => {
    await h.slack.stop();
    await h.fake.close();
    await h.store.close();
  });

  it('says it started, runs the scan, and replies with the summary', async () => {
    const summary: ScanSummary = {
      runId: 'r1',
      startedAt: NOW.toISOString(),
      finishedAt: NOW.toISOString(),
      durationMs: 1500,
      sources: [
        { id: 'a', ok: true, items: 3, matched: 2, unchanged: false, durationMs: 1, warnings: [] },
        {
          id: 'b',
          ok: false,
          items: 0,
          matched: 0,
          unchanged: false,
          durationMs: 1,
          warnings: [],
          error: 'down',
        },
      ],
      posts: 3,
      matched: 2,
      excluded: 0,
      newThreads: 1,
      updatedThreads: 1,
      alerts: [],
      alertFailures: 0,
    };
    let scans = 0;
    h = await startHarness(slackConfig(), {
      scan: async () => {
        scans += 1;
        return summary;
      },
    });
    await postToSlackApp(h.port, slashCommand('scan', 'U1', h.responseUrl));
    const replies = await h.fake.waitFor('response_url', 2);
    expect(String(replies[0]?.args.text)).toContain('스캔을 시작했습니다');
    expect(String(replies[1]?.args.text)).toContain(
      '스캔 완료 (1.5초): 출처 2곳 (실패 1), 관련 게시물 2건, 새 스레드 1건, 알림 0건',
    );
    expect(scans).toBe(1);
  });
});

describe('alerts kept current and access by user group', () => {
  afterEach(async () => {
    await h.slack.stop();
    await h.fake.close();
    await h.store.close();
  });

  it('updates the alert in place when a later scan changed its counts, and not when nothing changed', async () => {
    h = await startHarness();
    const thread = await alerted(h);
    const seen = observeThread(markAlertSent(thread, '2026-11-22T02:00:01.000Z'), {
      post: {
        id: 'sample-board:1',
        sourceId: 'sample-board',
        url: thread.url,
        title: thread.title,
        text: thread.excerpt,
        metrics: { views: 5000, comments: 90 },
      },
      risk: thread.risk,
      now: '2026-11-22T02:30:00.000Z',
    });
    await h.store.putThread(seen);
    expect(await h.slack.messages.refreshSeenSince('2026-11-22T02:10:00.000Z')).toBe(1);
    const [update] = h.fake.callsTo('chat.update');
    expect(update?.args.ts).toBe('1700000000.000001');
    expect(JSON.stringify(update?.args.blocks)).toContain('+4,880 조회');
    expect(await h.slack.messages.refreshSeenSince('2026-11-22T02:10:00.000Z')).toBe(0);
    expect(h.fake.callsTo('chat.update')).toHaveLength(1);

    const rising = observeThread(seen, {
      post: {
        id: 'sample-board:1',
        sourceId: 'sample-board',
        url: thread.url,
        title: thread.title,
        text: thread.excerpt,
        metrics: { views: 9000 },
      },
      risk: { ...thread.risk, level: 'critical', score: 91 },
      now: '2026-11-22T02:40:00.000Z',
    });
    await h.store.putThread(rising);
    expect(await h.slack.messages.refreshSeenSince('2026-11-22T02:35:00.000Z')).toBe(1);
    const [, said] = h.fake.callsTo('chat.postMessage');
    expect(said?.args).toMatchObject({ thread_ts: '1700000000.000001', reply_broadcast: 'true' });
    expect(String(said?.args.text)).toContain('위험 수준이 올라갔습니다: 높음 → *심각*');
  });

  it('lets only members of the configured user group act', async () => {
    h = await startHarness(slackConfig({ slack: { channel: CHANNEL, allowedUsergroup: 'SCRISIS' } }));
    h.fake.usergroups.set('SCRISIS', ['U9']);
    const thread = await alerted(h);
    await click(ACTION.ack, thread.id, 'U1');
    const [refusal] = await h.fake.waitFor('response_url');
    expect(refusal?.args.path).toBe('/response/U1');
    await click(ACTION.ack, thread.id, 'U9');
    await h.fake.waitFor('chat.update');
    expect((await h.store.getThread(thread.id))?.assignee).toBe('U9');
  });

  it('posts hostile scraped text inert: no broadcast, mention or disguised link reaches Slack', async () => {
    h = await startHarness();
    const hostile = '<!channel> <@U0ADMIN> <https://evil.example|공식 공지>';
    await alerted(h, makeThread({ post: { title: hostile, text: hostile, author: '<!here>' } }));
    const [post] = h.fake.callsTo('chat.postMessage');
    const sent = JSON.stringify([post?.args.text, post?.args.blocks]);
    expect(sent).not.toContain('<!channel>');
    expect(sent).not.toContain('<!here>');
    expect(sent).not.toContain('<@U0ADMIN>');
    expect(sent).not.toContain('<https://evil.example');
    expect(sent).toContain('&lt;!channel&gt;');
  });
});

describe('Slack failures', () => {
  afterEach(async () => {
    await h.slack.stop();
    await h.fake.close();
    await h.store.close();
  });

  it('honours a 429 Retry-After and retries a 500, then posts once', async () => {
    h = await startHarness();
    h.fake.reply('chat.postMessage', { status: 429, retryAfter: 0 }, { status: 500 });
    const thread = await alerted(h);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(3);
    expect(await h.store.getSlackMessage(thread.id)).toBeDefined();
  });

  it('throws when Slack keeps failing so the alert stays pending, and posts it on the next try', async () => {
    h = await startHarness();
    h.fake.reply('chat.postMessage', { status: 500 }, { status: 500 }, { status: 500 });
    const thread = makeThread();
    await h.store.putThread(thread);
    await expect(h.slack.notifier.notify(thread, { sourceName: 'x' })).rejects.toThrow();
    expect(await h.store.getSlackMessage(thread.id)).toBeUndefined();
    await h.slack.notifier.notify(thread, { sourceName: 'x' });
    expect(await h.store.getSlackMessage(thread.id)).toBeDefined();
  });
});
