import type { SourceRun } from '../pipeline/scan.js';

/**
 * A one-line progress bar on a terminal's stderr, redrawn as each source finishes.
 * Does nothing when stderr is not a terminal, so logs and pipes stay clean.
 */
export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }) {
  const enabled = Boolean(stream.isTTY);
  let drawn = false;
  return {
    update(run: SourceRun, done: number, total: number) {
      if (!enabled) return;
      const width = 24;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const status = run.ok ? `${run.items} posts${run.unchanged ? ', unchanged' : ''}` : 'failed';
      const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} sources · ${run.id}: ${status}`;
      const max = (stream.columns ?? 100) - 1;
      stream.write(`\r\x1b[2K${line.length > max ? line.slice(0, max) : line}`);
      drawn = true;
    },
    clear() {
      if (enabled && drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
