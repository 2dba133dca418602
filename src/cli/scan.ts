import { createLogger } from '../logger.js';
import { createBulssi } from '../main.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';
import { createProgress } from './progress.js';
import { formatScanSummary, formatSourceProblems } from './scan-summary.js';

export const scanCommand: Command = {
  name: 'scan',
  summary: 'Scan every source once, print the alerts and a summary',
  help: `Usage: bulssi scan --once [--config FILE] [--json]

Fetches every enabled source once, keeps the posts about you, scores them, updates
the tracked threads and prints an alert for each thread that became risky.
Without a config file it scans the bundled sample internet.

Options:
  --once          run one scan and exit (the only mode; kept explicit for scripts)
  --config FILE   config file (default: BULSSI_CONFIG, then ./bulssi.yaml)
  --json          print the scan summary as one JSON object on stdout (alert blocks go to
                  stderr; in Slack mode alerts are posted as usual)
  -h, --help      show this help

Exit status: 0 when the scan ran (failing sources are reported, the others scanned),
1 when the config is invalid or every source failed, 2 on a bad command line.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      once: { type: 'boolean' },
      config: { type: 'string', short: 'c' },
      json: { type: 'boolean' },
    });
    const logger = createLogger({ level: 'warn', env: io.env });
    const bulssi = await createBulssi({
      configPath: values.config,
      env: io.env,
      cwd: io.cwd,
      logger,
      // With --json, standard output carries the summary alone: alerts and follow-up notes still go where they
      // belong (Slack, or the terminal on stderr), so none is marked sent without being delivered.
      stdout: values.json ? io.stderr : io.stdout,
    });
    const progress = createProgress(io.stderr);
    try {
      const summary = await bulssi.scan({
        onSourceDone: (run, done, total) => progress.update(run, done, total),
      });
      progress.clear();
      if (values.json) {
        io.stdout.write(`${JSON.stringify(summary)}\n`);
      } else {
        for (const line of formatSourceProblems(summary)) io.stderr.write(`${line}\n`);
        io.stdout.write(`${formatScanSummary(summary)}\n`);
      }
      const allFailed = summary.sources.length > 0 && summary.sources.every((s) => !s.ok);
      return allFailed ? 1 : 0;
    } finally {
      await bulssi.close();
    }
  },
};
