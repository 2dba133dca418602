import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transition } from '../../src/core/thread.js';
import { createStore } from '../../src/store/keyv-store.js';
import { runCli, spawnCli } from '../helpers/run-cli.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'bulssi-cli-'));

describe('bulssi CLI', () => {
  it('lists its commands and answers --help on every one', async () => {
    const cwd = tempDir();
    const main = await runCli(['--help'], { cwd });
    expect(main.code).toBe(0);
    for (const name of ['start', 'scan', 'threads', 'sources', 'score']) {
      expect(main.stdout).toContain(`  ${name}`);
      const help = await runCli([name, '--help'], { cwd });
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: bulssi ${name}`));
    }
  });

  it('answers an unknown command or flag with help and exit 2', async () => {
    const cwd = tempDir();
    const unknown = await runCli(['explode'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "explode"');
    const badFlag = await runCli(['threads', '--colour'], { cwd });
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/Unknown option '--colour'[\s\S]*Usage: bulssi threads/);
    // A word where an option belongs is refused, not ignored: `report month` is not `--since month`.
    for (const argv of [
      ['report', 'month'],
      ['threads', 'open'],
    ]) {
      const stray = await runCli(argv, { cwd });
      expect(stray.code).toBe(2);
      expect(stray.stderr).toContain(`unexpected argument '${argv[1]}'`);
    }
  });

  it('names the allowed log levels when LOG_LEVEL is not one', async () => {
    const result = await runCli(['scan', '--once'], { cwd: tempDir(), env: { LOG_LEVEL: 'verbose' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('LOG_LEVEL is "verbose"');
    expect(result.stderr).toContain('fatal, error, warn, info, debug, trace, silent');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops on a bad config before anything runs, listing every problem by path', async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'bulssi.yaml'),
      'watch:\n  brands: []\nsources:\n  - { id: a, type: feed, url: "not a url" }\nalert:\n  threshold: severe\n',
    );
    const result = await runCli(['scan', '--once'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid configuration in');
    expect(result.stderr).toContain('watch.brands: list at least one brand');
    expect(result.stderr).toContain('sources[0].url: must be an http(s) URL');
    expect(result.stderr).toMatch(/alert\.threshold/);
    expect(result.stdout).toBe('');
  });
});

describe('bulssi score', () => {
  it('scores JSON Lines from stdin without any config, one output line per input line', async () => {
    const cwd = tempDir();
    const input = [
      JSON.stringify({
        id: 'k1',
        text: '한빛푸드 과자에서 벌레가 나왔어요. 사진 있습니다',
        lang: 'ko',
        metrics: { views: 40 },
      }),
      JSON.stringify({
        id: 'k2',
        text: '이 케이크 진짜 죽인다',
        metrics: { views: 50_000 },
        extra: 'ignored',
      }),
      JSON.stringify({
        id: 'e1',
        title: 'Data breach',
        text: 'Hanbit Foods leaked my personal data and I will sue',
        lang: 'en',
      }),
    ].join('\n');
    const result = await runCli(['score'], { cwd, input: `${input}\n` });
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['k1', 'k2', 'e1']);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['category', 'id', 'level', 'reasons', 'risky', 'score']);
      expect(line.score).toBeGreaterThanOrEqual(0);
      expect(line.score).toBeLessThanOrEqual(100);
    }
    expect(lines[0]).toMatchObject({ risky: true, category: 'contamination' });
    expect(lines[1]).toMatchObject({ risky: false });
    expect(lines[2].risky).toBe(true);
  });

  it('reports malformed lines by number, scores the rest, and exits 2', async () => {
    const cwd = tempDir();
    const input = [
      '{"id":"a","text":"fine"}',
      '{not json',
      '{"id":"b"}',
      '',
      '{"id":"c","text":"ok","metrics":{"views":"many"}}',
      '{"id":"d","text":"last"}',
    ].join('\n');
    const result = await runCli(['score'], { cwd, input });
    expect(result.code).toBe(2);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0].id).toBe('a');
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringMatching(/not valid JSON/) });
    expect(lines[2]).toMatchObject({ line: 3, error: expect.stringMatching(/text/) });
    expect(lines[3]).toMatchObject({ line: 5, error: expect.stringMatching(/metrics\.views/) });
    expect(lines[4].id).toBe('d');
  });

  it('uses --threshold for "risky"', async () => {
    const cwd = tempDir();
    const input = '{"id":"x","text":"한빛푸드 고객센터 너무 불친절해요"}\n';
    const low = JSON.parse((await runCli(['score', '--threshold', 'low'], { cwd, input })).stdout);
    const critical = JSON.parse((await runCli(['score', '--threshold', 'critical'], { cwd, input })).stdout);
    expect(low.risky).toBe(true);
    expect(critical.risky).toBe(false);
    expect((await runCli(['score', '--threshold', 'huge'], { cwd, input })).code).toBe(2);
  });
});

describe('bulssi threads and sources before any scan', () => {
  it('say there is nothing stored yet instead of creating a store', async () => {
    const cwd = tempDir();
    for (const command of ['threads', 'sources']) {
      const result = await runCli([command], { cwd });
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/Nothing stored yet: .*sample\.sqlite does not exist/);
    }
  });
});

describe('the embedded default', () => {
  it('scans the bundled sample internet once, prints the risky posts and a summary, and exits 0', async () => {
    const cwd = tempDir();
    const result = await runCli(['scan', '--once'], { cwd });
    expect(result.stderr).not.toMatch(/failed/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('이물질');
    expect(result.stdout).toMatch(/━━ (HIGH|CRITICAL|MEDIUM) · contamination/);
    expect(result.stdout).toContain('leaked customer addresses');
    expect(result.stdout).toMatch(
      /Hanbit Foods recalls snack line[\s\S]*?stage\s+4 of 4 \(evidence, media or boycott\): picked up by news/,
    );
    expect(result.stdout).not.toContain('딸기케이크');
    expect(result.stdout).not.toContain('한빛푸드뱅크');
    expect(result.stdout).toMatch(/Scan \w+: 4 sources \(0 failed\), \d+ posts, \d+ about us \(1 excluded\)/);

    const threads = await runCli(['threads'], { cwd });
    expect(threads.code).toBe(0);
    expect(threads.stdout).toMatch(/^ID\s+LEVEL/);
    expect(threads.stdout).toContain('딸기케이크');
    const json = (await runCli(['threads', '--json', '--level', 'high'], { cwd })).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(json.length).toBeGreaterThan(0);
    expect(json.every((t) => t.risk.level === 'high' || t.risk.level === 'critical')).toBe(true);

    const sources = await runCli(['sources'], { cwd });
    expect(sources.code).toBe(0);
    expect(sources.stdout).toMatch(/^SOURCE\s+STATUS/);
    expect(sources.stdout).toMatch(/sample-board\s+ok\s+just now\s+7\s+5/);
    const statuses = (await runCli(['sources', '--json'], { cwd })).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(statuses.map((s) => s.id).sort()).toEqual([
      'sample-board',
      'sample-hn',
      'sample-naver',
      'sample-news',
    ]);
  });

  it('start prints alerts from the first scan, keeps running, and stops cleanly on SIGTERM', async () => {
    const cwd = tempDir();
    const child = spawnCli(['start'], { cwd });
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    await new Promise<void>((resolve, reject) => {
      child.on('exit', () => reject(new Error(`exited early: ${stderr}`)));
      child.stdout?.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (/Scan \w+:/.test(stdout)) resolve();
      });
    });
    expect(stdout).toContain('이물질');
    const code = await new Promise<number | null>((resolve) => {
      child.removeAllListeners('exit');
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(stderr).toContain('SIGTERM: stopping');
  });
});

describe('bulssi score with company terms', () => {
  it('scores with the terms and weights from the config', async () => {
    const cwd = tempDir();
    const input = '{"id":"s","text":"Hanbit fries were soggy again"}\n';
    const before = JSON.parse((await runCli(['score'], { cwd, input })).stdout);
    writeFileSync(
      join(cwd, 'bulssi.yaml'),
      'watch:\n  brands: [{ name: Hanbit }]\nsources: [{ id: hn, type: hn }]\nrisk:\n  terms:\n    - { category: defect, lang: en, label: soggy fries, pattern: "soggy", weight: 45 }\n',
    );
    const after = JSON.parse((await runCli(['score'], { cwd, input })).stdout);
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.category).toBe('defect');
    expect(after.reasons).toContain('defect: "soggy" (+45)');
  });
});

describe('bulssi eval --feedback', () => {
  it("reports the precision of the team's judged alerts from the store", async () => {
    const cwd = tempDir();
    expect((await runCli(['scan', '--once'], { cwd })).code).toBe(0);
    const store = await createStore({ path: join(cwd, 'data', 'sample.sqlite') });
    const alerted: string[] = [];
    for await (const thread of store.threads()) if (thread.alert?.status === 'sent') alerted.push(thread.id);
    expect(alerted.length).toBeGreaterThanOrEqual(3);
    const [real, falseAlarm] = alerted;
    await store.updateThread(real as string, (t) =>
      transition(t, { type: 'escalate', by: 'U1' }, new Date().toISOString()),
    );
    await store.updateThread(falseAlarm as string, (t) =>
      transition(t, { type: 'dismiss', by: 'U1' }, new Date().toISOString()),
    );
    await store.close();

    const text = await runCli(['eval', '--feedback'], { cwd });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Alerts judged by your team: 2 of ${alerted.length} alerted threads`);
    expect(text.stdout).toMatch(/Precision\s+50%\s+\(1 real, 1 false alarm\)/);
    const json = JSON.parse((await runCli(['eval', '--feedback', '--json'], { cwd })).stdout);
    expect(json.overall).toEqual({ key: 'all', real: 1, falseAlarms: 1, precision: 0.5 });
  });
});
