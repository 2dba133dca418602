import type { types, webApi } from '@slack/bolt';
import type { Digest } from '../core/followup/digest.js';
import { formatMinutes, type Report } from '../core/followup/report.js';
import { LEVELS } from '../config/schema.js';
import type { SnoozeChoice } from '../core/followup/snooze.js';
import type { Thread } from '../core/thread-schema.js';
import {
  type Escalation,
  type FollowupNotifier,
  formatGains,
  minutesBetween,
  type Reminder,
} from '../followup/followup-notifier.js';
import type { Logger } from '../logger.js';
import { uploadReportChart } from './report-chart.js';
import type { Store } from '../store/store.js';
import type { AlertMessages } from './alert-messages.js';
import type { SlackMessageContent } from './blocks.js';
import { expandTargets, permalinkFor, sendDms } from './escalation-dm.js';
import type { Strings } from './i18n.js';
import { SNOOZE_ACTION_PREFIX, SNOOZE_BLOCK } from './ids.js';
import { groupMention, LIMITS, mention, mrkdwnLink, slackDate, truncate } from './mrkdwn.js';
import { threadLine } from './status-blocks.js';

const isGroup = (id: string) => id.startsWith('S');
const mentionAny = (id: string) => (isGroup(id) ? groupMention(id) : mention(id));

function snoozeButton(thread: Thread, choice: SnoozeChoice, text: string): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText), emoji: true },
    action_id: `${SNOOZE_ACTION_PREFIX}_${choice}`,
    value: `${thread.id}:${choice}`,
  };
}

/** A deadline reminder for the alert's thread, with the three Snooze buttons. Pure. */
export function buildReminder(
  thread: Thread,
  reminder: Reminder,
  s: Strings,
  morning: string,
): SlackMessageContent {
  const who = reminder.targets.map(mention).join(' ');
  const line = s.followup.reminder(s.followup.reason[reminder.reason], slackDate(reminder.dueAt), who);
  return {
    text: truncate(line, LIMITS.messageText),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: truncate(line, LIMITS.sectionText) } },
      {
        type: 'actions',
        block_id: SNOOZE_BLOCK,
        elements: [
          snoozeButton(thread, '30m', s.followup.snooze30m),
          snoozeButton(thread, '2h', s.followup.snooze2h),
          snoozeButton(thread, 'tomorrow', s.followup.snoozeTomorrow(morning)),
        ],
      },
    ],
  };
}

/** The reply that pages one step of the escalation ladder. Pure. */
export function buildEscalationReply(escalation: Escalation, s: Strings): SlackMessageContent {
  const line = s.followup.escalation(
    escalation.step + 1,
    s.followup.reason[escalation.reason],
    escalation.targets.map(mentionAny).join(' '),
  );
  return {
    text: truncate(line, LIMITS.messageText),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(line, LIMITS.sectionText) } }],
  };
}

/** The morning digest for the alert channel. Pure. */
export function buildDigestMessage(digest: Digest, s: Strings): SlackMessageContent {
  const now = new Date(digest.until);
  const counts = s.followup.digestCounts(
    digest.newThreads,
    digest.open,
    digest.resolved,
    digest.overdue.length,
  );
  const list = (title: string, threads: Digest['top']): types.KnownBlock[] =>
    threads.length === 0
      ? []
      : [
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: truncate(
                `*${title}*\n${threads.map((t) => threadLine(t, now, s)).join('\n')}`,
                LIMITS.sectionText,
              ),
            },
          },
        ];
  return {
    text: `${s.followup.digestTitle}: ${counts.replaceAll('*', '')}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: s.followup.digestTitle, emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: counts } },
      ...list(s.followup.digestOverdue, digest.overdue.slice(0, 10)),
      ...list(s.followup.digestTop, digest.top),
    ],
  };
}

/** The report for `/crisis report`, in the workspace's language. Pure. */
export function buildReportMessage(report: Report, days: number, s: Strings): SlackMessageContent {
  const levels = [...LEVELS]
    .reverse()
    .filter((l) => l !== 'none' && report.byLevel[l] > 0)
    .map((l) => `${s.level[l]} ${report.byLevel[l]}`);
  const categories = Object.entries(report.byCategory).map(
    ([c, n]) => `${s.category[c as keyof Strings['category']]} ${n}`,
  );
  const body = s.followup.reportLines({
    mentions: report.mentions,
    risky: report.risky,
    share: report.riskyShare === null ? '-' : `${Math.round(report.riskyShare * 1000) / 10}%`,
    open: report.open,
    levels: levels.join(', ') || '-',
    categories: categories.join(', ') || '-',
    ackMedian: formatMinutes(report.timeToAcknowledge.medianMinutes, s.followup.units),
    ackP90: formatMinutes(report.timeToAcknowledge.p90Minutes, s.followup.units),
    resolveMedian: formatMinutes(report.timeToResolve.medianMinutes, s.followup.units),
    resolveP90: formatMinutes(report.timeToResolve.p90Minutes, s.followup.units),
  });
  const title = s.followup.reportTitle(days);
  return {
    text: `${title}\n${body}`.replaceAll('*', ''),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title, emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: truncate(body, LIMITS.sectionText) } },
    ],
  };
}

export interface SlackFollowupDeps {
  /** The alert channel, where the digest goes. */
  channel: string;
  client: webApi.WebClient;
  store: Store;
  messages: AlertMessages;
  strings: Strings;
  logger: Logger;
  /** Local time "until tomorrow" snoozes to, shown on the button. */
  morning: string;
}

/**
 * Slack mode: reminders are replies in the alert's thread with Snooze buttons; an escalation step is a
 * reply mentioning the step's people and groups, plus a direct message to those not pulled in before
 * (group members included), like the Escalate button does.
 */
export function createSlackFollowupNotifier(deps: SlackFollowupDeps): FollowupNotifier {
  const s = deps.strings;
  return {
    async remind(thread, reminder) {
      await deps.messages.reply(thread, buildReminder(thread, reminder, s, deps.morning));
    },
    async escalate(thread, escalation) {
      await deps.messages.reply(thread, buildEscalationReply(escalation, s));
      const fresh = escalation.fresh;
      if (fresh.length === 0) return;
      const recipients = await expandTargets(
        deps.client,
        deps,
        fresh.filter((id) => !isGroup(id)),
        fresh.filter(isGroup),
      );
      const link = await permalinkFor(deps.client, deps, thread);
      const dm = s.followup.escalationDm(
        mrkdwnLink(thread.url, thread.title || thread.url, 300),
        s.followup.reason[escalation.reason],
        link,
      );
      await sendDms(deps.client, deps.logger, recipients, dm);
    },
    async grew(thread, news) {
      const gains = news.jumped
        ? formatGains(news, { comments: s.alert.comments, views: s.alert.views })
        : '';
      const stage = news.stageTo > news.stageFrom ? s.stage.names[news.stageTo] : '';
      const sites = news.sitesTo > news.sitesFrom ? news.sitesTo : 0;
      // A rising level is said (in the channel too) when the alert is refreshed after the scan.
      if (!gains && !stage && !sites) {
        await deps.messages.refresh(thread);
        return;
      }
      const line = s.followup.grew(
        gains,
        minutesBetween(news.since, new Date(thread.lastSeenAt)),
        stage,
        sites,
      );
      await deps.messages.refresh(thread);
      await deps.messages.reply(thread, {
        text: line,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: line } }],
      });
    },
    async report(report, daily) {
      const content = buildReportMessage(report, 7, s);
      await deps.client.chat.postMessage({
        channel: deps.channel,
        text: content.text,
        blocks: content.blocks,
      });
      if (daily) await uploadReportChart(deps.client, deps.logger, { channel: deps.channel, points: daily });
    },
    async digest(digest) {
      const content = buildDigestMessage(digest, s);
      await deps.client.chat.postMessage({
        channel: deps.channel,
        text: content.text,
        blocks: content.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    },
    async relapsed(thread, relapse) {
      const line = s.followup.relapsed(
        formatGains(relapse, { comments: s.alert.comments, views: s.alert.views }),
      );
      await deps.messages.refresh(thread);
      await deps.messages.reply(
        thread,
        { text: line, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: line } }] },
        { broadcast: true },
      );
    },
  };
}
