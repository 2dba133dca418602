import type { App, RespondFn } from '@slack/bolt';
import { dailySeries } from '../../../core/followup/daily-series.js';
import { buildReport } from '../../../core/followup/report.js';
import { uploadReportChart } from '../../report-chart.js';
import type { Thread } from '../../../core/thread-schema.js';
import { redactSecrets } from '../../../logger.js';
import type { SourceStatus } from '../../../store/store.js';
import { applyThreadAction } from '../../apply-action.js';
import type { SlackDeps } from '../../deps.js';
import { buildReportMessage } from '../../followup-messages.js';
import { COMMAND } from '../../ids.js';
import { mention, safeText } from '../../mrkdwn.js';
import { buildSourcesMessage, buildStatusMessage } from '../../status-blocks.js';
import { showChange } from '../shared.js';
import { handleSource } from './source.js';
import { handleWatch } from './watch.js';
import { threadsFirstSeenSince } from '../../../store/threads-first-seen.js';

/** Open threads and every thread's state, which is all the status needs: read from the store's indexes. */
async function statusMessage(deps: SlackDeps) {
  const open: Thread[] = [];
  for await (const thread of deps.store.openThreads()) open.push(thread);
  return buildStatusMessage(open, deps.now(), deps.strings, await deps.store.countThreadsByState());
}

async function allSourceStatuses(deps: SlackDeps): Promise<SourceStatus[]> {
  const statuses: SourceStatus[] = [];
  for await (const status of deps.store.sourceStatuses()) statuses.push(status);
  return statuses.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * `/crisis status|scan|watch|sources|source|resolve|report|help`. Replies are private (ephemeral, through the
 * response_url); anything unknown gets the help. Scan and resolve are for people who may act.
 */
export function registerCommands(app: App, deps: SlackDeps): void {
  const s = deps.strings;
  app.command(COMMAND, async ({ ack, command, respond, client }) => {
    await ack();
    const say: RespondFn = (message) =>
      respond(
        typeof message === 'string'
          ? { response_type: 'ephemeral', text: message }
          : { response_type: 'ephemeral', ...message },
      );
    const [sub = 'help', ...rest] = command.text.trim().split(/\s+/).filter(Boolean);
    const user = command.user_id;
    switch (sub.toLowerCase()) {
      case 'status':
        await say(await statusMessage(deps));
        return;
      case 'sources': {
        const added = await deps.store.getCustomSources();
        const names = new Map(added.map((c) => [c.id, c.name ?? new URL(c.url).host]));
        const sourceName = (id: string) => names.get(id) ?? deps.sourceName(id);
        await say(buildSourcesMessage(await allSourceStatuses(deps), sourceName, s, added));
        return;
      }
      case 'source':
        await say(await handleSource(deps, rest, user));
        return;
      case 'report': {
        const days = rest[0]?.toLowerCase() === 'month' ? 30 : 7;
        const until = deps.now();
        const period = {
          since: new Date(until.getTime() - days * 86_400_000).toISOString(),
          until: until.toISOString(),
          threshold: deps.config.alert.threshold,
        };
        const threads = await threadsFirstSeenSince(deps.store, period.since);
        const report = buildReport(threads, period);
        await say(buildReportMessage(report, days, s));
        // The chart goes to the alert channel, where the team reads reports: only for people who may act there.
        if (!(await deps.mayAct(user))) return;
        const channel = deps.config.slack.channel ?? command.channel_id;
        const points = dailySeries(threads, { ...period, timeZone: deps.config.schedule.timezone });
        await uploadReportChart(client, deps.logger, { channel, points, comment: `<@${user}>` });
        return;
      }
      case 'watch':
        await say(await handleWatch(deps, rest, user));
        return;
      case 'scan': {
        if (!deps.scan) break;
        if (!(await deps.mayAct(user))) {
          await say(s.refuse.notAllowed);
          return;
        }
        await say(deps.isScanning?.() ? s.command.scanBusy : s.command.scanStarted);
        try {
          const summary = await deps.scan();
          const failed = summary.sources.filter((r) => !r.ok).length;
          await say(
            s.command.scanDone(
              summary.sources.length,
              failed,
              summary.matched,
              summary.newThreads,
              summary.alerts.length,
              (summary.durationMs / 1000).toFixed(1),
            ),
          );
        } catch (error) {
          deps.logger.error({ err: error }, 'scan from /crisis failed');
          await say(`${s.command.scanFailed} ${safeText(redactSecrets(String(error)), 300)}`);
        }
        return;
      }
      case 'resolve': {
        const [id, ...noteWords] = rest;
        if (!id) {
          await say(s.command.resolveUsage);
          return;
        }
        if (!(await deps.mayAct(user))) {
          await say(s.refuse.notAllowed);
          return;
        }
        const note = noteWords.join(' ') || undefined;
        const result = await applyThreadAction(
          deps.store,
          id,
          { type: 'resolve', by: user, ...(note ? { note } : {}) },
          deps.now(),
        );
        if (!result.ok) {
          await say(
            result.reason === 'not_found'
              ? s.refuse.notFound(safeText(id, 40))
              : s.refuse.already(s.state[result.thread.state]),
          );
          return;
        }
        await showChange(deps, result.thread, s.reply.resolved(mention(user), s.state.resolved), note);
        await say(s.command.resolved(result.thread.id));
        return;
      }
      default:
        break;
    }
    await say(s.command.help);
  });
}
