import { webApi } from '@slack/bolt';
import { findConfigFile, loadConfigFile } from '../config/load.js';
import { checkDraftModel } from '../drafting/model-check.js';
import { MODEL_KEY_ENV } from '../drafting/model-personaliser.js';
import { slackSettingsFrom } from '../slack/app.js';
import { formatChecks, runSlackChecks } from '../slack/doctor.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check the Slack setup: token, scopes, alert channel',
  help: `Usage: bulssi doctor [--config FILE]

Checks what Slack mode needs and says how to fix what is wrong: SLACK_BOT_TOKEN is
valid (auth.test), the app has every scope in manifests/, the alert channel
(BULSSI_CHANNEL or slack.channel) exists and the bot is in it, and the allowed user
group (slack.allowedUsergroup) can be read. With drafts.model in the config, also that the
draft model answers (one one-token request). Exit status 0 when all pass, 1 otherwise.

Options:
  --config FILE   config file (default: BULSSI_CONFIG, then ./bulssi.yaml)
  -h, --help      show this help`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { config: { type: 'string', short: 'c' } });
    const file = findConfigFile(values.config, io.env, io.cwd);
    const config = file ? loadConfigFile(file, io.env) : undefined;
    const model = config?.drafts.model;
    const modelCheck = model
      ? await checkDraftModel({ ...model, apiKey: io.env[MODEL_KEY_ENV] || undefined })
      : undefined;
    const settings = slackSettingsFrom(io.env);
    if (!settings) {
      io.stdout.write(
        '✗ Slack mode is off: SLACK_BOT_TOKEN is not set.\n  → Create the app from manifests/bulssi-http.yaml (or bulssi-socket.yaml), install it, and set SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) and BULSSI_CHANNEL.\n',
      );
      if (modelCheck) io.stdout.write(`${formatChecks([modelCheck])}\n`);
      return 1;
    }
    const channel = config?.slack.channel ?? io.env.BULSSI_CHANNEL;
    const client = new webApi.WebClient(settings.botToken, {
      ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
      retryConfig: { retries: 1 },
      timeout: 10_000,
    });
    const checks = await runSlackChecks({
      client,
      settings,
      channel,
      usergroup: config?.slack.allowedUsergroup,
      env: io.env,
    });
    if (modelCheck) checks.push(modelCheck);
    io.stdout.write(`${formatChecks(checks)}\n`);
    return checks.every((c) => c.ok) ? 0 : 1;
  },
};
