import { LEVELS, type Level } from '../config/schema.js';
import { BotError } from '../errors.js';
import type { Metrics, Post } from './post.js';
import {
  EVENT_OBSERVATIONS_MAX,
  EVENT_RECORDS_MAX,
  EXCERPT_MAX,
  METRICS_HISTORY_MAX,
  type MetricsSnapshot,
  type ResolutionOutcome,
  type Risk,
  THREAD_SCHEMA_VERSION,
  type Thread,
  type ThreadEvent,
  type ThreadState,
} from './thread-schema.js';

/** True when `level` is at or above `threshold` in none < low < medium < high < critical. */
export function isAtLeast(level: Level, threshold: Level): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(threshold);
}

function maxLevel(a: Level, b: Level): Level {
  return isAtLeast(a, b) ? a : b;
}

/** Cuts text to `max` characters on a word boundary where one is near, with an ellipsis. */
export function excerptOf(text: string, max = EXCERPT_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.7 ? cut.slice(0, space) : cut}…`;
}

function snapshot(metrics: Metrics, at: string): MetricsSnapshot {
  const snap: MetricsSnapshot = { at };
  if (metrics.views !== undefined) snap.views = metrics.views;
  if (metrics.comments !== undefined) snap.comments = metrics.comments;
  if (metrics.likes !== undefined) snap.likes = metrics.likes;
  if (metrics.shares !== undefined) snap.shares = metrics.shares;
  return snap;
}

function sameCounts(a: MetricsSnapshot | undefined, b: MetricsSnapshot): boolean {
  return (
    a !== undefined &&
    a.views === b.views &&
    a.comments === b.comments &&
    a.likes === b.likes &&
    a.shares === b.shares
  );
}

/** What the scans noticed about the post; the rest of a timeline is what people and the follow-up clock did. */
const OBSERVATIONS: ReadonlySet<ThreadEvent['type']> = new Set(['seen', 'rescored', 'grew']);

/**
 * Bounds a timeline without losing what the follow-up rules read: the newest EVENT_OBSERVATIONS_MAX
 * observations and the newest EVENT_RECORDS_MAX other events are kept, in their order, so however many
 * scans see a thread, its reminders, escalation steps, drafts and reopenings stay. The newest growth report
 * is kept too, wherever it is: it says what was last told.
 */
function capEvents(events: readonly ThreadEvent[]): ThreadEvent[] {
  if (events.length <= Math.min(EVENT_OBSERVATIONS_MAX, EVENT_RECORDS_MAX)) return [...events];
  const lastGrew = events.findLastIndex((e) => e.type === 'grew');
  const kept: ThreadEvent[] = [];
  let observations = 0;
  let records = 0;
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i] as ThreadEvent;
    if (OBSERVATIONS.has(event.type)) {
      if (observations < EVENT_OBSERVATIONS_MAX || i === lastGrew) kept.push(event);
      observations += 1;
    } else {
      if (records < EVENT_RECORDS_MAX) kept.push(event);
      records += 1;
    }
  }
  return kept.reverse();
}

function addEvent(events: readonly ThreadEvent[], event: ThreadEvent): ThreadEvent[] {
  return capEvents([...events, event]);
}

/** A new thread for a post seen for the first time. `now` is ISO 8601. */
export function createThread(input: {
  id: string;
  canonicalUrl: string;
  post: Post;
  risk: Risk;
  now: string;
}): Thread {
  const { id, canonicalUrl, post, risk, now } = input;
  const thread: Thread = {
    schemaVersion: THREAD_SCHEMA_VERSION,
    id,
    canonicalUrl,
    url: post.url,
    sourceId: post.sourceId,
    postId: post.id,
    title: excerptOf(post.title, 300),
    excerpt: excerptOf(post.text),
    state: 'open',
    risk,
    peakLevel: risk.level,
    firstSeenAt: now,
    lastSeenAt: now,
    metrics: [snapshot(post.metrics, now)],
    events: [{ at: now, type: 'seen', note: post.sourceId }],
  };
  if (post.author !== undefined) thread.author = post.author;
  if (post.publishedAt !== undefined) thread.publishedAt = post.publishedAt;
  if (post.lang !== undefined) thread.lang = post.lang;
  if (post.media) thread.media = true;
  return thread;
}

/**
 * The same post seen again: refresh the text and risk, append a metrics snapshot when the counts changed.
 * Never re-alerts by itself; `needsAlert` decides that.
 */
export function observeThread(thread: Thread, input: { post: Post; risk: Risk; now: string }): Thread {
  const { post, risk, now } = input;
  const snap = snapshot(post.metrics, now);
  const metrics = sameCounts(thread.metrics.at(-1), snap)
    ? thread.metrics
    : [...thread.metrics, snap].slice(-METRICS_HISTORY_MAX);
  const rescored = risk.level !== thread.risk.level;
  return {
    ...thread,
    title: post.title ? excerptOf(post.title, 300) : thread.title,
    excerpt: post.text.trim() ? excerptOf(post.text) : thread.excerpt,
    risk,
    peakLevel: maxLevel(thread.peakLevel, risk.level),
    lastSeenAt: now,
    metrics,
    events: rescored
      ? addEvent(thread.events, { at: now, type: 'rescored', note: `${thread.risk.level} → ${risk.level}` })
      : thread.events,
  };
}

/**
 * An alert is due once per thread: when its level reaches the threshold and no alert was sent yet,
 * or a previous attempt was left pending by a crash or a failed notifier. Closed threads never alert.
 */
export function needsAlert(thread: Thread, threshold: Level): boolean {
  if (thread.state === 'resolved' || thread.state === 'dismissed') return false;
  if (thread.alert?.status === 'sent') return false;
  return thread.alert?.status === 'pending' || isAtLeast(thread.risk.level, threshold);
}

/** Records a delivery attempt about to start; counts attempts so a retry knows one may already have landed. */
export function markAlertPending(thread: Thread, now: string): Thread {
  const attempts = thread.alert?.status === 'pending' ? (thread.alert.attempts ?? 1) + 1 : 1;
  return { ...thread, alert: { status: 'pending', level: thread.risk.level, at: now, attempts } };
}

export function markAlertSent(thread: Thread, now: string): Thread {
  return {
    ...thread,
    alert: { status: 'sent', level: thread.risk.level, at: now },
    events: addEvent(thread.events, { at: now, type: 'alerted', note: thread.risk.level }),
  };
}

/** What people do to a thread (from Slack buttons, /crisis commands or the CLI). */
export type ThreadAction =
  | { type: 'acknowledge'; by: string }
  | { type: 'escalate'; by: string; note?: string; level?: Level; targets?: readonly string[] }
  | { type: 'resolve'; by: string; note?: string; outcome?: ResolutionOutcome }
  | { type: 'dismiss'; by: string; note?: string }
  | { type: 'reopen'; by?: string; note?: string };

const ALLOWED: Record<ThreadAction['type'], readonly ThreadState[]> = {
  acknowledge: ['open'],
  escalate: ['open', 'acknowledged', 'escalated'],
  resolve: ['open', 'acknowledged', 'escalated'],
  dismiss: ['open', 'acknowledged', 'escalated'],
  reopen: ['resolved', 'dismissed'],
};

const NEXT: Record<ThreadAction['type'], ThreadState> = {
  acknowledge: 'acknowledged',
  escalate: 'escalated',
  resolve: 'resolved',
  dismiss: 'dismissed',
  reopen: 'open',
};

const EVENT: Record<ThreadAction['type'], ThreadEvent['type']> = {
  acknowledge: 'acknowledged',
  escalate: 'escalated',
  resolve: 'resolved',
  dismiss: 'dismissed',
  reopen: 'reopened',
};

/**
 * The thread state machine: open → acknowledged → escalated → resolved, with dismiss (not a crisis)
 * from any open state and reopen from a closed one. An action that does not apply throws
 * BotError ERR_TRANSITION, so a double click or a race never half-applies.
 */
export function transition(thread: Thread, action: ThreadAction, now: string): Thread {
  if (!ALLOWED[action.type].includes(thread.state)) {
    throw new BotError(
      'ERR_TRANSITION',
      `Thread ${thread.id} is ${thread.state}; it cannot be ${NEXT[action.type]}.`,
    );
  }
  if (action.type === 'escalate' && thread.state === 'escalated' && action.targets) {
    const fresh = action.targets.filter((t) => !thread.escalatedTo?.includes(t));
    const raises = action.level !== undefined && !isAtLeast(thread.peakLevel, action.level);
    if (fresh.length === 0 && !raises) {
      throw new BotError(
        'ERR_TRANSITION',
        `Thread ${thread.id} is already escalated to everyone picked, at that level.`,
      );
    }
  }
  const event: ThreadEvent = { at: now, type: EVENT[action.type] };
  if (action.by !== undefined) event.by = action.by;
  if ('note' in action && action.note !== undefined) event.note = action.note;
  const next: Thread = { ...thread, state: NEXT[action.type], events: addEvent(thread.events, event) };
  if (action.type === 'acknowledge' || (action.type === 'escalate' && !thread.assignee))
    next.assignee = action.by;
  if (action.type === 'escalate' && action.level !== undefined)
    next.peakLevel = maxLevel(thread.peakLevel, action.level);
  if (action.type === 'escalate' && action.targets) {
    next.escalatedTo = [...new Set([...(thread.escalatedTo ?? []), ...action.targets])];
  }
  if (action.type === 'resolve' && action.outcome !== undefined) {
    next.resolution = { outcome: action.outcome, by: action.by, at: now };
    if (action.note !== undefined) next.resolution.note = action.note;
  }
  return next;
}

/** Who last did `type` to the thread and when, for "already acknowledged by …" replies. */
export function lastEvent(thread: Thread, type: ThreadEvent['type']): ThreadEvent | undefined {
  return thread.events.findLast((event) => event.type === type);
}

/** Open means someone still has to act: open, acknowledged or escalated. */
export function isOpen(thread: Pick<Thread, 'state'>): boolean {
  return thread.state === 'open' || thread.state === 'acknowledged' || thread.state === 'escalated';
}

const PEOPLE_EVENTS: ReadonlySet<ThreadEvent['type']> = new Set([
  'drafted',
  'acknowledged',
  'escalated',
  'resolved',
  'dismissed',
  'reopened',
]);

const eventKey = (event: ThreadEvent) => `${event.at}|${event.type}|${event.by ?? ''}`;

/**
 * Guards a write made from a stale read: when `stored` holds people's actions (acknowledge, escalate,
 * resolve, dismiss, reopen) that `incoming` lacks, because someone acted between the writer's read and
 * its write, the result keeps `incoming`'s observations with the stored state, assignee, resolution and
 * those events. Otherwise returns `incoming` unchanged.
 */
export function keepPeopleActions(stored: Thread, incoming: Thread): Thread {
  const known = new Set(incoming.events.map(eventKey));
  const missing = stored.events.filter(
    (event) => PEOPLE_EVENTS.has(event.type) && !known.has(eventKey(event)),
  );
  if (missing.length === 0) return incoming;
  const events = capEvents([...incoming.events, ...missing].sort((a, b) => a.at.localeCompare(b.at)));
  const merged: Thread = {
    ...incoming,
    state: stored.state,
    peakLevel: maxLevel(stored.peakLevel, incoming.peakLevel),
    events,
  };
  if (stored.assignee !== undefined) merged.assignee = stored.assignee;
  if (stored.resolution !== undefined) merged.resolution = stored.resolution;
  return merged;
}

/** Records something a person did that does not change the state (a draft put up for review). */
export function recordEvent(thread: Thread, event: ThreadEvent): Thread {
  return { ...thread, events: addEvent(thread.events, event) };
}
