import { createLogger } from '../logger.js';
import { createBulssi } from '../main.js';
import { formatChecks, runSlackChecks } from '../slack/doctor.js';
import { startFollowupSchedule } from '../scheduler/followup-schedule.js';
import { startScanSchedule } from '../scheduler/scan-schedule.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';
import { formatScanSummary, formatSourceProblems } from './scan-summary.js';

/** How long a stop lets an in-flight scan finish before aborting its fetches, ms (BULSSI_SHUTDOWN_GRACE_MS). */
const SHUTDOWN_GRACE_MS = 20_000;
/** After the abort, how long the scan has to record what it has before the process exits anyway, ms. */
const ABORT_GRACE_MS = 5_000;

/** BULSSI_SHUTDOWN_GRACE_MS when it is a number of ms, else the default. */
function shutdownGraceMs(env: Readonly<Record<string, string | undefined>>): number {
  const value = Number(env.BULSSI_SHUTDOWN_GRACE_MS);
  return env.BULSSI_SHUTDOWN_GRACE_MS && Number.isFinite(value) && value >= 0 ? value : SHUTDOWN_GRACE_MS;
}

export const startCommand: Command = {
  name: 'start',
  summary: 'Scan now, then keep scanning on the schedule until stopped',
  help: `Usage: bulssi start [--config FILE]

Runs a scan at once, then on the cron schedule from the config (schedule.scan, in
schedule.timezone, default Asia/Seoul). Scans never overlap: a tick that comes while
one is running is skipped. Alerts go to the terminal, or to Slack when SLACK_BOT_TOKEN
is set. Ctrl-C (SIGINT) or SIGTERM lets the running scan finish, then exits; a scan
still running after BULSSI_SHUTDOWN_GRACE_MS (default 20000) has its fetches aborted,
and 5 s later the process exits regardless (exit status 1).
Without a config file it scans the bundled sample internet every two minutes.

Slack mode (see manifests/ and \`bulssi doctor\`):
  SLACK_BOT_TOKEN       xoxb- bot token; turns Slack mode on
  SLACK_SIGNING_SECRET  HTTP mode: verifies requests to POST /slack/events on PORT
  SLACK_APP_TOKEN       xapp- token: Socket Mode instead of HTTP (no public URL needed)
  BULSSI_CHANNEL        alert channel id (C…), or slack.channel in the config
  PORT                  HTTP mode port (default 3000)
  SLACK_API_URL         Web API base (default https://slack.com/api/)

Operator endpoints: GET /healthz (alive), /readyz (store readable; Slack reachable
in Slack mode), /metrics (Prometheus). Slack HTTP mode serves them on PORT beside
/slack/events. Otherwise they are off unless a port is given:
  METRICS_PORT          port for them in the terminal and Socket Mode (0 picks one);
                        Socket Mode falls back to PORT
  METRICS_HOST          interface to bind (default: all)

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
            : `Slack app listening on port ${port} (POST /slack/events; GET /healthz, /readyz, /metrics); alerts go to channel ${bulssi.config.slack.channel}.\n`,
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
    try {
      const opsPort = await bulssi.serveOps();
      if (opsPort !== undefined)
        io.stderr.write(`Operator endpoints on port ${opsPort}: /healthz, /readyz, /metrics.\n`);
    } catch (error) {
      await bulssi.close();
      throw error;
    }
    const origin =
      bulssi.origin.kind === 'file'
        ? bulssi.origin.path
        : `the bundled sample internet at ${bulssi.sampleUrl}`;
    io.stderr.write(
      `Bulssi is watching ${bulssi.config.sources.length} sources from ${origin}; alerts at ${bulssi.config.alert.threshold} and above.\n`,
    );

    let lastScanAt = 0;
    // Aborted when a stop has waited its grace period: in-flight fetches end with ERR_ABORTED.
    const shutdown = new AbortController();
    // The cron schedule and an early re-scan from the follow-up clock may ask at the same moment: the second
    // joins the running scan, and its summary is printed once.
    let reporting: Promise<void> | undefined;
    const scanAndReport = (): Promise<void> => {
      if (reporting) return reporting;
      lastScanAt = Date.now();
      reporting = bulssi
        .scan({ signal: shutdown.signal })
        .then((summary) => {
          for (const line of formatSourceProblems(summary)) io.stderr.write(`${line}\n`);
          io.stdout.write(`${formatScanSummary(summary)}\n`);
        })
        .finally(() => {
          reporting = undefined;
        });
      return reporting;
    };

    const schedule = startScanSchedule({
      expression: bulssi.config.schedule.scan,
      timezone: bulssi.config.schedule.timezone,
      run: scanAndReport,
      logger,
    });

    // Reminders and escalation steps for open threads, on their own clock.
    const followup = bulssi.config.followup.enabled
      ? startFollowupSchedule({
          intervalMs: bulssi.config.followup.tickSeconds * 1000,
          run: async () => {
            const summary = await bulssi.followup();
            // A critical thread is looked at every 10 minutes (by default) even when scans are scheduled less often.
            // Not awaited: a re-scan waiting on a slow site must not hold up the next reminders.
            const every = summary.rescanMinutes;
            if (every !== undefined && !bulssi.scanning && Date.now() - lastScanAt >= every * 60_000)
              scanAndReport().catch((error: unknown) => logger.error({ err: error }, 'early re-scan failed'));
          },
          logger,
        })
      : undefined;

    // Signals are handled from the start: a stop during the first scan lets it finish, then exits.
    const stopped = new Promise<number>((resolve) => {
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        io.stderr.write(`${signal}: stopping${bulssi.scanning ? ' after the running scan' : ''}…\n`);
        await schedule.stop();
        // Awaited under the grace timers below: a tick may be running a scan.
        const followupStopped = followup?.stop();
        const graceMs = shutdownGraceMs(io.env);
        const abortTimer = setTimeout(() => {
          io.stderr.write(`The running scan did not finish within ${graceMs} ms; stopping its fetches.\n`);
          shutdown.abort();
        }, graceMs);
        // Past this the process exits whatever is still running; what was stored stays, pending alerts are retried.
        const exitTimer = setTimeout(() => {
          io.stderr.write(
            'The running scan did not stop in time; exiting anyway. Its threads are safe in the store.\n',
          );
          resolve(1);
        }, graceMs + ABORT_GRACE_MS);
        abortTimer.unref();
        exitTimer.unref();
        await followupStopped;
        // An early re-scan the follow-up clock started is not part of its tick: waited for here.
        await reporting?.catch(() => undefined);
        await bulssi.close();
        clearTimeout(abortTimer);
        clearTimeout(exitTimer);
        resolve(shutdown.signal.aborted ? 1 : 0);
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
