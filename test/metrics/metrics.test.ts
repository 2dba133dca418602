import { LogLevel, webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics/metrics.js';
import { instrumentSlackFetch, slackMethodOf } from '../../src/metrics/slack-fetch.js';
import type { ScanSummary } from '../../src/pipeline/scan.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { makeThread } from '../helpers/slack-fixtures.js';

const summary = (over: Partial<ScanSummary> = {}): ScanSummary => ({
  runId: 'r1',
  startedAt: '2026-11-22T00:00:00.000Z',
  finishedAt: '2026-11-22T00:00:02.000Z',
  durationMs: 2000,
  sources: [
    { id: 'board', ok: true, items: 7, matched: 5, unchanged: false, durationMs: 10, warnings: [] },
    {
      id: 'news',
      ok: false,
      items: 0,
      matched: 0,
      unchanged: false,
      durationMs: 10,
      warnings: [],
      error: 'HTTP 500',
    },
  ],
  posts: 7,
  matched: 5,
  excluded: 1,
  newThreads: 3,
  updatedThreads: 0,
  alerts: [
    makeThread({ id: 'a', risk: { level: 'high' } }),
    makeThread({ id: 'b', risk: { level: 'high' } }),
    makeThread({ id: 'c', risk: { level: 'medium' } }),
  ],
  alertFailures: 1,
  ...over,
});

/** The value of one sample line, e.g. `bulssi_alerts_total{level="high"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('createMetrics', () => {
  it('records what a scan did: outcome, posts, alerts by level, failures by source, queue depth', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.recordScan(summary());
    metrics.recordScan(summary({ sources: [], alerts: [], posts: 3, matched: 0, alertFailures: 0 }));
    metrics.recordScanError();
    metrics.setPendingAlerts(4);
    const { contentType, body } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(body, 'bulssi_scans_total{outcome="partial"}')).toBe(1);
    expect(sample(body, 'bulssi_scans_total{outcome="ok"}')).toBe(1);
    expect(sample(body, 'bulssi_scans_total{outcome="error"}')).toBe(1);
    expect(sample(body, 'bulssi_posts_seen_total')).toBe(10);
    expect(sample(body, 'bulssi_posts_matched_total')).toBe(5);
    expect(sample(body, 'bulssi_alerts_total{level="high"}')).toBe(2);
    expect(sample(body, 'bulssi_alerts_total{level="medium"}')).toBe(1);
    expect(sample(body, 'bulssi_alert_failures_total')).toBe(1);
    expect(sample(body, 'bulssi_source_errors_total{source="news"}')).toBe(1);
    expect(sample(body, 'bulssi_source_errors_total{source="board"}')).toBeUndefined();
    expect(sample(body, 'bulssi_pending_alerts')).toBe(4);
    expect(sample(body, 'bulssi_last_scan_finished_seconds')).toBe(
      Date.parse('2026-11-22T00:00:02.000Z') / 1000,
    );
    expect(sample(body, 'bulssi_scan_duration_seconds_count')).toBe(2);
  });

  it('calls a scan where every source failed "failed"', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const failing = summary().sources.map((s) => ({ ...s, ok: false }));
    metrics.recordScan(summary({ sources: failing }));
    expect(sample((await metrics.render()).body, 'bulssi_scans_total{outcome="failed"}')).toBe(1);
  });

  it('keeps two instances apart, each on its own registry', async () => {
    const one = createMetrics({ processMetrics: false });
    const two = createMetrics({ processMetrics: false });
    one.recordScan(summary());
    expect(sample((await one.render()).body, 'bulssi_posts_seen_total')).toBe(7);
    expect(sample((await two.render()).body, 'bulssi_posts_seen_total')).toBe(0);
  });

  it('exports process metrics with the bulssi_ prefix unless asked not to', async () => {
    expect((await createMetrics().render()).body).toContain('bulssi_process_resident_memory_bytes');
    expect((await createMetrics({ processMetrics: false }).render()).body).not.toContain('process_');
  });
});

describe('Slack Web API timing', () => {
  let fake: FakeSlack | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('names the method from the URL', () => {
    expect(slackMethodOf('https://slack.com/api/chat.postMessage')).toBe('chat.postMessage');
    expect(slackMethodOf(new URL('http://127.0.0.1:1/api/auth.test'))).toBe('auth.test');
    expect(slackMethodOf('https://hooks.slack.com/commands/T1/123/abc')).toBe('response_url');
  });

  it('times every attempt and counts 429s, retries included', async () => {
    fake = await startFakeSlack();
    fake.reply('chat.postMessage', { status: 429, retryAfter: 0 });
    const metrics = createMetrics({ processMetrics: false });
    const client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl,
      logLevel: LogLevel.ERROR,
      retryConfig: { retries: 2, minTimeout: 1, maxTimeout: 5 },
      fetch: instrumentSlackFetch(metrics),
    });
    await client.chat.postMessage({ channel: 'C1', text: 'hi' });
    await client.auth.test();
    const { body } = await metrics.render();
    expect(
      sample(body, 'bulssi_slack_api_duration_seconds_count{method="chat.postMessage",status="429"}'),
    ).toBe(1);
    expect(
      sample(body, 'bulssi_slack_api_duration_seconds_count{method="chat.postMessage",status="200"}'),
    ).toBe(1);
    expect(sample(body, 'bulssi_slack_api_duration_seconds_count{method="auth.test",status="200"}')).toBe(1);
    expect(sample(body, 'bulssi_slack_rate_limited_total{method="chat.postMessage"}')).toBe(1);
  });
});
