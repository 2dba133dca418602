import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { type Bulssi, createBulssi } from '../../src/main.js';
import { slackSettingsFrom } from '../../src/slack/app.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { CHANNEL, silentLogger, slackModeEnv } from '../helpers/slack-fixtures.js';

let fake: FakeSlack | undefined;
let bulssi: Bulssi | undefined;

afterEach(async () => {
  await bulssi?.close();
  await fake?.close();
  bulssi = undefined;
  fake = undefined;
});

async function startSlackMode(env: Record<string, string> = {}) {
  fake = await startFakeSlack();
  const cwd = mkdtempSync(join(tmpdir(), 'bulssi-slack-'));
  bulssi = await createBulssi({
    env: slackModeEnv(fake, { PORT: '0', ...env }),
    cwd,
    logger: silentLogger,
    slackOptions: { botId: 'BBOT', botUserId: 'UBOT', clientOptions: { retryConfig: { retries: 0 } } },
  });
  return { fake, bulssi };
}

describe('Slack mode', () => {
  it('scans the bundled sample with Slack credentials and no config, posting each alert once to the channel', async () => {
    const { fake, bulssi } = await startSlackMode();
    expect(bulssi.origin.kind).toBe('embedded');
    expect(bulssi.slack).toBeDefined();
    const first = await bulssi.scan();
    expect(first.alerts.length).toBeGreaterThan(0);
    const posts = fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(first.alerts.length);
    expect(posts.every((p) => p.args.channel === CHANNEL && Array.isArray(p.args.blocks))).toBe(true);

    const second = await bulssi.scan();
    expect(second.alerts).toHaveLength(0);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(first.alerts.length);
  });

  it('finds an alert posted just before a crash and updates it instead of posting it twice', async () => {
    const { fake, bulssi } = await startSlackMode();
    const first = await bulssi.scan();
    const [alerted] = first.alerts;
    if (!alerted) throw new Error('the sample should alert');
    const posted = fake
      .callsTo('chat.postMessage')
      .find(
        (c) =>
          (c.args.metadata as { event_payload?: { thread_id?: string } })?.event_payload?.thread_id ===
          alerted.id,
      );
    expect(posted?.args.metadata).toEqual({
      event_type: 'bulssi_alert',
      event_payload: { thread_id: alerted.id },
    });

    const originalTs = (await bulssi.store.getSlackMessage(alerted.id))?.ts;
    expect(originalTs).toBeDefined();
    // The crash: Slack took the message, but neither its ts nor "sent" reached the store.
    const path = bulssi.config.store.path;
    const raw = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${path}` }), namespace: 'slack' });
    await raw.delete(alerted.id);
    await raw.disconnect();
    await bulssi.store.updateThread(alerted.id, (t) => ({
      ...t,
      alert: { status: 'pending', level: t.risk.level, at: t.firstSeenAt, attempts: 1 },
    }));

    const postsBefore = fake.callsTo('chat.postMessage').filter((c) => !c.args.thread_ts).length;
    const second = await bulssi.scan();
    expect(second.alerts.map((t) => t.id)).toEqual([alerted.id]);
    expect(fake.callsTo('chat.postMessage').filter((c) => !c.args.thread_ts)).toHaveLength(postsBefore);
    expect(fake.callsTo('conversations.history')).toHaveLength(1);
    expect((await bulssi.store.getSlackMessage(alerted.id))?.ts).toBe(originalTs);
    expect(fake.callsTo('chat.update').some((c) => c.args.ts === originalTs)).toBe(true);
    expect((await bulssi.store.getThread(alerted.id))?.alert?.status).toBe('sent');
  });

  it('keeps an alert Slack refused pending and delivers it on the next scan', async () => {
    const { fake, bulssi } = await startSlackMode();
    fake.always('chat.postMessage', { status: 500 });
    const first = await bulssi.scan();
    expect(first.alerts).toHaveLength(0);
    expect(first.alertFailures).toBeGreaterThan(0);
    fake.always('chat.postMessage');
    fake.calls.length = 0;
    const second = await bulssi.scan();
    expect(second.alerts).toHaveLength(first.alertFailures);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(first.alertFailures);
  });
});

describe('slackSettingsFrom', () => {
  it('is off without a bot token and reads every Slack variable with one', () => {
    expect(slackSettingsFrom({})).toBeUndefined();
    expect(
      slackSettingsFrom({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        PORT: '8080',
        SLACK_API_URL: 'https://slack.example/api',
      }),
    ).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 's',
      appToken: undefined,
      apiUrl: 'https://slack.example/api/',
      port: 8080,
    });
    expect(slackSettingsFrom({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })?.appToken).toBe(
      'xapp-1',
    );
  });

  it('names every missing or malformed variable without echoing secrets', () => {
    let error: unknown;
    try {
      slackSettingsFrom({
        SLACK_BOT_TOKEN: 'xoxp-user-secret',
        SLACK_APP_TOKEN: 'bad-app-secret',
        PORT: 'eighty',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('SLACK_BOT_TOKEN');
    expect(message).toContain('SLACK_APP_TOKEN');
    expect(message).toContain('PORT');
    expect(message).not.toContain('xoxp-user-secret');
    expect(message).not.toContain('bad-app-secret');
  });

  it('builds a Socket Mode app when SLACK_APP_TOKEN is set, with no HTTP endpoint to start', async () => {
    const { bulssi } = await startSlackMode({ SLACK_APP_TOKEN: 'xapp-1-test', SLACK_SIGNING_SECRET: '' });
    expect(bulssi.slack?.settings.appToken).toBe('xapp-1-test');
    expect(bulssi.slack?.settings.signingSecret).toBeUndefined();
    await expect(bulssi.slack?.stop()).resolves.toBeUndefined();
  });

  it('opens the Socket Mode connection through SLACK_API_URL with the app token, and fails start on a bad one', async () => {
    const { fake, bulssi } = await startSlackMode({ SLACK_APP_TOKEN: 'xapp-1-test' });
    fake.always('apps.connections.open', { body: { ok: false, error: 'invalid_auth' } });
    await expect(bulssi.slack?.start()).rejects.toThrow(/invalid_auth/);
    const [open] = fake.callsTo('apps.connections.open');
    expect(open?.token).toBe('xapp-1-test');
  });

  it('refuses Slack mode without an alert channel', async () => {
    fake = await startFakeSlack();
    await expect(
      createBulssi({
        env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.apiUrl },
        cwd: mkdtempSync(join(tmpdir(), 'bulssi-slack-')),
        logger: silentLogger,
      }),
    ).rejects.toThrow(/BULSSI_CHANNEL/);
  });
});
