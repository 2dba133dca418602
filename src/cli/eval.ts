import type { Thread } from '../core/thread-schema.js';
import { type FeedbackGroup, summarizeFeedback } from '../core/feedback.js';
import { main as runDatasetEval } from '../eval/run-eval.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';
import { openExistingStore } from './open-store.js';

const percent = (value: number | undefined) =>
  value === undefined ? '   -' : `${(value * 100).toFixed(0).padStart(3)}%`;
const row = (g: FeedbackGroup) =>
  `  ${g.key.padEnd(18)} ${percent(g.precision)}  (${g.real} real, ${g.falseAlarms} false alarm${g.falseAlarms === 1 ? '' : 's'})`;

export const evalCommand: Command = {
  name: 'eval',
  summary: "Measure the risk score: on labeled public data, or on your team's own feedback",
  help: `Usage: bulssi eval [--dev] [--data DIR]
       bulssi eval --feedback [--json] [--config FILE]

Without --feedback: scores the labeled public posts (../shared/data test splits, or --data DIR)
and prints precision, recall and F1 beside npm sentiment baselines (the same as npm run eval).

With --feedback: precision of the alerts your team has judged in Slack. "Not a crisis" counts as
a false alarm; an escalation, or a resolution that replied, refunded, fixed or removed, counts as
real. Shown overall, per category and per level, with the words most often behind false alarms,
so they can be re-weighted under risk.terms in the config.

Options:
  --feedback      report on your own alerts instead of the public data
  --json          with --feedback: the report as one JSON object
  --config FILE   with --feedback: config file (default: BULSSI_CONFIG, then ./bulssi.yaml)
  --dev           without --feedback: the dev splits
  --data DIR      without --feedback: where the labeled sets are
  -h, --help      show this help`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      feedback: { type: 'boolean' },
      json: { type: 'boolean' },
      config: { type: 'string', short: 'c' },
      dev: { type: 'boolean' },
      data: { type: 'string' },
    });
    if (!values.feedback) {
      const args = [...(values.dev ? ['--dev'] : []), ...(values.data ? ['--data', values.data] : [])];
      return runDatasetEval(args, io.env);
    }
    const opened = await openExistingStore(values.config, io);
    if (!opened) return 0;
    try {
      const threads: Thread[] = [];
      for await (const thread of opened.store.threads())
        if (thread.alert?.status === 'sent') threads.push(thread);
      const report = summarizeFeedback(threads);
      if (values.json) {
        io.stdout.write(`${JSON.stringify(report)}\n`);
        return 0;
      }
      io.stdout.write(`Alerts judged by your team: ${report.labeled} of ${report.alerted} alerted threads\n`);
      if (report.labeled === 0) {
        io.stdout.write(
          'No feedback yet: "Not a crisis", Escalate and Resolve in Slack are what this counts.\n',
        );
        return 0;
      }
      io.stdout.write(`Precision${row(report.overall).slice(2 + 'all'.length)}\n\nBy category:\n`);
      for (const g of report.byCategory) io.stdout.write(`${row(g)}\n`);
      io.stdout.write('\nBy level:\n');
      for (const g of report.byLevel) io.stdout.write(`${row(g)}\n`);
      if (report.falseAlarmWords.length > 0) {
        io.stdout.write(
          `\nWords behind false alarms: ${report.falseAlarmWords.map((w) => `"${w.word}" ×${w.count}`).join(', ')}\n`,
        );
      }
      return 0;
    } finally {
      await opened.store.close();
    }
  },
};
