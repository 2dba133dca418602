import { LEVELS } from '../config/schema.js';
import { THREAD_STATES, type Thread } from '../core/thread-schema.js';
import { toTerminalText } from '../notify/console-notifier.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { Command } from './command.js';
import { openExistingStore } from './open-store.js';

const byUrgency = (a: Thread, b: Thread) =>
  Number(isClosed(a)) - Number(isClosed(b)) ||
  LEVELS.indexOf(b.risk.level) - LEVELS.indexOf(a.risk.level) ||
  b.lastSeenAt.localeCompare(a.lastSeenAt);

function isClosed(thread: Thread): boolean {
  return thread.state === 'resolved' || thread.state === 'dismissed';
}

function latestCount(thread: Thread, key: 'views' | 'comments'): string {
  const value = thread.metrics.at(-1)?.[key];
  return value === undefined ? '-' : value.toLocaleString('en-US');
}

export const threadsCommand: Command = {
  name: 'threads',
  summary: 'List tracked threads with their state, level and counts',
  help: `Usage: bulssi threads [--state STATE] [--level LEVEL] [--limit N] [--json] [--config FILE]

Lists the threads Bulssi follows (one per canonical URL), open ones first, most
severe first. Without a config file it reads the sample store of the last sample scan.

Options:
  --state STATE   only this state: ${THREAD_STATES.join(', ')}
  --level LEVEL   only this level or above: ${LEVELS.join(', ')}
  --limit N       at most N threads (default 50; 0 for all)
  --json          one JSON object per thread per line
  --config FILE   config file (default: BULSSI_CONFIG, then ./bulssi.yaml)
  -h, --help      show this help`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      state: { type: 'string' },
      level: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      config: { type: 'string', short: 'c' },
    });
    const state = values.state;
    if (state !== undefined && !(THREAD_STATES as readonly string[]).includes(state)) {
      throw new UsageError(`--state must be one of ${THREAD_STATES.join(', ')}`);
    }
    const level = values.level;
    if (level !== undefined && !(LEVELS as readonly string[]).includes(level)) {
      throw new UsageError(`--level must be one of ${LEVELS.join(', ')}`);
    }
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 0)
      throw new UsageError('--limit must be a whole number, 0 for all');

    const opened = await openExistingStore(values.config, io);
    if (!opened) return 0;
    const { store } = opened;
    try {
      const minLevel = level === undefined ? 0 : LEVELS.indexOf(level as (typeof LEVELS)[number]);
      const selected: Thread[] = [];
      for await (const thread of store.threads()) {
        if (state !== undefined && thread.state !== state) continue;
        if (LEVELS.indexOf(thread.risk.level) < minLevel) continue;
        selected.push(thread);
      }
      selected.sort(byUrgency);
      const shown = limit === 0 ? selected : selected.slice(0, limit);
      if (values.json) {
        for (const thread of shown) io.stdout.write(`${JSON.stringify(thread)}\n`);
        return 0;
      }
      if (shown.length === 0) {
        io.stdout.write('No tracked threads match.\n');
        return 0;
      }
      const header = `${'ID'.padEnd(12)}  ${'LEVEL'.padEnd(8)} ${'SCORE'.padStart(5)}  ${'STATE'.padEnd(12)} ${'CATEGORY'.padEnd(17)} ${'VIEWS'.padStart(7)} ${'CMTS'.padStart(5)}  TITLE`;
      io.stdout.write(`${header}\n`);
      for (const t of shown) {
        io.stdout.write(
          `${t.id.padEnd(12)}  ${t.risk.level.padEnd(8)} ${String(t.risk.score).padStart(5)}  ${t.state.padEnd(12)} ${t.risk.category.padEnd(17)} ${latestCount(t, 'views').padStart(7)} ${latestCount(t, 'comments').padStart(5)}  ${toTerminalText(t.title, 70)}\n`,
        );
      }
      const more = selected.length - shown.length;
      io.stdout.write(
        `${selected.length} thread(s)${more > 0 ? `, ${more} not shown (--limit 0 for all)` : ''}\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
