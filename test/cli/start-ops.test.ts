import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../helpers/fixture-server.js';
import { runCli, spawnCli } from '../helpers/run-cli.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('bulssi start operator endpoints', () => {
  it('serves /metrics and /readyz on METRICS_PORT in the terminal, counting the first scan', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'bulssi-ops-cli-'));
    const child = spawnCli(['start'], { cwd, env: { METRICS_PORT: '0', METRICS_HOST: '127.0.0.1' } });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stderr = '';
    let stdout = '';
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    await new Promise<void>((resolve) => {
      child.stdout?.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (/Scan \w+:/.test(stdout)) resolve();
      });
    });
    const port = /Operator endpoints on port (\d+)/.exec(stderr)?.[1];
    expect(port).toBeDefined();
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/^bulssi_scans_total\{outcome="ok"\} 1$/m);
    expect(metrics).toMatch(/^bulssi_alerts_total\{level="\w+"\} [1-9]/m);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('bulssi start shutdown', () => {
  it('aborts a scan stuck on a site that never finishes answering once the grace period is over', async () => {
    // Headers, then one byte now and then: the request never completes on its own within the test.
    server = await startFixtureServer({
      '/feed.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<');
        const drip = setInterval(() => res.write(' '), 200);
        res.on('close', () => clearInterval(drip));
      },
    });
    const cwd = mkdtempSync(join(tmpdir(), 'bulssi-stop-'));
    writeFileSync(
      join(cwd, 'bulssi.yaml'),
      [
        'watch:',
        '  brands: [{ name: 한빛푸드 }]',
        'sources:',
        `  - { id: slow, type: feed, url: "${server.url}/feed.xml" }`,
        'http: { perHostIntervalMs: 0, retries: 0, respectRobots: false, timeoutMs: 60000 }',
        'store: { path: ./data/bulssi.sqlite }',
        '',
      ].join('\n'),
    );
    const child = spawnCli(['start'], { cwd, env: { BULSSI_SHUTDOWN_GRACE_MS: '300' } });
    let stderr = '';
    let stdout = '';
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stderr?.on('data', (c: Buffer) => {
        stderr += c.toString();
        if (stderr.includes('Bulssi is watching')) resolve();
      });
    });
    // Wait until the feed request is in flight, then stop.
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 20));
    const stoppedAt = Date.now();
    child.kill('SIGTERM');
    const code = await exited;
    const tookMs = Date.now() - stoppedAt;

    expect(code).toBe(1);
    expect(tookMs).toBeLessThan(4_000);
    expect(stderr).toContain('SIGTERM: stopping after the running scan');
    expect(stderr).toContain('did not finish within 300 ms; stopping its fetches');
    expect(stdout).toMatch(/Scan \w+: 1 sources? \(1 failed\)/);

    const sources = await runCli(['sources', '--json'], { cwd });
    const [status] = sources.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ok: boolean; lastError?: string });
    expect(status?.ok).toBe(false);
    expect(status?.lastError).toContain('was stopped (Bulssi is shutting down)');
  });
});
