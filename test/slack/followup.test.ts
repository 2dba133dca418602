import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followupPolicyFrom } from '../../src/core/followup/due-actions.js';
import { transition } from '../../src/core/thread.js';
import { createFollowupClock } from '../../src/followup/followup-clock.js';
import { reportChanges } from '../../src/followup/report-changes.js';
import { runFollowup } from '../../src/followup/run-followup.js';
import type { SlackApp } from '../../src/slack/app.js';
import { SNOOZE_BLOCK } from '../../src/slack/ids.js';
import { createStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import {
  buttonClick,
  CHANNEL,
  interactionBody,
  makeThread,
  postToSlackApp,
  silentLogger,
  slackConfig,
  slashCommand,
  startSlackApp,
} from '../helpers/slack-fixtures.js';

const T0 = Date.parse('2026-11-23T01:00:00.000Z'); // Monday 10:00 in Seoul
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

const config = slackConfig({
  followup: {
    escalation: {
      steps: [
        { targets: ['ULEAD'], waitMinutes: 10 },
        { targets: ['SQUALITY'], waitMinutes: 20 },
      ],
    },
  },
});

let fake: FakeSlack;
let store: Store;
let slack: SlackApp;
let port: number;
let clock: Date;

beforeEach(async () => {
  clock = at(0);
  fake = await startFakeSlack();
  fake.members.set(CHANNEL, ['U1', 'U2', 'UBOT']);
  fake.usergroups.set('SQUALITY', ['UQA', 'UQB']);
  store = await createStore();
  ({ slack, port } = await startSlackApp(fake, {
    config,
    store,
    now: () => clock,
    clientOptions: { retryConfig: { retries: 0 } },
  }));
  const thread = makeThread({ now: at(-1).toISOString(), risk: { level: 'high' } });
  await store.putThread(thread);
  await slack.notifier.notify(thread, { sourceName: 'x' });
  await store.updateThread(thread.id, (t) => ({
    ...t,
    alert: { status: 'sent', level: 'high', at: at(0).toISOString() },
    events: [...t.events, { at: at(0).toISOString(), type: 'alerted', note: 'high' }],
  }));
});
afterEach(async () => {
  await slack.stop();
  await fake.close();
  await store.close();
});

const tick = (minutes: number) => {
  clock = at(minutes);
  return runFollowup({
    store,
    notifier: slack.followup,
    policy: followupPolicyFrom(config),
    logger: silentLogger,
    now: () => clock,
  });
};

describe('follow-ups in Slack', () => {
  it('reminds in the alert thread with Snooze buttons, and a snooze holds the next step until it ends', async () => {
    await tick(59);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    await tick(60);
    const [, reminder] = fake.callsTo('chat.postMessage');
    expect(reminder?.args).toMatchObject({ channel: CHANNEL, thread_ts: '1700000000.000001' });
    expect(String(reminder?.args.text)).toContain('아무도 확인하지 않았습니다');
    const blocks = reminder?.args.blocks as {
      block_id?: string;
      elements?: { action_id: string; value: string }[];
    }[];
    const row = blocks.find((b) => b.block_id === SNOOZE_BLOCK);
    expect(row?.elements?.map((e) => [e.action_id, e.value])).toEqual([
      ['crisis_snooze_30m', 't-abc123:30m'],
      ['crisis_snooze_2h', 't-abc123:2h'],
      ['crisis_snooze_tomorrow', 't-abc123:tomorrow'],
    ]);

    clock = at(61);
    // The click as Slack sends it from the reminder: the message it came from, with its blocks.
    const click = JSON.parse(
      decodeURIComponent(
        buttonClick('crisis_snooze_2h', 't-abc123:2h', 'U1', `${fake.url}/response/1`).slice(
          'payload='.length,
        ),
      ),
    ) as Record<string, unknown>;
    click.message = { ts: '1700000000.000002', text: reminder?.args.text, blocks };
    const res = await postToSlackApp(port, interactionBody(click));
    expect(res.status).toBe(200);
    const replies = await fake.waitFor('chat.postMessage', 3);
    expect(String(replies[2]?.args.text)).toContain('<@U1> 님이 알림을');
    const stored = await store.getThread('t-abc123');
    expect(stored?.events.at(-1)).toMatchObject({ type: 'snoozed', by: 'U1', note: at(181).toISOString() });
    const [closed] = await fake.waitFor('chat.update');
    expect(closed?.args).toMatchObject({ channel: CHANNEL, ts: '1700000000.000002' });
    expect(JSON.stringify(closed?.args.blocks)).not.toContain('crisis_snooze');
    expect(JSON.stringify(closed?.args.blocks)).toContain('아무도 확인하지 않았습니다');

    await tick(120);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(3);
    await tick(181);
    const after = fake
      .callsTo('chat.postMessage')
      .slice(3)
      .map((c) => String(c.args.text));
    expect(after[0]).toContain('아무도 확인하지 않았습니다');
    expect(after[1]).toContain('에스컬레이션 1단계 → <@ULEAD>');
  });

  it('pages each step with a mention in the thread and a direct message to the people not yet involved', async () => {
    await tick(60);
    await tick(70);
    await tick(90);
    const texts = fake
      .callsTo('chat.postMessage')
      .map((c) => [String(c.args.channel), String(c.args.text)] as const);
    expect(texts.filter(([, t]) => t.includes('에스컬레이션'))).toEqual([
      [CHANNEL, expect.stringContaining('1단계 → <@ULEAD>')],
      [CHANNEL, expect.stringContaining('2단계 → <!subteam^SQUALITY>')],
    ]);
    const dms = fake.callsTo('chat.postMessage').filter((c) => String(c.args.channel).startsWith('U'));
    expect(dms.map((c) => c.args.channel)).toEqual(['ULEAD', 'UQA', 'UQB']);
    expect(String(dms[0]?.args.text)).toContain('https://bulssi-test.slack.com/archives/');
    await tick(91);
    expect(
      fake.callsTo('chat.postMessage').filter((c) => String(c.args.channel).startsWith('U')),
    ).toHaveLength(3);
  });

  it('refuses a snooze from someone outside the alert channel', async () => {
    const res = await postToSlackApp(
      port,
      buttonClick('crisis_snooze_30m', 't-abc123:30m', 'U9', `${fake.url}/response/1`),
    );
    expect(res.status).toBe(200);
    const [refusal] = await fake.waitFor('response_url');
    expect(refusal?.args).toMatchObject({ path: '/response/1', response_type: 'ephemeral' });
    expect((await store.getThread('t-abc123'))?.events.some((e) => e.type === 'snoozed')).toBe(false);
  });

  it('says in the thread what grew, and reopens a resolved thread that spikes again with a reply shown in the channel', async () => {
    const deps = () => ({
      store,
      notifier: slack.followup,
      policy: followupPolicyFrom(config),
      logger: silentLogger,
      now: () => clock,
    });
    clock = at(50);
    await store.updateThread('t-abc123', (t) => ({
      ...t,
      lastSeenAt: at(50).toISOString(),
      metrics: [...t.metrics, { at: at(50).toISOString(), views: 400, comments: 128 }],
    }));
    expect(await reportChanges(deps(), at(49).toISOString())).toMatchObject({ grew: 1 });
    const grew = fake.callsTo('chat.postMessage').at(-1);
    expect(grew?.args).toMatchObject({ thread_ts: '1700000000.000001' });
    expect(String(grew?.args.text)).toContain('+120 댓글');

    await store.updateThread('t-abc123', (t) =>
      transition(t, { type: 'resolve', by: 'U1' }, at(60).toISOString()),
    );
    clock = at(3000);
    await store.updateThread('t-abc123', (t) => ({
      ...t,
      lastSeenAt: at(3000).toISOString(),
      metrics: [...t.metrics, { at: at(3000).toISOString(), views: 900, comments: 200 }],
    }));
    expect(await reportChanges(deps(), at(2999).toISOString())).toMatchObject({ relapsed: 1 });
    const reopened = fake.callsTo('chat.postMessage').at(-1);
    expect(reopened?.args).toMatchObject({ thread_ts: '1700000000.000001', reply_broadcast: 'true' });
    expect(String(reopened?.args.text)).toContain('다시 열림');
    expect(JSON.stringify(fake.callsTo('chat.update').at(-1)?.args.blocks)).toContain('crisis_ack');
    expect((await store.getThread('t-abc123'))?.state).toBe('open');
  });

  it('posts the morning digest in the alert channel at 09:00 Seoul time', async () => {
    clock = new Date('2026-11-23T23:30:00.000Z'); // 08:30 Tuesday in Seoul
    const followupClock = createFollowupClock({
      store,
      notifier: slack.followup,
      policy: followupPolicyFrom(config),
      logger: silentLogger,
      now: () => clock,
    });
    expect((await followupClock.tick()).digest).toBe(false);
    clock = new Date('2026-11-24T00:00:00.000Z');
    expect((await followupClock.tick()).digest).toBe(true);
    const digest = fake.callsTo('chat.postMessage').at(-1);
    expect(digest?.args.channel).toBe(CHANNEL);
    expect(digest?.args.thread_ts).toBeUndefined();
    expect(String(digest?.args.text)).toContain('불씨 아침 요약');
    expect(JSON.stringify(digest?.args.blocks)).toContain('t-abc123');
  });

  it('answers /crisis report week with the figures, privately', async () => {
    await store.updateThread('t-abc123', (t) =>
      transition(t, { type: 'acknowledge', by: 'U1' }, at(20).toISOString()),
    );
    clock = at(60);
    const res = await postToSlackApp(port, slashCommand('report week', 'U1', `${fake.url}/response/1`), {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    const [answer] = await fake.waitFor('response_url');
    expect(answer?.args.response_type).toBe('ephemeral');
    expect(String(answer?.args.text)).toContain('불씨 리포트 · 최근 7일');
    expect(String(answer?.args.text)).toContain('언급 1 · 위험 1 (100%) · 대응 중 1');
    expect(String(answer?.args.text)).toContain('확인까지: 중앙값 20분, 90% 20분');
    // The chart image goes to the alert channel, naming who asked.
    const [done] = await fake.waitFor('files.completeUploadExternal');
    expect(done?.args.channel_id).toBe(CHANNEL);
    expect(String(done?.args.initial_comment)).toBe('<@U1>');
    const uploads = fake.callsTo('file_upload');
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.args.png).toBe(true);
  });

  it('answers /crisis report to someone outside the alert channel privately, without posting the chart there', async () => {
    const res = await postToSlackApp(
      port,
      slashCommand('report month', 'UOUTSIDER', `${fake.url}/response/1`),
      {
        contentType: 'application/x-www-form-urlencoded',
      },
    );
    expect(res.status).toBe(200);
    const [answer] = await fake.waitFor('response_url');
    expect(String(answer?.args.text)).toContain('최근 30일');
    // Who may act is looked up after the figures are sent; the upload would start right after it.
    await fake.waitFor('conversations.members');
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    expect(fake.callsTo('files.completeUploadExternal')).toHaveLength(0);
  });
});
