import type { ScanSummary } from '../pipeline/scan.js';

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The one-line summary printed after every scan. */
export function formatScanSummary(summary: ScanSummary): string {
  const failed = summary.sources.filter((s) => !s.ok).length;
  const unchanged = summary.sources.filter((s) => s.unchanged).length;
  const parts = [
    `${plural(summary.sources.length, 'source')} (${failed} failed${unchanged ? `, ${unchanged} unchanged` : ''})`,
    plural(summary.posts, 'post'),
    `${summary.matched.toLocaleString('en-US')} about us${summary.excluded ? ` (${summary.excluded} excluded)` : ''}`,
    `${plural(summary.newThreads, 'new thread')}, ${summary.updatedThreads} updated`,
    plural(summary.alerts.length, 'alert'),
  ];
  if (summary.alertFailures) parts.push(`${summary.alertFailures} alert(s) pending delivery`);
  return `Scan ${summary.runId}: ${parts.join(', ')} in ${(summary.durationMs / 1000).toFixed(1)} s`;
}

/** One line per failed source or source warning, for stderr. */
export function formatSourceProblems(summary: ScanSummary): string[] {
  const lines: string[] = [];
  for (const run of summary.sources) {
    if (!run.ok) lines.push(`source ${run.id} failed: ${run.error ?? 'unknown error'}`);
    for (const warning of run.warnings) lines.push(`source ${run.id}: ${warning}`);
  }
  return lines;
}
