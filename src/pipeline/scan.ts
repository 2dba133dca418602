import { randomUUID } from 'node:crypto';
import PQueue from 'p-queue';
import type { Level } from '../config/schema.js';
import { canonicalUrl, threadIdFor } from '../core/canonical-url.js';
import type { Metrics, Post } from '../core/post.js';
import { sourceBaseline } from '../core/risk/engagement.js';
import { ALSO_ON, type StoryIndex, storySignature } from '../core/story.js';
import {
  createThread,
  markAlertPending,
  markAlertSent,
  needsAlert,
  observeThread,
  recordEvent,
} from '../core/thread.js';
import type { Risk, Thread } from '../core/thread-schema.js';
import type { HttpClient } from '../http/types.js';
import { type Logger, redactSecrets } from '../logger.js';
import type { Notifier } from '../notify/notifier.js';
import type { Source, SourceResult } from '../sources/source.js';
import type { SourceStatus, Store } from '../store/store.js';

export interface MatchResult {
  matched: boolean;
  term?: string | undefined;
  excludedBy?: string | undefined;
}

export interface ScanDeps {
  sources: readonly Source[];
  /** Display name per source id (config `name`, else the id). */
  sourceName: (id: string) => string;
  http: HttpClient;
  store: Store;
  notifier: Notifier;
  match: (post: Pick<Post, 'title' | 'text'>) => MatchResult;
  /** `baseline` is the source's usual counts in this scan (median), when it gave enough of them. */
  score: (post: Post, context?: { baseline?: Metrics }) => Risk;
  /** Alert at or above this level. */
  threshold: Level;
  /** Search queries for API sources (brand names and aliases). */
  queries: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  logger: Logger;
  now: () => Date;
  /** Recent stories, to find the same story on other sites; without it each thread counts one site. */
  stories?: StoryIndex;
  /** Sources fetched at once; per-host limits apply underneath. */
  sourceConcurrency?: number;
  onSourceDone?: (run: SourceRun, done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface SourceRun {
  id: string;
  ok: boolean;
  items: number;
  matched: number;
  unchanged: boolean;
  durationMs: number;
  warnings: string[];
  error?: string;
}

export interface ScanSummary {
  runId: string;
  /** ISO 8601 */
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  sources: SourceRun[];
  /** Posts returned by all sources. */
  posts: number;
  /** Posts about us (a watch term matched, no exclusion). */
  matched: number;
  excluded: number;
  newThreads: number;
  updatedThreads: number;
  /** Threads alerted in this scan, in the order they were sent. */
  alerts: Thread[];
  /** Alerts that could not be delivered; they stay pending and are retried. */
  alertFailures: number;
}

/**
 * One scan: every source fetched (one failing does not stop the others), posts matched against the
 * watch terms, scored, folded into one thread per canonical URL, and alerts sent once per thread.
 * Knows nothing of cron or Slack.
 */
export async function runScan(deps: ScanDeps): Promise<ScanSummary> {
  const runId = randomUUID().slice(0, 8);
  const log = deps.logger.child({ runId });
  const started = deps.now();
  const summary: ScanSummary = {
    runId,
    startedAt: started.toISOString(),
    finishedAt: '',
    durationMs: 0,
    sources: [],
    posts: 0,
    matched: 0,
    excluded: 0,
    newThreads: 0,
    updatedThreads: 0,
    alerts: [],
    alertFailures: 0,
  };
  log.info({ sources: deps.sources.length }, 'scan started');

  const fetchQueue = new PQueue({ concurrency: deps.sourceConcurrency ?? 8 });
  // Store updates run one at a time so two sources carrying the same URL never race on one thread.
  const storeQueue = new PQueue({ concurrency: 1 });
  let done = 0;

  const runOne = async (source: Source): Promise<void> => {
    const t0 = performance.now();
    const run: SourceRun = {
      id: source.id,
      ok: true,
      items: 0,
      matched: 0,
      unchanged: false,
      durationMs: 0,
      warnings: [],
    };
    let result: SourceResult | undefined;
    // ETag / Last-Modified are remembered only once the posts they cover are stored: a crash in between
    // must not turn the next fetch into a 304 that skips posts never tracked.
    const validatorWrites: (() => Promise<void>)[] = [];
    try {
      const http = source.untrusted ? untrustedHttp(deps.http) : deps.http;
      const ctx = {
        http: deferValidators(http, validatorWrites, deps.signal),
        queries: deps.queries,
        env: deps.env,
        ...(deps.signal ? { signal: deps.signal } : {}),
      };
      result = await source.fetchPosts(ctx);
      run.items = result.posts.length;
      run.unchanged = result.unchanged;
      run.warnings = result.warnings.map((w) => redactSecrets(w, deps.env));
    } catch (error) {
      run.ok = false;
      run.error = redactSecrets(error instanceof Error ? error.message : String(error), deps.env);
      log.warn(
        { source: source.id, code: (error as { code?: string }).code, error: run.error },
        'source failed',
      );
    }
    if (result) {
      const posts = result.posts;
      const baseline = sourceBaseline(posts);
      await storeQueue.add(async () => {
        for (const post of posts) {
          if (await processPost(post, baseline, deps, summary, log)) run.matched += 1;
        }
      });
      for (const write of validatorWrites) await write();
    }
    run.durationMs = Math.round(performance.now() - t0);
    summary.sources.push(run);
    await deps.store.putSourceStatus(toStatus(run, deps.now(), await deps.store.getSourceStatus(source.id)));
    done += 1;
    deps.onSourceDone?.(run, done, deps.sources.length);
  };

  await Promise.allSettled(deps.sources.map((source) => fetchQueue.add(() => runOne(source))));
  await storeQueue.onIdle();

  const finished = deps.now();
  summary.finishedAt = finished.toISOString();
  summary.durationMs = finished.getTime() - started.getTime();
  log.info(
    {
      posts: summary.posts,
      matched: summary.matched,
      newThreads: summary.newThreads,
      alerts: summary.alerts.length,
      failedSources: summary.sources.filter((s) => !s.ok).length,
      durationMs: summary.durationMs,
    },
    'scan finished',
  );
  return summary;
}

async function processPost(
  post: Post,
  baseline: Metrics,
  deps: ScanDeps,
  summary: ScanSummary,
  log: Logger,
): Promise<boolean> {
  summary.posts += 1;
  const match = deps.match(post);
  if (!match.matched && !(await isTrackedWithoutBody(post, match, deps))) {
    if (match.excludedBy) summary.excluded += 1;
    return false;
  }
  summary.matched += 1;
  let canonical: string;
  try {
    canonical = canonicalUrl(post.url);
  } catch {
    log.warn({ source: post.sourceId, post: post.id }, 'post skipped: its link is not a valid URL');
    return true;
  }
  const id = threadIdFor(canonical);
  const nowIso = deps.now().toISOString();
  // Pending is stored with the post itself, before delivery: a crash or a failed delivery leaves it
  // pending, and it is retried. One read-modify-write under the store's per-thread lock, so a click
  // landing mid-scan is never overwritten.
  const markIfDue = (t: Thread) => (needsAlert(t, deps.threshold) ? markAlertPending(t, nowIso) : t);
  let thread = await deps.store.updateThread(id, (current) =>
    markIfDue(observeThread(current, { post, risk: rescore(post, current, baseline, deps), now: nowIso })),
  );
  if (thread) {
    summary.updatedThreads += 1;
  } else {
    const risk = deps.score(post, { baseline });
    thread = markIfDue(
      await linkSameStory(createThread({ id, canonicalUrl: canonical, post, risk, now: nowIso }), deps),
    );
    await deps.store.putThread(thread);
    summary.newThreads += 1;
  }

  if (thread.alert?.status === 'pending') {
    try {
      const delivered = await deps.store.updateThread(id, async (current) => {
        if (!needsAlert(current, deps.threshold)) return current;
        await deps.notifier.notify(current, { sourceName: deps.sourceName(current.sourceId) });
        return markAlertSent(current, deps.now().toISOString());
      });
      if (delivered?.alert?.status === 'sent') summary.alerts.push(delivered);
    } catch (error) {
      summary.alertFailures += 1;
      log.error(
        { thread: id, error: redactSecrets(String(error), deps.env) },
        'alert not delivered; it stays pending',
      );
    }
  }
  return true;
}

/**
 * A post seen without its body (past a board's `follow.limit`, or its page failed to load) whose brand was
 * named only in that body: it is still followed when this source already tracks it under the same title, so
 * its counts, growth and relapse keep being watched.
 */
async function isTrackedWithoutBody(post: Post, match: MatchResult, deps: ScanDeps): Promise<boolean> {
  if (match.excludedBy || post.text.trim() !== '') return false;
  try {
    // The same post from the same source under the same title; never another site's copy or a garbled listing.
    const tracked = await deps.store.getThread(threadIdFor(canonicalUrl(post.url)));
    return tracked !== undefined && tracked.sourceId === post.sourceId && tracked.title === post.title;
  } catch {
    return false;
  }
}

/**
 * The risk of a post seen again. A sighting without the post's body (a board post past `follow.limit`, a post
 * page that failed to load) is scored on the body stored from an earlier sighting with the fresh counts, so
 * growth still raises it, and it never lowers the risk: the stored body is an excerpt, and the title alone
 * says too little.
 */
function rescore(post: Post, current: Thread, baseline: Metrics, deps: ScanDeps): Risk {
  if (post.text.trim() !== '' || current.excerpt === '') return deps.score(post, { baseline });
  const risk = deps.score({ ...post, text: current.excerpt }, { baseline });
  return risk.score < current.risk.score ? current.risk : risk;
}

/**
 * Records a new thread's story signature and, when earlier threads on other sites tell the same story,
 * the sites on both sides, so the stage can say "on 3 sites".
 */
async function linkSameStory(thread: Thread, deps: ScanDeps): Promise<Thread> {
  if (!deps.stories) return thread;
  const story = storySignature(`${thread.title}\n${thread.excerpt}`);
  if (story.length === 0) return thread;
  const { sites, tell } = deps.stories.link(thread.sourceId, story);
  deps.stories.add(thread.id, thread.sourceId, story, sites);
  for (const copy of tell) {
    await deps.store.updateThread(copy.threadId, (current) => {
      const known = current.sites ?? [current.sourceId];
      if (known.includes(thread.sourceId)) return current;
      return recordEvent(
        { ...current, sites: [...known, thread.sourceId] },
        { at: thread.firstSeenAt, type: 'seen', note: `${ALSO_ON}${thread.sourceId}` },
      );
    });
  }
  return { ...thread, story, sites };
}

/**
 * The HTTP client a source sees: every fetch carries the scan's abort signal, and conditional fetches hand
 * their validator writes to `writes` instead of storing them at once.
 */
function deferValidators(
  http: HttpClient,
  writes: (() => Promise<void>)[],
  signal: AbortSignal | undefined,
): HttpClient {
  return {
    fetchText: (url, options) => {
      const withSignal = signal ? { ...options, signal } : options;
      return http.fetchText(
        url,
        options?.conditional ? { ...withSignal, deferValidators: (write) => writes.push(write) } : withSignal,
      );
    },
  };
}

/** Every fetch marked untrusted, so the client's address guard applies to it. */
function untrustedHttp(http: HttpClient): HttpClient {
  return { fetchText: (url, options) => http.fetchText(url, { ...options, untrusted: true }) };
}

function toStatus(run: SourceRun, now: Date, previous: SourceStatus | undefined): SourceStatus {
  const status: SourceStatus = {
    id: run.id,
    lastRunAt: now.toISOString(),
    ok: run.ok,
    items: run.items,
    matched: run.matched,
    unchanged: run.unchanged,
    durationMs: run.durationMs,
    warnings: run.warnings,
  };
  if (run.error !== undefined) {
    status.lastError = run.error;
    status.lastErrorAt = now.toISOString();
  } else if (previous?.lastError !== undefined) {
    status.lastError = previous.lastError;
    if (previous.lastErrorAt !== undefined) status.lastErrorAt = previous.lastErrorAt;
  }
  return status;
}
