import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ScanSummary } from '../pipeline/scan.js';

/** How a scan ended: every source answered, some failed, every source failed, or the scan itself threw. */
export type ScanOutcome = 'ok' | 'partial' | 'failed' | 'error';

/**
 * Bulssi's Prometheus metrics on one registry. Each `createMetrics` call owns its registry, so two
 * instances (tests, two bots in one process) never share counters.
 */
export interface Metrics {
  registry: Registry;
  /** Records what a finished scan did: its outcome, posts, alerts by level, failing sources. */
  recordScan(summary: ScanSummary): void;
  /** A scan that threw instead of returning a summary. */
  recordScanError(): void;
  /** One HTTP attempt to the Slack Web API (or a response_url): `method` e.g. chat.postMessage, seconds. */
  observeSlackCall(method: string, status: number | 'error', seconds: number): void;
  /** Alerts recorded as due but not yet delivered (they are retried on the next scan). */
  setPendingAlerts(count: number): void;
  /** The text `/metrics` serves, and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

export interface MetricsOptions {
  /** Defaults to a new registry. */
  registry?: Registry;
  /** Also export process metrics (CPU, memory, event loop lag, handles) with the `bulssi_` prefix. Default true. */
  processMetrics?: boolean;
}

/** Slack answers within a few hundred ms; buckets reach the client's timeout, seconds. */
const SLACK_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = options.registry ?? new Registry();
  const registers = [registry];
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'bulssi_' });

  const scans = new Counter({
    name: 'bulssi_scans_total',
    help: 'Scans finished, by outcome: ok (every source answered), partial, failed (every source failed), error (the scan threw).',
    labelNames: ['outcome'] as const,
    registers,
  });
  const lastScan = new Gauge({
    name: 'bulssi_last_scan_finished_seconds',
    help: 'When the last scan finished, seconds since the Unix epoch; alert when it falls behind the schedule.',
    registers,
  });
  const scanDuration = new Histogram({
    name: 'bulssi_scan_duration_seconds',
    help: 'Wall time of a scan, seconds.',
    buckets: [1, 5, 15, 30, 60, 120, 300, 600],
    registers,
  });
  const posts = new Counter({
    name: 'bulssi_posts_seen_total',
    help: 'Posts returned by all sources.',
    registers,
  });
  const matched = new Counter({
    name: 'bulssi_posts_matched_total',
    help: 'Posts about a watched brand (a watch term matched, no exclusion).',
    registers,
  });
  const alerts = new Counter({
    name: 'bulssi_alerts_total',
    help: 'Alerts delivered, by risk level.',
    labelNames: ['level'] as const,
    registers,
  });
  const alertFailures = new Counter({
    name: 'bulssi_alert_failures_total',
    help: 'Alert deliveries that failed; the alert stays pending and is retried.',
    registers,
  });
  const sourceErrors = new Counter({
    name: 'bulssi_source_errors_total',
    help: 'Source runs that failed, by source id.',
    labelNames: ['source'] as const,
    registers,
  });
  const pending = new Gauge({
    name: 'bulssi_pending_alerts',
    help: 'Alerts due but not yet delivered, as of the last scan (the delivery queue depth).',
    registers,
  });
  const slackCalls = new Histogram({
    name: 'bulssi_slack_api_duration_seconds',
    help: 'Slack Web API HTTP attempts by method and status (retries count separately), seconds.',
    labelNames: ['method', 'status'] as const,
    buckets: SLACK_BUCKETS,
    registers,
  });
  const slackRateLimited = new Counter({
    name: 'bulssi_slack_rate_limited_total',
    help: 'Slack Web API answers of HTTP 429 (rate limited), by method.',
    labelNames: ['method'] as const,
    registers,
  });

  return {
    registry,
    recordScan(summary) {
      const failed = summary.sources.filter((s) => !s.ok);
      const outcome: ScanOutcome =
        failed.length === 0 ? 'ok' : failed.length === summary.sources.length ? 'failed' : 'partial';
      scans.inc({ outcome });
      lastScan.set(Date.parse(summary.finishedAt) / 1000 || Date.now() / 1000);
      scanDuration.observe(summary.durationMs / 1000);
      posts.inc(summary.posts);
      matched.inc(summary.matched);
      for (const thread of summary.alerts) alerts.inc({ level: thread.risk.level });
      if (summary.alertFailures > 0) alertFailures.inc(summary.alertFailures);
      for (const source of failed) sourceErrors.inc({ source: source.id });
    },
    recordScanError() {
      scans.inc({ outcome: 'error' });
    },
    observeSlackCall(method, status, seconds) {
      slackCalls.observe({ method, status: String(status) }, seconds);
      if (status === 429) slackRateLimited.inc({ method });
    },
    setPendingAlerts(count) {
      pending.set(count);
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
