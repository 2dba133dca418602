import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { runCli, spawnCli } from '../helpers/run-cli.js';
import { CHANNEL, postToSlackApp, slackModeEnv, slashCommand } from '../helpers/slack-fixtures.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'bulssi-slack-cli-'));
let fake: FakeSlack;

afterEach(async () => {
  await fake?.close();
});

function slackEnv(extra: Record<string, string> = {}): Record<string, string> {
  return slackModeEnv(fake, extra);
}

describe('bulssi doctor', () => {
  it('passes when the token works, every scope is granted and the bot is in the channel', async () => {
    fake = await startFakeSlack();
    fake.members.set(CHANNEL, ['UBOT']);
    const result = await runCli(['doctor'], { cwd: tempDir(), env: slackEnv() });
    expect(result.stdout).toMatch(/✓ token\s+bot bulssi in workspace Test/);
    expect(result.stdout).toMatch(/✓ scopes/);
    expect(result.stdout).toMatch(/✓ channel\s+#crisis: the bot is a member/);
    expect(result.code).toBe(0);
  });

  it('says which scopes are missing and how to invite the bot', async () => {
    fake = await startFakeSlack();
    fake.scopes = ['chat:write', 'commands'];
    const result = await runCli(['doctor'], { cwd: tempDir(), env: slackEnv() });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ scopes\s+missing channels:read/);
    expect(result.stdout).toContain('usergroups:read');
    expect(result.stdout).toContain('/invite @bulssi in #crisis');
    expect(result.stdout).not.toContain('xoxb-test-token');
  });

  it('reports a rejected token with the fix', async () => {
    fake = await startFakeSlack();
    fake.reply('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const result = await runCli(['doctor'], { cwd: tempDir(), env: slackEnv() });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ token\s+auth.test failed: invalid_auth/);
    expect(result.stdout).toContain('OAuth & Permissions');
  });

  it('explains how to turn Slack mode on when there is no token', async () => {
    const result = await runCli(['doctor'], { cwd: tempDir() });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('SLACK_BOT_TOKEN is not set');
  });
});

describe('bulssi scan --once --json in Slack mode', () => {
  it('posts the alerts to the channel and prints only the summary as JSON', async () => {
    fake = await startFakeSlack();
    fake.members.set(CHANNEL, ['UBOT']);
    const result = await runCli(['scan', '--once', '--json'], { cwd: tempDir(), env: slackEnv() });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { alerts: unknown[] };
    expect(summary.alerts.length).toBeGreaterThan(0);
    const posted = fake.callsTo('chat.postMessage').filter((c) => !c.args.thread_ts);
    expect(posted).toHaveLength(summary.alerts.length);
  });
});

describe('bulssi start in Slack mode', () => {
  it('listens on PORT, posts the sample alerts to the channel, answers /crisis, and stops on SIGTERM', async () => {
    fake = await startFakeSlack();
    fake.members.set(CHANNEL, ['U1']);
    const child = spawnCli(['start'], { cwd: tempDir(), env: slackEnv({ PORT: '0' }) });
    let stderr = '';
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        const match = /listening on port (\d+)/.exec(stderr);
        if (match) resolve(Number(match[1]));
      });
      child.on('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const posts = await fake.waitFor('chat.postMessage');
      expect(posts[0]?.args.channel).toBe(CHANNEL);
      await postToSlackApp(port, slashCommand('help', 'U1', `${fake.url}/response/1`));
      const [help] = await fake.waitFor('response_url');
      expect(String(help?.args.text)).toContain('/crisis status');
      await new Promise<void>((resolve) => {
        const check = () => (/alert/i.test(stdout) ? resolve() : setTimeout(check, 20));
        check();
      });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout).not.toMatch(/━━/);
    expect(stderr).toContain('Slack setup problems');
    expect(stderr).toContain('/invite @bulssi');
  });
});
