import { afterEach, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { ACTION } from '../../src/slack/ids.js';
import { createStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { type FakeSocketMode, startFakeSocketMode } from '../helpers/fake-socket-mode.js';
import { CHANNEL, makeThread, silentLogger, slackConfig } from '../helpers/slack-fixtures.js';

let fake: FakeSlack;
let socket: FakeSocketMode;
let store: Store;
let slack: SlackApp;

afterEach(async () => {
  await slack?.stop();
  await socket?.close();
  await fake?.close();
  await store?.close();
});

describe('Socket Mode', () => {
  it('connects with the app token, answers /crisis and handles a button click over the socket', async () => {
    fake = await startFakeSlack();
    socket = await startFakeSocketMode();
    fake.always('apps.connections.open', { body: { url: socket.url } });
    fake.members.set(CHANNEL, ['U1', 'UBOT']);
    store = await createStore();
    slack = createSlackApp({
      settings: {
        botToken: 'xoxb-test',
        signingSecret: undefined,
        appToken: 'xapp-1-test',
        apiUrl: fake.apiUrl,
        port: 0,
      },
      config: slackConfig(),
      store,
      logger: silentLogger,
      now: () => new Date('2026-11-22T03:00:00.000Z'),
      botId: 'BBOT',
      botUserId: 'UBOT',
    });
    expect(await slack.start()).toEqual({ port: undefined });
    await socket.connected;
    expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-test');

    socket.send({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'legacy',
        team_id: 'T1',
        channel_id: CHANNEL,
        user_id: 'U1',
        command: '/crisis',
        text: 'help',
        api_app_id: 'A1',
        response_url: `${fake.url}/response/1`,
        trigger_id: 'trigger',
      },
    });
    expect(await socket.ackFor('env-1')).toMatchObject({ envelope_id: 'env-1' });
    const [help] = await fake.waitFor('response_url');
    expect(String(help?.args.text)).toContain('/crisis status');

    const thread = makeThread();
    await store.putThread(thread);
    await slack.notifier.notify(thread, { sourceName: 'x' });
    socket.send({
      envelope_id: 'env-2',
      type: 'interactive',
      accepts_response_payload: false,
      payload: {
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: 'U1' },
        api_app_id: 'A1',
        trigger_id: 'trigger',
        channel: { id: CHANNEL },
        container: { type: 'message', channel_id: CHANNEL, message_ts: '1700000000.000001' },
        response_url: `${fake.url}/response/2`,
        actions: [
          {
            type: 'button',
            action_id: ACTION.ack,
            block_id: 'crisis_actions',
            value: thread.id,
            action_ts: '1',
          },
        ],
      },
    });
    await socket.ackFor('env-2');
    const [update] = await fake.waitFor('chat.update');
    expect(update?.args.ts).toBe('1700000000.000001');
    expect((await store.getThread(thread.id))?.state).toBe('acknowledged');
  });
});
