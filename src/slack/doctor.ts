import type { webApi } from '@slack/bolt';
import { redactSecrets } from '../logger.js';
import type { SlackSettings } from './app.js';
import { BOT_SCOPES, REQUIRED_SCOPES } from './scopes.js';

/** One finding of `bulssi doctor`: what was checked, what was found, and what to do when it failed. */
export interface DoctorCheck {
  ok: boolean;
  label: string;
  detail: string;
  fix?: string;
}

export interface DoctorInput {
  client: webApi.WebClient;
  settings: SlackSettings;
  channel: string | undefined;
  usergroup?: string | undefined;
  env?: Readonly<Record<string, string | undefined>>;
}

function slackError(error: unknown, env: DoctorInput['env']): string {
  const code = (error as { data?: { error?: string } }).data?.error;
  return code ?? redactSecrets(error instanceof Error ? error.message : String(error), env);
}

/**
 * Checks a Slack installation the way it will be used: the token works, it has every scope, the alert
 * channel exists and the bot is in it, and the allowed user group (if any) can be read.
 */
export async function runSlackChecks(input: DoctorInput): Promise<DoctorCheck[]> {
  const { client, settings } = input;
  const checks: DoctorCheck[] = [];
  checks.push(
    settings.appToken
      ? {
          ok: true,
          label: 'mode',
          detail: 'Socket Mode (SLACK_APP_TOKEN set); use manifests/bulssi-socket.yaml',
        }
      : {
          ok: true,
          label: 'mode',
          detail: `HTTP mode: POST /slack/events on port ${settings.port}; use manifests/bulssi-http.yaml`,
        },
  );

  let auth: Awaited<ReturnType<webApi.WebClient['auth']['test']>>;
  try {
    auth = await client.auth.test();
  } catch (error) {
    const code = slackError(error, input.env);
    checks.push({
      ok: false,
      label: 'token',
      detail: `auth.test failed: ${code}`,
      fix: 'Copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions into SLACK_BOT_TOKEN; reinstall the app if it was revoked. Check SLACK_API_URL if set.',
    });
    return checks;
  }
  checks.push({
    ok: true,
    label: 'token',
    detail: `bot ${auth.user ?? auth.user_id ?? '?'} in workspace ${auth.team ?? auth.team_id ?? '?'}`,
  });

  const granted = new Set(auth.response_metadata?.scopes ?? []);
  const missing = REQUIRED_SCOPES.filter((scope) => !granted.has(scope));
  checks.push(
    missing.length === 0
      ? { ok: true, label: 'scopes', detail: REQUIRED_SCOPES.join(', ') }
      : {
          ok: false,
          label: 'scopes',
          detail: `missing ${missing.map((s) => `${s} (${BOT_SCOPES[s]})`).join('; ')}`,
          fix: 'Add the missing bot scopes under OAuth & Permissions (or recreate the app from manifests/), then reinstall it to the workspace.',
        },
  );

  if (!input.channel) {
    checks.push({
      ok: false,
      label: 'channel',
      detail: 'no alert channel',
      fix: 'Set BULSSI_CHANNEL (or slack.channel in the config) to the channel id, e.g. C0123456789 (channel details → About).',
    });
  } else {
    try {
      const info = await client.conversations.info({ channel: input.channel });
      const name = info.channel?.name ? `#${info.channel.name}` : input.channel;
      checks.push(
        info.channel?.is_member
          ? { ok: true, label: 'channel', detail: `${name}: the bot is a member` }
          : {
              ok: false,
              label: 'channel',
              detail: `${name}: the bot is not in the channel`,
              fix: `Invite it: type /invite @${auth.user ?? 'Bulssi'} in ${name}.`,
            },
      );
    } catch (error) {
      const code = slackError(error, input.env);
      checks.push({
        ok: false,
        label: 'channel',
        detail: `${input.channel}: ${code}`,
        fix:
          code === 'channel_not_found'
            ? 'Use the channel id (C…), not its name. For a private channel, invite the bot first so it can see it.'
            : 'Check the channel id and that the app has channels:read / groups:read.',
      });
    }
  }

  if (input.usergroup) {
    try {
      const result = await client.usergroups.users.list({ usergroup: input.usergroup });
      checks.push({
        ok: true,
        label: 'allowed group',
        detail: `${input.usergroup}: ${result.users?.length ?? 0} members may act`,
      });
    } catch (error) {
      checks.push({
        ok: false,
        label: 'allowed group',
        detail: `${input.usergroup}: ${slackError(error, input.env)}`,
        fix: 'Check slack.allowedUsergroup is a user group id (S…) and the app has usergroups:read.',
      });
    }
  }
  return checks;
}

/** "✓ token  bot bulssi in workspace Acme" lines, with the fix under each failure. */
export function formatChecks(checks: readonly DoctorCheck[]): string {
  const width = Math.max(...checks.map((c) => c.label.length));
  return checks
    .map(
      (c) =>
        `${c.ok ? '✓' : '✗'} ${c.label.padEnd(width)}  ${c.detail}${c.fix ? `\n  ${' '.repeat(width)}  → ${c.fix}` : ''}`,
    )
    .join('\n');
}
