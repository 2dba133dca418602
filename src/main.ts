import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { findConfigFile, loadConfigFile, validateConfig, type ConfigOrigin } from './config/load.js';
import type { Config } from './config/schema.js';
import { createMatcher, searchQueries } from './core/match.js';
import { applyWatchOverrides } from './core/watch-overrides.js';
import type { Post } from './core/post.js';
import { StoryIndex } from './core/story.js';
import type { Thread } from './core/thread-schema.js';
import { companyTerms } from './core/risk/company-terms.js';
import { createScorer } from './core/risk/score.js';
import { createHttpClient } from './http/client.js';
import type { HttpClient } from './http/types.js';
import type { Logger } from './logger.js';
import { createMetrics, type Metrics } from './metrics/metrics.js';
import { opsListenFrom } from './ops/ops-port.js';
import { createOpsHandlers } from './ops/ops-routes.js';
import { type OpsServer, startOpsServer } from './ops/ops-server.js';
import { createReadinessCheck } from './ops/readiness.js';
import { followupPolicyFrom } from './core/followup/due-actions.js';
import { createConsoleFollowupNotifier, type FollowupNotifier } from './followup/followup-notifier.js';
import { reportChanges } from './followup/report-changes.js';
import { createFollowupClock, type FollowupTick } from './followup/followup-clock.js';
import type { FollowupDeps } from './followup/run-followup.js';
import { createConsoleNotifier } from './notify/console-notifier.js';
import { deliverPendingAlerts } from './notify/deliver-pending.js';
import type { Notifier } from './notify/notifier.js';
import { runScan, type ScanDeps, type ScanSummary, type SourceRun } from './pipeline/scan.js';
import { SAMPLE_ENV, sampleConfig } from './sample/sample-config.js';
import { startSampleInternet } from './sample/sample-internet.js';
import { createSlackApp, type SlackApp, slackSettingsFrom } from './slack/app.js';
import { createSource } from './sources/create-source.js';
import { createCustomSource, probeFeed } from './sources/custom-source.js';
import type { Source } from './sources/source.js';
import { createStore } from './store/keyv-store.js';
import type { Store } from './store/store.js';

export interface BulssiOptions {
  /** --config; otherwise BULSSI_CONFIG, then bulssi.yaml in cwd, then the embedded sample. */
  configPath?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  logger: Logger;
  /** Defaults to Slack when SLACK_BOT_TOKEN is set, else the console notifier on `stdout`. */
  notifier?: Notifier | undefined;
  /** Where reminders and escalation steps go; defaults like `notifier` (Slack, else `stdout`). */
  followupNotifier?: FollowupNotifier | undefined;
  /** Extra Slack app options (tests: known bot ids, Web API retry settings). */
  slackOptions?: Pick<Parameters<typeof createSlackApp>[0], 'botId' | 'botUserId' | 'clientOptions'>;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  now?: () => Date;
  /** Prometheus metrics; a fresh registry by default (tests pass their own to read it). */
  metrics?: Metrics | undefined;
}

export interface Bulssi {
  config: Config;
  origin: ConfigOrigin;
  store: Store;
  http: HttpClient;
  /** The Slack app in Slack mode (SLACK_BOT_TOKEN set); not listening until `slack.start()`. */
  slack: SlackApp | undefined;
  /** The sample internet's address when running on the embedded default. */
  sampleUrl: string | undefined;
  /** One scan; never two at once (a call while one runs waits for and returns that one). */
  scan(options?: { onSourceDone?: ScanDeps['onSourceDone']; signal?: AbortSignal }): Promise<ScanSummary>;
  readonly scanning: boolean;
  /** One tick of the follow-up clock: due reminders and escalation steps for open threads. */
  followup(): Promise<FollowupTick>;
  metrics: Metrics;
  /**
   * Terminal and Socket Mode: serves /healthz, /readyz and /metrics on METRICS_PORT (Socket Mode: else
   * PORT); resolves to the port, or undefined when off. Slack HTTP mode serves them beside /slack/events.
   */
  serveOps(): Promise<number | undefined>;
  close(): Promise<void>;
}

/** How far back a new post is compared with earlier ones for "the same story on another site", days. */
const STORY_WINDOW_DAYS = 14;

/** Store file of the embedded default; started fresh each run, since the sample server's address changes. */
export const SAMPLE_STORE = './data/sample.sqlite';

/** Wires config, store, HTTP client, sources, matcher, scorer and notifier. The only place that does. */
export async function createBulssi(options: BulssiOptions): Promise<Bulssi> {
  const { env, cwd, logger } = options;
  const now = options.now ?? (() => new Date());
  const file = findConfigFile(options.configPath, env, cwd);

  let config: Config;
  let origin: ConfigOrigin;
  let sample: Awaited<ReturnType<typeof startSampleInternet>> | undefined;
  let sourceEnv = env;
  if (file) {
    config = loadConfigFile(file, env);
    origin = { kind: 'file', path: file };
  } else {
    sample = await startSampleInternet({ now });
    const storePath = resolve(cwd, env.BULSSI_DB ?? SAMPLE_STORE);
    if (!env.BULSSI_DB)
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${storePath}${suffix}`, { force: true });
    config = validateConfig(sampleConfig(sample.url, storePath), 'embedded sample configuration', env);
    origin = { kind: 'embedded' };
    sourceEnv = { ...SAMPLE_ENV, ...env };
    logger.info({ sampleUrl: sample.url }, 'no config file: scanning the bundled sample internet');
  }

  let slackSettings: ReturnType<typeof slackSettingsFrom>;
  try {
    slackSettings = slackSettingsFrom(env);
  } catch (error) {
    await sample?.close();
    throw error;
  }

  let store: Store;
  try {
    store = await createStore({
      path: resolve(cwd, config.store.path),
      onInvalid: (error) => logger.warn({ code: error.code }, error.message),
    });
  } catch (error) {
    await sample?.close();
    throw error;
  }
  const http = createHttpClient({ config: config.http, validators: store.validators, logger });
  // Feeds and boards without a `timezone` of their own read zone-less dates in the schedule's zone.
  const sourceOptions = { now, timeZone: config.schedule.timezone };
  const sources = config.sources.filter((s) => s.enabled).map((s) => createSource(s, sourceOptions));
  const names = new Map(config.sources.map((s) => [s.id, s.name ?? s.id]));
  const configuredIds = new Set(config.sources.map((s) => s.id));
  /** The config's sources plus the feeds added from Slack (`/crisis source add`), those fetched as untrusted. */
  const scanSources = async (): Promise<Source[]> => {
    const added: Source[] = [];
    for (const custom of await store.getCustomSources()) {
      if (configuredIds.has(custom.id)) continue;
      names.set(custom.id, custom.name ?? new URL(custom.url).host);
      try {
        added.push(createCustomSource(custom, sourceOptions));
      } catch (error) {
        logger.warn({ source: custom.id, err: error }, 'source added from Slack skipped: not a valid feed');
      }
    }
    return [...sources, ...added];
  };
  const match = createMatcher(config.watch);
  const queries = searchQueries(config.watch);
  let slack: SlackApp | undefined;
  const metrics = options.metrics ?? createMetrics();
  const readiness = createReadinessCheck({
    readStore: () => store.getWatchOverrides(),
    pingSlack: slackSettings ? () => slack?.ping() ?? Promise.resolve() : undefined,
    env,
  });
  const opsHandlers = createOpsHandlers({ metrics, readiness });
  let opsServer: OpsServer | undefined;
  if (slackSettings) {
    try {
      slack = createSlackApp({
        metrics,
        opsHandlers,
        settings: slackSettings,
        config,
        store,
        logger,
        now,
        sourceName: (id) => names.get(id) ?? id,
        scan: () => bulssi.scan(),
        isScanning: () => bulssi.scanning,
        probeFeed: (url) => probeFeed(http, url, { now: now() }),
        env,
        ...options.slackOptions,
      });
    } catch (error) {
      await store.close();
      await sample?.close();
      throw error;
    }
  }
  const notifier =
    options.notifier ??
    slack?.notifier ??
    createConsoleNotifier(options.stdout ?? process.stdout, { timeZone: config.schedule.timezone });
  const followupNotifier =
    options.followupNotifier ??
    slack?.followup ??
    createConsoleFollowupNotifier(options.stdout ?? process.stdout, { timeZone: config.schedule.timezone });
  const followupPolicy = followupPolicyFrom(config);
  const followupDeps = (): FollowupDeps => ({
    store,
    notifier: followupNotifier,
    policy: followupPolicy,
    logger,
    now,
    env: sourceEnv,
  });
  const followupClock = createFollowupClock(followupDeps());
  const scorer = createScorer({ extraTerms: companyTerms(config.risk.terms) });
  const score = (post: Post, context: { baseline?: Post['metrics'] } = {}) => {
    const input: Parameters<typeof scorer>[0] = {
      title: post.title,
      text: post.text,
      metrics: post.metrics,
    };
    if (post.lang) input.lang = post.lang;
    if (context.baseline) input.baseline = context.baseline;
    return scorer(input);
  };

  let inFlight: Promise<ScanSummary> | undefined;
  // Recent stories for "the same story on several sites", read from the store once, then kept up to date by scans.
  let stories: StoryIndex | undefined;
  const loadStories = async (): Promise<StoryIndex> => {
    if (stories) return stories;
    const index = new StoryIndex();
    const recent: Thread[] = [];
    const since = new Date(now().getTime() - STORY_WINDOW_DAYS * 86_400_000).toISOString();
    // A thread is last seen no earlier than first seen; a day's margin covers a clock set back meanwhile.
    const seenSince = new Date(now().getTime() - (STORY_WINDOW_DAYS + 1) * 86_400_000).toISOString();
    for await (const thread of store.threadsLastSeen({ since: seenSince }))
      if (thread.story && thread.firstSeenAt >= since) recent.push(thread);
    recent.sort((a, b) => a.firstSeenAt.localeCompare(b.firstSeenAt));
    for (const thread of recent) index.add(thread.id, thread.sourceId, thread.story ?? [], thread.sites);
    stories = index;
    return index;
  };

  const bulssi: Bulssi = {
    config,
    origin,
    store,
    http,
    slack,
    sampleUrl: sample?.url,
    get scanning() {
      return inFlight !== undefined;
    },
    scan(scanOptions = {}) {
      if (inFlight) return inFlight;
      const deps: ScanDeps = {
        sources,
        sourceName: (id) => names.get(id) ?? id,
        http,
        store,
        notifier,
        match,
        score,
        threshold: config.alert.threshold,
        queries,
        env: sourceEnv,
        logger,
        now,
      };
      if (scanOptions.onSourceDone) deps.onSourceDone = scanOptions.onSourceDone;
      if (scanOptions.signal) deps.signal = scanOptions.signal;
      const retryPending = async (summary: ScanSummary): Promise<ScanSummary> => {
        const retried = await deliverPendingAlerts(
          { store, notifier, sourceName: deps.sourceName, logger, now, env: sourceEnv },
          summary.startedAt,
        );
        await slack?.messages.refreshSeenSince(summary.startedAt);
        // Growth since the alert ("+120 comments in the last hour") and relapses of resolved threads.
        await reportChanges(followupDeps(), summary.startedAt);
        const result = {
          ...summary,
          alerts: [...summary.alerts, ...retried.sent],
          alertFailures: summary.alertFailures + retried.failed,
        };
        metrics.recordScan(result);
        metrics.setPendingAlerts(retried.remaining);
        return result;
      };
      const withSlackChanges = async (): Promise<ScanSummary> => {
        deps.sources = await scanSources();
        const overrides = await store.getWatchOverrides();
        if (overrides.added.length > 0 || overrides.removed.length > 0) {
          const watch = applyWatchOverrides(config.watch, overrides);
          deps.match = createMatcher(watch);
          deps.queries = searchQueries(watch);
        }
        deps.stories = await loadStories();
        return runScan(deps);
      };
      inFlight = withSlackChanges()
        .then(retryPending)
        .catch((error: unknown) => {
          metrics.recordScanError();
          throw error;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return inFlight;
    },
    metrics,
    async serveOps() {
      const mode = !slackSettings ? 'terminal' : slackSettings.appToken ? 'socket' : 'http';
      const listen = opsListenFrom(env, mode);
      if (!listen || opsServer) return opsServer?.port;
      opsServer = await startOpsServer({ handlers: opsHandlers, ...listen });
      return opsServer.port;
    },
    followup: () => followupClock.tick(),
    async close() {
      await opsServer?.close();
      await slack
        ?.stop()
        .catch((error: unknown) => logger.warn({ err: error }, 'Slack app did not stop cleanly'));
      if (inFlight) await inFlight.catch(() => undefined);
      await store.close();
      await sample?.close();
    },
  };
  return bulssi;
}

export type { SourceRun };
