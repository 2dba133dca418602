import type { Category, Level } from '../config/schema.js';
import type { AddSourceRefusal } from '../core/custom-sources.js';
import type { BlockedKind } from '../http/address-ranges.js';
import type { ResponseKind } from '../core/risk/response.js';
import type { Stage } from '../core/risk/stage.js';
import type { ResolutionOutcome, ThreadState } from '../core/thread-schema.js';
import { en } from './i18n-en.js';
import { ko } from './i18n-ko.js';

export type Locale = 'ko' | 'en';

/**
 * Every string Bulssi shows in Slack, in Korean and English. Values are mrkdwn-safe constants; functions
 * take already-escaped fragments (mentions, links) so no scraped text passes through here unescaped.
 */
export interface Strings {
  level: Record<Level, string>;
  category: Record<Category, string>;
  state: Record<ThreadState, string>;
  outcome: Record<ResolutionOutcome, string>;
  button: { ack: string; draft: string; escalate: string; resolve: string; dismiss: string };
  alert: {
    source: string;
    author: string;
    published: string;
    counts: string;
    noCounts: string;
    views: string;
    comments: string;
    likes: string;
    shares: string;
    growth: (delta: string) => string;
    why: string;
    excerpt: string;
    noTitle: string;
    score: string;
    thread: string;
    stateLine: (state: string, who: string, when: string) => string;
    collapsed: (who: string, when: string) => string;
    peak: (level: string) => string;
    assignee: string;
  };
  reply: {
    acknowledged: (who: string) => string;
    escalated: (who: string, targets: string, level: string) => string;
    resolved: (who: string, outcome: string) => string;
    dismissed: (who: string) => string;
    draftForReview: (who: string) => string;
    note: string;
    escalationDm: (who: string, title: string, link: string) => string;
    levelRose: (from: string, to: string) => string;
    /** The reviewed draft could not go into the thread; the agent's text follows. */
    draftNotPosted: string;
  };
  followup: {
    reason: Record<'ack_overdue' | 'response_overdue' | 'open_too_long', string>;
    /** A deadline reminder in the alert's thread; `who` is the assignee's mention or '' (the channel). */
    reminder: (reason: string, due: string, who: string) => string;
    escalation: (step: number, reason: string, targets: string) => string;
    escalationDm: (title: string, reason: string, link: string) => string;
    snooze30m: string;
    snooze2h: string;
    snoozeTomorrow: (time: string) => string;
    snoozed: (who: string, until: string) => string;
    /** `gains` like "+120 comments"; `stage` is '' or the new stage's name. */
    /** `sites` is the number of sites now carrying the story when that grew, else 0. */
    grew: (gains: string, minutes: number, stage: string, sites: number) => string;
    relapsed: (gains: string) => string;
    reportTitle: (days: number) => string;
    /** Duration units, spacing included. */
    units: { min: string; h: string; d: string };
    /** Figures already formatted ("42 min", "48.5%"). */
    reportLines: (r: {
      mentions: number;
      risky: number;
      share: string;
      open: number;
      levels: string;
      categories: string;
      ackMedian: string;
      ackP90: string;
      resolveMedian: string;
      resolveP90: string;
    }) => string;
    digestTitle: string;
    digestCounts: (newThreads: number, open: number, resolved: number, overdue: number) => string;
    digestOverdue: string;
    digestTop: string;
  };
  refuse: {
    notAllowed: string;
    notFound: (id: string) => string;
    already: (state: string) => string;
    failed: string;
    /** A button from a message Bulssi no longer knows. */
    unknown: string;
  };
  modal: {
    cancel: string;
    draftTitle: string;
    draftSubmit: string;
    draftLabel: string;
    draftHint: string;
    escalateTitle: string;
    escalateSubmit: string;
    escalateUsers: string;
    escalateGroups: string;
    escalateLevel: string;
    escalateNote: string;
    escalateNeedTarget: string;
    resolveTitle: string;
    resolveSubmit: string;
    resolveOutcome: string;
    resolveNote: string;
  };
  /** The tone check in the Draft apology modal and under a draft posted for review. */
  tone: {
    clean: string;
    found: (count: number) => string;
    /** One finding; `quoted` is the flagged wording already escaped, empty for something missing. */
    item: (quoted: string, why: string, suggestion: string) => string;
    /** Under a draft posted for review with findings left. */
    left: (count: number) => string;
    submitAgain: string;
    channel: (channel: string, limit: number) => string;
    personalising: string;
    personalised: string;
    /** Heading of the personalised version offered under the agent's text. */
    offered: string;
    /** Button that puts the offered version in the text box. */
    useOffer: string;
    modelFallback: (why: string) => string;
  };
  command: {
    help: string;
    statusTitle: string;
    statusNone: string;
    byLevel: string;
    byState: string;
    oldestFirst: string;
    age: (minutes: number) => string;
    scanStarted: string;
    scanBusy: string;
    scanDone: (
      sources: number,
      failed: number,
      matched: number,
      newThreads: number,
      alerts: number,
      seconds: string,
    ) => string;
    scanFailed: string;
    sourcesTitle: string;
    sourcesNone: string;
    sourceLine: (ok: boolean, items: number, matched: number, when: string) => string;
    lastError: string;
    watchTitle: string;
    watchBrand: string;
    watchAliases: string;
    watchExclude: string;
    watchEditConfig: string;
    watchAddedInSlack: string;
    watchRemovedInSlack: string;
    watchUsage: string;
    watchAdded: (term: string) => string;
    watchRemoved: (term: string) => string;
    watchRefused: Record<'empty' | 'too_long' | 'already_watched' | 'not_watched' | 'brand_name', string>;
    resolveUsage: string;
    resolved: (id: string) => string;
  };
  /** `/crisis source add|remove`, and the feeds added from Slack as listed by `/crisis sources`. */
  source: {
    usage: string;
    /** `url` already escaped; `items`: how many the feed had when it was read on adding (unknown when not read). */
    added: (id: string, url: string, items?: number) => string;
    /** The feed could not be fetched or parsed; `error` already escaped. */
    unreadable: (url: string, error: string) => string;
    removed: (id: string, url: string) => string;
    refused: Record<AddSourceRefusal | 'not_found' | 'configured' | 'unresolved', string>;
    /** The host is, or resolves to, `address`, of kind `kind` (already a label from `addressKind`). */
    blocked: (url: string, kind: string, address: string) => string;
    addressKind: Record<BlockedKind, string>;
    addedTitle: string;
    addedLine: (id: string, name: string, url: string, who: string, when: string) => string;
  };
  home: {
    title: string;
    open: string;
    none: string;
    overdue: string;
    noOverdue: string;
    sources: string;
    noSources: string;
    updated: (when: string) => string;
  };
  /** Heading of the draft apology inside the template (in the post's language). */
  notice: string;
  stage: { label: string; names: Record<Stage, string>; of: (stage: Stage) => string };
  response: { label: string; kinds: Record<ResponseKind, string> };
}

const STRINGS: Record<Locale, Strings> = { ko, en };

/** The strings for a locale; Korean is the default. */
export function stringsFor(locale: Locale = 'ko'): Strings {
  return STRINGS[locale];
}
