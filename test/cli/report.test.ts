import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSince } from '../../src/cli/report.js';
import { markAlertSent, transition } from '../../src/core/thread.js';
import { createStore } from '../../src/store/keyv-store.js';
import { runCli } from '../helpers/run-cli.js';
import { makeThread } from '../helpers/slack-fixtures.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'bulssi-report-'));

describe('bulssi report', () => {
  it('reports the period from the store as text, as JSON, and to a file', async () => {
    const cwd = tempDir();
    const db = join(cwd, 'bulssi.sqlite');
    writeFileSync(
      join(cwd, 'bulssi.yaml'),
      `watch:\n  brands: [{ name: 한빛푸드 }]\nsources:\n  - { id: s, type: feed, url: "http://127.0.0.1:9/feed.xml" }\nstore: { path: ${JSON.stringify(db)} }\n`,
    );
    const store = await createStore({ path: db });
    const start = Date.now() - 2 * 86_400_000;
    const iso = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
    for (let i = 1; i <= 4; i += 1) {
      let thread = markAlertSent(makeThread({ id: `t${i}`, now: iso(i), risk: { level: 'high' } }), iso(i));
      thread = transition(thread, { type: 'acknowledge', by: 'U1' }, iso(i + i * 10));
      thread = transition(thread, { type: 'resolve', by: 'U1' }, iso(i + i * 60));
      await store.putThread(thread);
    }
    await store.putThread(makeThread({ id: 'calm', now: iso(5), risk: { level: 'none' } }));
    await store.close();

    const text = await runCli(['report', '--since', '7d'], { cwd });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('mentions            5');
    expect(text.stdout).toContain('risky               4 (80% of mentions), 0 still open');
    expect(text.stdout).toContain('time to acknowledge  median 20 min, p90 40 min (4 threads)');

    const json = await runCli(['report', '--json'], { cwd });
    expect(JSON.parse(json.stdout)).toMatchObject({ mentions: 5, risky: 4, riskyShare: 0.8 });

    const out = await runCli(['report', '--since', 'month', '--json', '--out', 'report.json'], { cwd });
    expect(out.code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8'))).toMatchObject({ risky: 4 });

    const chart = await runCli(['report', '--since', '7d', '--chart', 'chart.png'], { cwd });
    expect(chart.code).toBe(0);
    expect(chart.stderr).toContain('Chart written to');
    const png = readFileSync(join(cwd, 'chart.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(800);

    const bad = await runCli(['report', '--since', 'yesterday-ish'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since must be');
  });

  it.each([
    ['week', 7 * 86_400_000],
    ['month', 30 * 86_400_000],
    ['14d', 14 * 86_400_000],
    ['12h', 12 * 3_600_000],
  ])('reads --since %s as that long ago', (value, ago) => {
    expect(parseSince(value, 1_000_000_000_000)).toBe(1_000_000_000_000 - ago);
  });

  it('reads a date and refuses nonsense', () => {
    expect(parseSince('2026-11-01', 0)).toBe(Date.parse('2026-11-01'));
    // A date alone is midnight where the team is; a date-time with a zone is that instant.
    expect(parseSince('2026-12-07', 0, 'Asia/Seoul')).toBe(Date.parse('2026-12-06T15:00:00Z'));
    expect(parseSince('2026-12-07', 0, 'America/New_York')).toBe(Date.parse('2026-12-07T05:00:00Z'));
    expect(parseSince('2026-12-07T09:00:00+09:00', 0, 'America/New_York')).toBe(
      Date.parse('2026-12-07T00:00:00Z'),
    );
    expect(parseSince('soon', 0)).toBeUndefined();
    expect(parseSince('2026-13-45', 0)).toBeUndefined();
  });
});
