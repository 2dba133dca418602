import { assessThread } from '../core/risk/assess-thread.js';
import type { Thread } from '../core/thread-schema.js';
import type { Notifier } from './notifier.js';

const COLORS: Record<string, string> = {
  critical: '\x1b[1;97;41m',
  high: '\x1b[1;31m',
  medium: '\x1b[1;33m',
  low: '\x1b[36m',
  none: '\x1b[2m',
};
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

// C0/C1 control characters (terminal escape sequences) and bidi overrides from scraped text must not reach a terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const STAGE_NAMES = {
  1: 'posted',
  2: 'spreading',
  3: 'readers joining in',
  4: 'evidence, media or boycott',
} as const;
const RESPONSE_NAMES = {
  escalate_now: 'escalate now',
  own_it: 'own it',
  correct_facts: 'correct the facts',
  monitor: 'monitor only',
  no_action: 'no action',
} as const;

/** Makes scraped text safe and one-line for a terminal. */
export function toTerminalText(text: string, max = 300): string {
  const flat = text.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function formatCounts(thread: Thread): string {
  const last = thread.metrics.at(-1);
  if (!last) return 'no counts';
  const parts: string[] = [];
  if (last.views !== undefined) parts.push(`views ${last.views.toLocaleString('en-US')}`);
  if (last.comments !== undefined) parts.push(`comments ${last.comments.toLocaleString('en-US')}`);
  if (last.likes !== undefined) parts.push(`likes ${last.likes.toLocaleString('en-US')}`);
  if (last.shares !== undefined) parts.push(`shares ${last.shares.toLocaleString('en-US')}`);
  return parts.length > 0 ? parts.join(' · ') : 'no counts';
}

/** "2026-11-22 14:05 KST"-style local time in `timeZone`; the input as is when it is not a date. */
export function formatLocalTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return toTerminalText(iso, 40);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

export interface AlertFormat {
  color?: boolean;
  /** IANA zone for dates; the schedule's time zone (Asia/Seoul by default). */
  timeZone?: string;
}

/** One readable block per alert: level, category, title, source, link, counts, reasons. */
export function formatAlert(
  thread: Thread,
  context: { sourceName: string },
  format: AlertFormat = {},
): string {
  const color = format.color ?? false;
  const timeZone = format.timeZone ?? 'Asia/Seoul';
  const { level, category, score, reasons } = thread.risk;
  const paint = (code: string | undefined, text: string) => (color && code ? `${code}${text}${RESET}` : text);
  const head = ` ${level.toUpperCase()} · ${category} · score ${score} `;
  const rule = '━'.repeat(Math.max(4, 64 - head.length));
  const byline = [toTerminalText(context.sourceName, 80)];
  if (thread.author) byline.push(toTerminalText(thread.author, 60));
  if (thread.publishedAt) byline.push(formatLocalTime(thread.publishedAt, timeZone));
  const label = (name: string) => paint(DIM, name.padEnd(8));
  const lines = [
    paint(COLORS[level], `━━${head}${rule}`),
    toTerminalText(thread.title || '(no title)', 200),
    `  ${label('source')} ${byline.join(' · ')}`,
    `  ${label('link')} ${toTerminalText(thread.url, 500)}`,
    `  ${label('counts')} ${formatCounts(thread)}`,
  ];
  reasons.forEach((reason, index) => {
    lines.push(`  ${label(index === 0 ? 'why' : '')} ${toTerminalText(reason, 200)}`);
  });
  const { stage, response } = assessThread(thread);
  const stageNote = stage.reasons.length > 0 ? `: ${stage.reasons.join(', ')}` : '';
  lines.push(
    `  ${label('stage')} ${stage.stage} of 4 (${STAGE_NAMES[stage.stage]})${toTerminalText(stageNote, 200)}`,
  );
  lines.push(`  ${label('respond')} ${RESPONSE_NAMES[response.kind]}: ${response.why}`);
  if (thread.excerpt) lines.push(`  ${label('excerpt')} ${toTerminalText(thread.excerpt, 160)}`);
  lines.push(
    `  ${label('thread')} ${thread.id} (${thread.state}); reply draft: bulssi draft --thread ${thread.id}`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Local mode: alerts printed to a stream (stdout), coloured when it is a terminal. At least once: a crash
 * after printing and before the alert is recorded as sent prints that alert again on the next scan.
 */
export function createConsoleNotifier(
  stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
  options: { timeZone?: string } = {},
): Notifier {
  const format: AlertFormat = { color: Boolean(stream.isTTY) };
  if (options.timeZone) format.timeZone = options.timeZone;
  return {
    async notify(thread, context) {
      stream.write(`${formatAlert(thread, context, format)}\n`);
    },
  };
}
