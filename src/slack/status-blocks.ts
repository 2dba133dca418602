import type { types } from '@slack/bolt';
import { LEVELS, type Level } from '../config/schema.js';
import { isOpen } from '../core/thread.js';
import { THREAD_STATES, type Thread, type ThreadState } from '../core/thread-schema.js';
import type { CustomSource, SourceStatus } from '../store/store.js';
import { shownLevel, type SlackMessageContent } from './blocks.js';
import type { Strings } from './i18n.js';
import { LIMITS, mention, mrkdwnLink, safeText, slackDate, truncate } from './mrkdwn.js';

type KnownBlock = types.KnownBlock;

/** How long a thread may stay unacknowledged at each level before it is overdue, minutes. */
export const RESPONSE_MINUTES: Record<Level, number> = {
  critical: 15,
  high: 60,
  medium: 240,
  low: 1440,
  none: 4320,
};

const LEVELS_DOWN = [...LEVELS].reverse();

function minutesSince(iso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 60_000));
}

/** When the clock started for a thread: its alert, else when it was first seen. */
function alertedAt(thread: Thread): string {
  return thread.alert?.at ?? thread.firstSeenAt;
}

/** ISO 8601 instants in the same zone sort as plain strings; localeCompare would cost more at 10,000 threads. */
function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Open threads, unacknowledged first, then oldest first. */
export function sortForTriage(threads: readonly Thread[]): Thread[] {
  return threads
    .filter(isOpen)
    .sort(
      (a, b) =>
        Number(b.state === 'open') - Number(a.state === 'open') || compareIso(alertedAt(a), alertedAt(b)),
    );
}

/** Whether an open thread has missed a deadline at `now`; undefined leaves it to the built-in check. */
export type OverdueCheck = (thread: Thread, now: Date) => boolean | undefined;

/** Unacknowledged threads past their level's response time (the built-in check when none is given). */
export function overdueThreads(threads: readonly Thread[], now: Date, isOverdue?: OverdueCheck): Thread[] {
  return sortForTriage(threads).filter(
    (t) =>
      isOverdue?.(t, now) ??
      (t.state === 'open' && minutesSince(alertedAt(t), now) > RESPONSE_MINUTES[shownLevel(t)]),
  );
}

/** One open thread as a list line: level, linked title, state, age, assignee, id. */
export function threadLine(thread: Thread, now: Date, s: Strings): string {
  const who = thread.assignee ? ` · ${mention(thread.assignee)}` : '';
  return `• *${s.level[shownLevel(thread)]}* ${mrkdwnLink(thread.url, thread.title || s.alert.noTitle, 150)} · ${s.state[thread.state]} · ${s.command.age(minutesSince(alertedAt(thread), now))}${who} · \`${thread.id}\``;
}

/** Thread lines made one by one, as the sections take them. */
function* threadLines(threads: readonly Thread[], now: Date, s: Strings): Generator<string> {
  for (const thread of threads) yield threadLine(thread, now, s);
}

/** Lines packed into sections of at most 3,000 characters each; lines past the last section are never made. */
function listSections(lines: Iterable<string>, maxSections: number): KnownBlock[] {
  const sections: KnownBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + line.length + 1 > LIMITS.sectionText) {
      sections.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
      current = '';
      if (sections.length >= maxSections) return sections;
    }
    current = current ? `${current}\n${line}` : truncate(line, LIMITS.sectionText);
  }
  if (current && sections.length < maxSections)
    sections.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
  return sections;
}

function countLine(
  counts: Map<string, number>,
  labels: Record<string, string>,
  order: readonly string[],
): string {
  const parts = order.filter((k) => (counts.get(k) ?? 0) > 0).map((k) => `${labels[k]} ${counts.get(k)}`);
  return parts.length > 0 ? parts.join(' · ') : '—';
}

/**
 * `/crisis status`: counts by level (open threads) and by state (all), then open threads for triage.
 * With `stateCounts` (every stored thread's state, counted by the store), `threads` need only be the open ones.
 */
export function buildStatusMessage(
  threads: readonly Thread[],
  now: Date,
  s: Strings,
  stateCounts?: Readonly<Record<ThreadState, number>>,
): SlackMessageContent {
  const open = sortForTriage(threads);
  const byLevel = new Map<string, number>();
  for (const t of open) byLevel.set(shownLevel(t), (byLevel.get(shownLevel(t)) ?? 0) + 1);
  const byState = new Map<string, number>(stateCounts ? Object.entries(stateCounts) : []);
  if (!stateCounts) for (const t of threads) byState.set(t.state, (byState.get(t.state) ?? 0) + 1);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: s.command.statusTitle } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*${s.command.byLevel}*\n${countLine(byLevel, s.level, LEVELS_DOWN)}` },
        { type: 'mrkdwn', text: `*${s.command.byState}*\n${countLine(byState, s.state, THREAD_STATES)}` },
      ],
    },
  ];
  if (open.length === 0)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: s.command.statusNone } });
  else {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${s.command.oldestFirst}*` } });
    blocks.push(...listSections(threadLines(open, now, s), LIMITS.messageBlocks - blocks.length));
  }
  return { text: `${s.command.statusTitle}: ${open.length}`, blocks };
}

function sourceLines(
  statuses: readonly SourceStatus[],
  sourceName: (id: string) => string,
  s: Strings,
): string[] {
  return statuses.map((st) => {
    let line = `*${safeText(sourceName(st.id), 120)}* ${s.command.sourceLine(st.ok, st.items, st.matched, slackDate(st.lastRunAt))}`;
    if (st.lastError)
      line += `\n    ${s.command.lastError}: ${safeText(st.lastError, 300)}${st.lastErrorAt ? ` (${slackDate(st.lastErrorAt)})` : ''}`;
    return line;
  });
}

/** `/crisis sources`: each source's last run, item counts and last error, then the feeds added in Slack. */
export function buildSourcesMessage(
  statuses: readonly SourceStatus[],
  sourceName: (id: string) => string,
  s: Strings,
  added: readonly CustomSource[] = [],
): SlackMessageContent {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: s.command.sourcesTitle } },
  ];
  const addedBlocks = added.length > 0 ? listSections(addedLines(added, s), 5) : [];
  if (statuses.length === 0)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: s.command.sourcesNone } });
  else
    blocks.push(
      ...listSections(sourceLines(statuses, sourceName, s), LIMITS.messageBlocks - 1 - addedBlocks.length),
    );
  blocks.push(...addedBlocks);
  return { text: s.command.sourcesTitle, blocks };
}

function addedLines(added: readonly CustomSource[], s: Strings): string[] {
  return [
    `*${s.source.addedTitle}*`,
    ...added.map((c) =>
      s.source.addedLine(
        c.id,
        safeText(c.name ?? new URL(c.url).host, 80),
        safeText(c.url, 200),
        mention(c.addedBy),
        slackDate(c.addedAt),
      ),
    ),
  ];
}

/** The App Home tab: open threads by level, overdue ones, last scan per source. */
export function buildHomeView(
  threads: readonly Thread[],
  statuses: readonly SourceStatus[],
  sourceName: (id: string) => string,
  now: Date,
  s: Strings,
  isOverdue?: OverdueCheck,
): types.HomeView {
  const open = sortForTriage(threads);
  const overdue = overdueThreads(threads, now, isOverdue);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: s.home.title } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: s.home.updated(slackDate(now.toISOString())) }] },
    { type: 'header', text: { type: 'plain_text', text: `${s.home.overdue} (${overdue.length})` } },
    ...(overdue.length > 0
      ? listSections(threadLines(overdue, now, s), 10)
      : [{ type: 'section', text: { type: 'mrkdwn', text: s.home.noOverdue } } as KnownBlock]),
    { type: 'header', text: { type: 'plain_text', text: `${s.home.open} (${open.length})` } },
  ];
  if (open.length === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: s.home.none } });
  for (const level of LEVELS_DOWN) {
    const atLevel = open.filter((t) => shownLevel(t) === level);
    if (atLevel.length === 0) continue;
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*${s.level[level]}* (${atLevel.length})` },
    });
    blocks.push(
      ...listSections(
        atLevel.map((t) => threadLine(t, now, s)),
        10,
      ),
    );
  }
  blocks.push({ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: s.home.sources } });
  if (statuses.length === 0)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: s.home.noSources } });
  else blocks.push(...listSections(sourceLines(statuses, sourceName, s), 20));
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}
