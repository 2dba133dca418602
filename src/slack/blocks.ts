import type { types } from '@slack/bolt';
import type { Level } from '../config/schema.js';
import { assessThread } from '../core/risk/assess-thread.js';
import { isOpen, lastEvent } from '../core/thread.js';
import type { MetricsSnapshot, Thread } from '../core/thread-schema.js';
import { ACTION, ALERT_ACTIONS_BLOCK } from './ids.js';
import type { Strings } from './i18n.js';
import { LIMITS, mention, mrkdwnLink, plainText, safeText, slackDate, truncate } from './mrkdwn.js';

type KnownBlock = types.KnownBlock;

/** A message ready for chat.postMessage / chat.update: blocks plus the notification and accessibility text. */
export interface SlackMessageContent {
  text: string;
  blocks: KnownBlock[];
}

const LEVEL_EMOJI: Record<Level, string> = {
  critical: '🚨',
  high: '🔴',
  medium: '🟠',
  low: '🟡',
  none: '⚪',
};
const METRICS = ['views', 'comments', 'likes', 'shares'] as const;

/** The level a thread is shown at: its current score's, or higher when someone escalated it. */
export function shownLevel(thread: Thread): Level {
  return thread.state === 'escalated' ? thread.peakLevel : thread.risk.level;
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

/** "views 1,234 · comments 56" and, when counts grew since first seen, "+1,200 views · +50 comments". */
export function formatCounts(
  metrics: readonly MetricsSnapshot[],
  s: Strings,
): { now: string; growth?: string } {
  const first = metrics[0];
  const last = metrics.at(-1);
  if (!last) return { now: s.alert.noCounts };
  const now: string[] = [];
  const growth: string[] = [];
  for (const key of METRICS) {
    const value = last[key];
    if (value === undefined) continue;
    now.push(`${s.alert[key]} ${formatNumber(value)}`);
    const before = first?.[key];
    if (before !== undefined && value > before && first !== last)
      growth.push(`+${formatNumber(value - before)} ${s.alert[key]}`);
  }
  const result: { now: string; growth?: string } = {
    now: now.length > 0 ? now.join(' · ') : s.alert.noCounts,
  };
  if (growth.length > 0) result.growth = s.alert.growth(growth.join(' · '));
  return result;
}

function button(
  text: string,
  actionId: string,
  threadId: string,
  style?: 'primary' | 'danger',
): types.Button {
  const element: types.Button = {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value: truncate(threadId, LIMITS.buttonValue),
  };
  if (style) element.style = style;
  return element;
}

/** The five buttons; Acknowledge only while nobody has. */
export function buildAlertActions(thread: Thread, s: Strings): types.ActionsBlock {
  const elements: types.Button[] = [];
  if (thread.state === 'open') elements.push(button(s.button.ack, ACTION.ack, thread.id, 'primary'));
  elements.push(
    button(s.button.draft, ACTION.draft, thread.id),
    button(s.button.escalate, ACTION.escalate, thread.id, 'danger'),
    button(s.button.resolve, ACTION.resolve, thread.id),
    button(s.button.dismiss, ACTION.dismiss, thread.id),
  );
  return { type: 'actions', block_id: ALERT_ACTIONS_BLOCK, elements };
}

function stateLine(thread: Thread, s: Strings): string | undefined {
  if (thread.state === 'open') return undefined;
  const event = lastEvent(thread, thread.state === 'escalated' ? 'escalated' : thread.state);
  const who = event?.by ? mention(event.by) : '';
  const when = event ? slackDate(event.at) : '';
  let line = s.alert.stateLine(s.state[thread.state], who, when);
  if (thread.state === 'resolved' && thread.resolution) line += ` · ${s.outcome[thread.resolution.outcome]}`;
  if (thread.assignee && thread.state !== 'resolved')
    line += ` · ${s.alert.assignee} ${mention(thread.assignee)}`;
  return line;
}

/** Fallback text: what notifications, screen readers and old clients show. Scraped title escaped. */
export function alertFallbackText(thread: Thread, s: Strings): string {
  const level = s.level[shownLevel(thread)];
  const title = safeText(thread.title || s.alert.noTitle, 200);
  return `[${level}] ${s.category[thread.risk.category]}: ${title} (${s.state[thread.state]})`;
}

/**
 * The alert for one thread. Pure: the same thread renders the same blocks, so chat.update after each
 * action only needs the stored thread. Closed as "not a crisis" it collapses to two lines.
 */
export function buildAlertMessage(
  thread: Thread,
  context: { sourceName: string; strings: Strings },
): SlackMessageContent {
  const s = context.strings;
  const level = shownLevel(thread);
  const titleLink = mrkdwnLink(thread.url, thread.title || s.alert.noTitle, 500);
  const text = alertFallbackText(thread, s);

  if (thread.state === 'dismissed') {
    const event = lastEvent(thread, 'dismissed');
    return {
      text,
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: truncate(`⚪ ~${titleLink}~`, LIMITS.sectionText) },
        },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: truncate(
                `${s.alert.collapsed(event?.by ? mention(event.by) : '', event ? slackDate(event.at) : '')} · \`${thread.id}\``,
                LIMITS.contextText,
              ),
            },
          ],
        },
      ],
    };
  }

  const headerPrefix = thread.state === 'resolved' ? '✅' : LEVEL_EMOJI[level];
  const header = plainText(
    `${headerPrefix} ${s.level[level]} · ${s.category[thread.risk.category]}${thread.state === 'resolved' ? ` · ${s.state.resolved}` : ''}`,
  );
  const byline = [`${s.alert.source}: ${safeText(context.sourceName, 200)}`];
  if (thread.author) byline.push(`${s.alert.author}: ${safeText(thread.author, 100)}`);
  if (thread.publishedAt) byline.push(`${s.alert.published}: ${slackDate(thread.publishedAt)}`);

  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(header, LIMITS.header), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: truncate(`*${titleLink}*`, LIMITS.sectionText) } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(byline.join(' · '), LIMITS.contextText) }],
    },
  ];
  if (thread.excerpt) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `> ${safeText(thread.excerpt, LIMITS.sectionText - 2)}` },
    });
  }
  const counts = formatCounts(thread.metrics, s);
  const peak = thread.peakLevel !== level ? ` (${s.alert.peak(s.level[thread.peakLevel])})` : '';
  blocks.push({
    type: 'section',
    fields: [
      {
        type: 'mrkdwn',
        text: truncate(
          `*${s.alert.counts}*\n${counts.now}${counts.growth ? `\n${counts.growth}` : ''}`,
          2000,
        ),
      },
      { type: 'mrkdwn', text: `*${s.alert.score}*\n${thread.risk.score}/100${peak}` },
    ],
  });
  const { stage, response } = assessThread(thread);
  blocks.push({
    type: 'section',
    fields: [
      {
        type: 'mrkdwn',
        text: `*${s.stage.label}*\n${s.stage.of(stage.stage)} · ${s.stage.names[stage.stage]}`,
      },
      { type: 'mrkdwn', text: `*${s.response.label}*\n${s.response.kinds[response.kind]}` },
    ],
  });
  if (thread.risk.reasons.length > 0) {
    const reasons = thread.risk.reasons.slice(0, 10).map((r) => `• ${safeText(r, 280)}`);
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(`*${s.alert.why}*\n${reasons.join('\n')}`, LIMITS.sectionText) },
    });
  }
  const state = stateLine(thread, s);
  const note = thread.state === 'resolved' ? thread.resolution?.note : undefined;
  const contextText = [state, note ? safeText(note, 500) : undefined, `${s.alert.thread} \`${thread.id}\``]
    .filter(Boolean)
    .join(' · ');
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: truncate(contextText, LIMITS.contextText) }],
  });
  if (isOpen(thread)) blocks.push(buildAlertActions(thread, s));
  return { text, blocks: blocks.slice(0, LIMITS.messageBlocks) };
}

/** A reply in the alert's thread: one line, optionally followed by a quoted note (escaped; people type it). */
export function buildThreadReply(line: string, note: string | undefined, s: Strings): SlackMessageContent {
  const body = note ? `${line}\n*${s.reply.note}:* ${safeText(note, 2500)}` : line;
  return {
    text: truncate(body, LIMITS.messageText),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(body, LIMITS.sectionText) } }],
  };
}
