import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { type Bulssi, createBulssi } from '../../src/main.js';
import { createMetrics } from '../../src/metrics/metrics.js';
import { opsListenFrom } from '../../src/ops/ops-port.js';
import { createOpsHandlers } from '../../src/ops/ops-routes.js';
import { type OpsServer, startOpsServer } from '../../src/ops/ops-server.js';
import { createReadinessCheck } from '../../src/ops/readiness.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { silentLogger, slackModeEnv } from '../helpers/slack-fixtures.js';

let server: OpsServer | undefined;
let bulssi: Bulssi | undefined;
let fake: FakeSlack | undefined;
afterEach(async () => {
  await server?.close();
  await bulssi?.close();
  await fake?.close();
  server = undefined;
  bulssi = undefined;
  fake = undefined;
});

type Report = { ready: boolean; checks: { name: string; ok: boolean; error?: string; cached?: boolean }[] };
const reportOf = async (response: Response) => (await response.json()) as Report;

/** The value of one sample line of a Prometheus text body. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function serve(deps: Parameters<typeof createReadinessCheck>[0]) {
  const metrics = createMetrics({ processMetrics: false });
  const handlers = createOpsHandlers({ metrics, readiness: createReadinessCheck(deps) });
  server = await startOpsServer({ handlers, port: 0, host: '127.0.0.1' });
  return { metrics, base: `http://127.0.0.1:${server.port}` };
}

describe('the operator server', () => {
  it('answers /healthz, /readyz and /metrics, 404 elsewhere and 405 to a POST', async () => {
    const { base } = await serve({ readStore: async () => ({}) });
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok\n');
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: [{ name: 'store', ok: true }] });
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await metrics.text()).toContain('# TYPE bulssi_scans_total counter');
    expect((await fetch(`${base}/slack/events`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
    const head = await fetch(`${base}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('is not ready (503) while the store cannot be read, and says why', async () => {
    const { base } = await serve({
      readStore: async () => {
        throw new Error('SQLITE_CANTOPEN: unable to open database file');
      },
    });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      ready: false,
      checks: [{ name: 'store', ok: false, error: 'SQLITE_CANTOPEN: unable to open database file' }],
    });
  });

  it('asks Slack once for many probes, and again once the answer is old', async () => {
    let clock = 0;
    let pings = 0;
    let slackUp = true;
    const { base } = await serve({
      readStore: async () => ({}),
      pingSlack: async () => {
        pings += 1;
        if (!slackUp) throw new Error('An API error occurred: invalid_auth (token xoxb-1234567890-secret)');
      },
      now: () => clock,
      slackOkTtlMs: 30_000,
      slackFailTtlMs: 5_000,
    });
    const probes = await Promise.all([1, 2, 3].map(() => fetch(`${base}/readyz`)));
    expect(probes.map((p) => p.status)).toEqual([200, 200, 200]);
    expect(pings).toBe(1);
    clock = 29_000;
    expect((await reportOf(await fetch(`${base}/readyz`))).checks[1]).toEqual({
      name: 'slack',
      ok: true,
      cached: true,
    });
    expect(pings).toBe(1);

    slackUp = false;
    clock = 31_000;
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    const report = await reportOf(down);
    expect(report.checks[1]).toMatchObject({ name: 'slack', ok: false });
    expect(report.checks[1]?.error).toContain('invalid_auth');
    expect(report.checks[1]?.error).not.toContain('xoxb-1234567890-secret');
    expect(pings).toBe(2);
    slackUp = true;
    clock = 37_000;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(pings).toBe(3);
  });

  it('refuses a port that is taken with a clear error', async () => {
    const { metrics } = await serve({ readStore: async () => ({}) });
    const handlers = createOpsHandlers({ metrics, readiness: async () => ({ ready: true, checks: [] }) });
    await expect(startOpsServer({ handlers, port: server?.port ?? 0, host: '127.0.0.1' })).rejects.toThrow(
      /EADDRINUSE/,
    );
  });
});

describe('opsListenFrom', () => {
  it.each([
    ['terminal', {}, undefined],
    ['terminal', { PORT: '3000' }, undefined],
    ['terminal', { METRICS_PORT: '9464' }, { port: 9464, host: undefined }],
    ['socket', { PORT: '8080' }, { port: 8080, host: undefined }],
    [
      'socket',
      { PORT: '8080', METRICS_PORT: '9464', METRICS_HOST: '127.0.0.1' },
      { port: 9464, host: '127.0.0.1' },
    ],
    ['socket', {}, undefined],
    ['http', { METRICS_PORT: '9464' }, undefined],
  ] as const)('in %s mode with %j listens on %j', (mode, env, expected) => {
    expect(opsListenFrom(env, mode)).toEqual(expected);
  });

  it('names a bad port', () => {
    expect(() => opsListenFrom({ METRICS_PORT: 'abc' }, 'terminal')).toThrow(ConfigError);
    expect(() => opsListenFrom({ METRICS_PORT: '70000' }, 'terminal')).toThrow(
      /METRICS_PORT: "70000" is not a port number/,
    );
  });
});

describe('a running Bulssi', () => {
  it('in the terminal serves metrics of its scans on METRICS_PORT', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'bulssi-ops-'));
    const metrics = createMetrics({ processMetrics: false });
    bulssi = await createBulssi({
      env: { METRICS_PORT: '0', METRICS_HOST: '127.0.0.1' },
      cwd,
      logger: silentLogger,
      notifier: { notify: async () => {} },
      metrics,
    });
    const port = await bulssi.serveOps();
    expect(port).toBeGreaterThan(0);
    const summary = await bulssi.scan();
    const body = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(sample(body, 'bulssi_scans_total{outcome="ok"}')).toBe(1);
    expect(sample(body, 'bulssi_posts_seen_total')).toBe(summary.posts);
    const high = summary.alerts.filter((t) => t.risk.level === 'high').length;
    expect(sample(body, 'bulssi_alerts_total{level="high"}') ?? 0).toBe(high);
    expect(sample(body, 'bulssi_pending_alerts')).toBe(0);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toEqual({ ready: true, checks: [{ name: 'store', ok: true }] });
  });

  it('in the terminal opens no port without METRICS_PORT', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'bulssi-ops-'));
    bulssi = await createBulssi({
      env: { PORT: '0' },
      cwd,
      logger: silentLogger,
      notifier: { notify: async () => {} },
    });
    expect(await bulssi.serveOps()).toBeUndefined();
  });

  it('in Slack HTTP mode serves them beside /slack/events, with Slack call latency and readiness', async () => {
    fake = await startFakeSlack();
    const cwd = mkdtempSync(join(tmpdir(), 'bulssi-ops-'));
    bulssi = await createBulssi({
      env: slackModeEnv(fake, { PORT: '0' }),
      cwd,
      logger: silentLogger,
      metrics: createMetrics({ processMetrics: false }),
      slackOptions: { botId: 'BBOT', botUserId: 'UBOT', clientOptions: { retryConfig: { retries: 0 } } },
    });
    const { port } = (await bulssi.slack?.start()) ?? {};
    expect(await bulssi.serveOps()).toBeUndefined();
    const base = `http://127.0.0.1:${port}`;
    const summary = await bulssi.scan();
    expect(summary.alerts.length).toBeGreaterThan(0);

    const body = await (await fetch(`${base}/metrics`)).text();
    expect(
      sample(body, 'bulssi_slack_api_duration_seconds_count{method="chat.postMessage",status="200"}'),
    ).toBe(fake.callsTo('chat.postMessage').length);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect((await reportOf(ready)).checks).toEqual([
      { name: 'store', ok: true },
      { name: 'slack', ok: true },
    ]);
    const authCalls = fake.callsTo('auth.test').length;
    await fetch(`${base}/readyz`);
    expect(fake.callsTo('auth.test')).toHaveLength(authCalls);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('in Slack HTTP mode is not ready when Slack refuses the token', async () => {
    fake = await startFakeSlack();
    fake.always('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const cwd = mkdtempSync(join(tmpdir(), 'bulssi-ops-'));
    bulssi = await createBulssi({
      env: slackModeEnv(fake, { PORT: '0' }),
      cwd,
      logger: silentLogger,
      metrics: createMetrics({ processMetrics: false }),
      slackOptions: { botId: 'BBOT', botUserId: 'UBOT' },
    });
    const { port } = (await bulssi.slack?.start()) ?? {};
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(503);
    expect((await reportOf(ready)).checks[1]).toMatchObject({
      name: 'slack',
      ok: false,
      error: expect.stringContaining('invalid_auth'),
    });
  });
});
