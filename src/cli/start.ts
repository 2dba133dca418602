import { createLogger } from '../logger.js';
import { createBulssi } from '../main.js';
import { formatChecks, runSlackChecks } from '../slack/doctor.js';
import { startScanSchedule } from '../scheduler/scan-schedule.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';
import { formatScanSummary, formatSourceProblems } from './scan-summary.js';

/** How long a stop waits for an in-flight scan before giving up on it, ms. */
const SHUTDOWN_GRACE_MS = 20_000;

export const startCommand: Command = {
  name: 'start',
  summary: 'Scan now, then keep scanning on the schedule until stopped',
  help: `Usage: bulssi start [--config FILE]

Runs a scan at once, then on the cron schedule from the config (schedule.scan, in
schedule.timezone, default Asia/Seoul). Scans never overlap: a tick that comes while
one is running is skipped. Alerts go to the terminal, or to Slack when SLACK_BOT_TOKEN
is set. Ctrl-C (SIGINT) or SIGTERM lets the running scan finish, then exits.
Without a config file it scans the bundled sample internet every two minutes.

Slack mode (see manifests/ and \`bulssi doctor\`):
  SLACK_BOT_TOKEN       xoxb- bot token; turns Slack mode on
  SLACK_SIGNING_SECRET  HTTP mode: verifies requests to POST /slack/events on PORT
  SLACK_APP_TOKEN       xapp- token: Socket Mode instead of HTTP (no public URL needed)
  BULSSI_CHANNEL        alert channel id (C…), or slack.channel in the config
  PORT                  HTTP mode port (default 3000)
  SLACK_API_URL         Web API base (default https://slack.com/api/)

Options:
  --config FILE   config file (default: BULSSI_CONFIG, then ./bulssi.yaml)
  -h, --help      show this help`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { config: { type: 'string', short: 'c' } });
    const logger = createLogger({ level: 'info', env: io.env });
    const bulssi = await createBulssi({
      configPath: values.config,
      env: io.env,
      cwd: io.cwd,
      logger,
      stdout: io.stdout,
    });
    if (bulssi.slack) {
      try {
        const { port } = await bulssi.slack.start();
        io.stderr.write(
          port === undefined
            ? `Slack app connected over Socket Mode; alerts go to channel ${bulssi.config.slack.channel}.\n`
            : `Slack app listening on port ${port} (POST /slack/events); alerts go to channel ${bulssi.config.slack.channel}.\n`,
        );
      } catch (error) {
        await bulssi.close();
        throw error;
      }
      // The same checks as `bulssi doctor`, reported but not fatal: a missing scope should not stop the scans.
      const checks = await runSlackChecks({
        client: bulssi.slack.client,
        settings: bulssi.slack.settings,
        channel: bulssi.config.slack.channel,
        usergroup: bulssi.config.slack.allowedUsergroup,
        env: io.env,
      });
      const failed = checks.filter((c) => !c.ok);
      if (failed.length > 0)
        io.stderr.write(`Slack setup problems (run \`bulssi doctor\`):\n${formatChecks(failed)}\n`);
    }
    const origin =
      bulssi.origin.kind === 'file'
        ? bulssi.origin.path
        : `the bundled sample internet at ${bulssi.sampleUrl}`;
    io.stderr.write(
      `Bulssi is watching ${bulssi.config.sources.length} sources from ${origin}; alerts at ${bulssi.config.alert.threshold} and above.\n`,
    );

    const scanAndReport = async () => {
      const summary = await bulssi.scan();
      for (const line of formatSourceProblems(summary)) io.stderr.write(`${line}\n`);
      io.stdout.write(`${formatScanSummary(summary)}\n`);
    };

    const schedule = startScanSchedule({
      expression: bulssi.config.schedule.scan,
      timezone: bulssi.config.schedule.timezone,
      run: scanAndReport,
      logger,
    });

    // Signals are handled from the start: a stop during the first scan lets it finish, then exits.
    const stopped = new Promise<number>((resolve) => {
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        io.stderr.write(`${signal}: stopping${bulssi.scanning ? ' after the running scan' : ''}…\n`);
        await schedule.stop();
        const timer = setTimeout(() => {
          io.stderr.write(
            'The running scan did not finish in time; exiting anyway. Its threads are safe in the store.\n',
          );
          resolve(1);
        }, SHUTDOWN_GRACE_MS);
        timer.unref();
        await bulssi.close();
        clearTimeout(timer);
        resolve(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    });

    await scanAndReport().catch((error: unknown) => logger.error({ err: error }, 'first scan failed'));
    const next = schedule.nextRun();
    if (next) {
      io.stderr.write(
        `Next scan at ${next.toISOString()} (${bulssi.config.schedule.scan}, ${bulssi.config.schedule.timezone}). Ctrl-C to stop.\n`,
      );
    }
    return stopped;
  },
};
