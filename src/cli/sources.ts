import type { SourceStatus } from '../store/store.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';
import { openExistingStore } from './open-store.js';

function ago(iso: string, now: Date): string {
  const minutes = Math.round((now.getTime() - new Date(iso).getTime()) / 60_000);
  if (Number.isNaN(minutes)) return iso;
  if (minutes < 1) return 'just now';
  if (minutes < 120) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} days ago`;
}

export const sourcesCommand: Command = {
  name: 'sources',
  summary: "Show each source's last run: when, items, matches, last error",
  help: `Usage: bulssi sources [--json] [--config FILE]

Shows how each source did on its last scan: when it ran, how many posts it returned,
how many were about you, whether the page was unchanged (conditional GET), and its last
error, kept until the next failure so a flaky source stays visible.

Options:
  --json          one JSON object per source per line
  --config FILE   config file (default: BULSSI_CONFIG, then ./bulssi.yaml)
  -h, --help      show this help`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      json: { type: 'boolean' },
      config: { type: 'string', short: 'c' },
    });
    const opened = await openExistingStore(values.config, io);
    if (!opened) return 0;
    try {
      const statuses: SourceStatus[] = [];
      for await (const status of opened.store.sourceStatuses()) statuses.push(status);
      const configured = opened.config?.sources.map((s) => s.id);
      const order = (id: string) => configured?.indexOf(id) ?? -1;
      statuses.sort((a, b) => order(a.id) - order(b.id) || a.id.localeCompare(b.id));
      if (values.json) {
        for (const status of statuses) io.stdout.write(`${JSON.stringify(status)}\n`);
        return 0;
      }
      if (statuses.length === 0) {
        io.stdout.write('No source has run yet.\n');
        return 0;
      }
      const now = new Date();
      io.stdout.write(
        `${'SOURCE'.padEnd(20)} ${'STATUS'.padEnd(9)} ${'LAST RUN'.padEnd(12)} ${'ITEMS'.padStart(6)} ${'ABOUT US'.padStart(8)}  LAST ERROR\n`,
      );
      for (const s of statuses) {
        const status = s.ok ? (s.unchanged ? 'unchanged' : 'ok') : 'failed';
        const error = s.lastError
          ? `${s.lastErrorAt ? `${ago(s.lastErrorAt, now)}: ` : ''}${s.lastError}`
          : '-';
        io.stdout.write(
          `${s.id.padEnd(20)} ${status.padEnd(9)} ${ago(s.lastRunAt, now).padEnd(12)} ${String(s.items).padStart(6)} ${String(s.matched).padStart(8)}  ${error}\n`,
        );
        for (const warning of s.warnings) io.stdout.write(`${''.padEnd(20)} warning: ${warning}\n`);
      }
      return 0;
    } finally {
      await opened.store.close();
    }
  },
};
