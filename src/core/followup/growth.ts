import type { FollowupConfig } from '../../config/followup-schema.js';
import { LEVELS, type Level } from '../../config/schema.js';
import { assessStage, type Stage } from '../risk/stage.js';
import { ALSO_ON } from '../story.js';
import { isAtLeast, isOpen, recordEvent, transition } from '../thread.js';
import type { MetricsSnapshot, Thread } from '../thread-schema.js';

/** What changed in a thread worth telling its people: counts gained over a window, and the stage reached. */
export interface GrowthNews {
  /** Counts gained since `since` (ISO 8601), the baseline snapshot. */
  since: string;
  comments: number;
  views: number;
  stageFrom: Stage;
  stageTo: Stage;
  /** Sites carrying the story when last told (or at the alert) and now. */
  sitesFrom: number;
  sitesTo: number;
  /** The level last told (at the alert or the last report) and the level now. */
  levelFrom: Level;
  levelTo: Level;
  /** True when the counts jumped past the rule's thresholds (not only the stage or the level). */
  jumped: boolean;
}

/** Thresholds for a jump: gains within `windowMinutes`, reported at most once per `cooldownMinutes` unless the stage advances. */
export interface GrowthRule {
  comments: number;
  views: number;
  windowMinutes: number;
  cooldownMinutes: number;
}

export const DEFAULT_GROWTH_RULE: GrowthRule = {
  comments: 20,
  views: 1000,
  windowMinutes: 60,
  cooldownMinutes: 60,
};

const MINUTE = 60_000;

function stageOf(thread: Thread, metrics: readonly MetricsSnapshot[], sites: number): Stage {
  return assessStage({
    text: `${thread.title}\n${thread.excerpt}`,
    category: thread.risk.category,
    metrics,
    sites,
    fromNews: thread.media === true,
  }).stage;
}

/** Sites carrying the story now (see the scan's same-story linking). */
function sitesOf(thread: Thread): number {
  return Math.max(1, thread.sites?.length ?? 1);
}

/** Sites the story reached after `at`, from the "also on" entries in the timeline. */
function sitesAddedAfter(thread: Thread, at: string): number {
  return thread.events.filter((e) => e.type === 'seen' && e.at > at && e.note?.startsWith(ALSO_ON)).length;
}

function gained(
  from: MetricsSnapshot | undefined,
  to: MetricsSnapshot | undefined,
  key: 'comments' | 'views',
) {
  const a = from?.[key];
  const b = to?.[key];
  return a !== undefined && b !== undefined ? Math.max(0, b - a) : 0;
}

/** The snapshot counts are measured from: the latest one at least `windowMinutes` old, else the first. */
function baseline(metrics: readonly MetricsSnapshot[], now: number, windowMinutes: number) {
  const cutoff = new Date(now - windowMinutes * MINUTE).toISOString();
  return metrics.findLast((m) => m.at <= cutoff) ?? metrics[0];
}

/**
 * News about an open, alerted thread: comments or views jumped within the window, or its stage advanced past
 * the one last reported (or the one it had when alerted). Undefined when there is nothing new, and during
 * the cooldown after a report unless the stage advanced. Pure.
 */
export function growthNews(
  thread: Thread,
  now: number,
  rule: GrowthRule = DEFAULT_GROWTH_RULE,
): GrowthNews | undefined {
  if (!isOpen(thread) || thread.alert?.status !== 'sent') return undefined;
  const last = thread.metrics.at(-1);
  const base = baseline(thread.metrics, now, rule.windowMinutes);
  if (!last || !base) return undefined;
  const reported = thread.events.findLast((e) => e.type === 'grew');
  const alertedAt = thread.alert.at;
  const told = /^stage=(\d)(?:;level=(\w+))?(?:;sites=(\d+))?/.exec(reported?.note ?? '');
  const sitesTo = sitesOf(thread);
  const sitesFrom = told?.[3] ? Number(told[3]) : Math.max(1, sitesTo - sitesAddedAfter(thread, alertedAt));
  const stageFrom: Stage = told
    ? (Number(told[1]) as Stage)
    : stageOf(
        thread,
        thread.metrics.filter((m) => m.at <= alertedAt),
        sitesFrom,
      );
  const stageTo = stageOf(thread, thread.metrics, sitesTo);
  const toldLevel = LEVELS.find((l) => l === told?.[2]);
  const levelFrom: Level = toldLevel ?? thread.alert.level;
  const comments = gained(base, last, 'comments');
  const views = gained(base, last, 'views');
  const news: GrowthNews = {
    since: base.at,
    comments,
    views,
    stageFrom,
    stageTo,
    sitesFrom,
    sitesTo,
    levelFrom,
    levelTo: thread.risk.level,
    jumped: comments >= rule.comments || views >= rule.views,
  };
  if (stageTo > stageFrom || sitesTo > sitesFrom) return news;
  // Crossing into high or critical is told at once.
  if (!isAtLeast(levelFrom, news.levelTo) && isAtLeast(news.levelTo, 'high')) return news;
  // A reopening for a relapse told the spike already: it counts as a report.
  const reopened = thread.events.findLast((e) => e.type === 'reopened')?.at;
  const toldAt = [reported?.at, reopened]
    .filter((t): t is string => t !== undefined)
    .sort()
    .at(-1);
  if (toldAt && Date.parse(toldAt) + rule.cooldownMinutes * MINUTE > now) return undefined;
  // Only growth observed after the last report (or the alert) counts as new.
  if (last.at <= (toldAt ?? alertedAt)) return undefined;
  if (news.jumped) return news;
  return undefined;
}

/** Records a growth report, so the same jump is not told twice. */
export function recordGrowth(thread: Thread, news: GrowthNews, now: string): Thread {
  return recordEvent(thread, {
    at: now,
    type: 'grew',
    by: 'bulssi',
    note: `stage=${news.stageTo};level=${news.levelTo};sites=${news.sitesTo}`,
  });
}

/** A new spike on a resolved thread: counts gained since it was resolved. */
export interface Relapse {
  resolvedAt: string;
  comments: number;
  views: number;
}

/**
 * A resolved thread still inside the relapse window (`relapseDays` after it was resolved) whose comments grew
 * by `relapseComments` or whose views grew by ten times that since, has relapsed. A post that was already big
 * when resolved must also grow by half of what it had then (a 50,000-view post gaining a few thousand views is
 * a popular post being read, not a new spike). Pure.
 */
export function detectRelapse(
  thread: Thread,
  now: number,
  followup: Pick<FollowupConfig, 'relapseDays' | 'relapseComments'>,
): Relapse | undefined {
  if (thread.state !== 'resolved' || followup.relapseDays === 0) return undefined;
  const resolvedAt = thread.events.findLast((e) => e.type === 'resolved')?.at ?? thread.resolution?.at;
  if (!resolvedAt || Date.parse(resolvedAt) + followup.relapseDays * 1440 * MINUTE < now) return undefined;
  const before = thread.metrics.findLast((m) => m.at <= resolvedAt) ?? thread.metrics[0];
  const last = thread.metrics.at(-1);
  if (!before || !last || last.at <= resolvedAt) return undefined;
  const relapse = {
    resolvedAt,
    comments: gained(before, last, 'comments'),
    views: gained(before, last, 'views'),
  };
  const needed = (key: 'comments' | 'views', base: number) =>
    Math.max(base, Math.ceil((before[key] ?? 0) / 2));
  return relapse.comments >= needed('comments', followup.relapseComments) ||
    relapse.views >= needed('views', followup.relapseComments * 10)
    ? relapse
    : undefined;
}

/** Reopens a relapsed thread; its deadlines start again from now. */
export function reopenForRelapse(thread: Thread, relapse: Relapse, now: string): Thread {
  return transition(
    thread,
    {
      type: 'reopen',
      note: `relapse: +${relapse.comments} comments, +${relapse.views} views since resolved`,
    },
    now,
  );
}
