import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDataDir, readLabeled } from '../../src/eval/dataset.js';
import { formatReport, runEval } from '../../src/eval/run-eval.js';
import { BotError } from '../../src/errors.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/eval/', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../dist/eval/run-eval.js', import.meta.url));
const MISSING = '/nonexistent/bulssi-eval-data';

describe('runEval on a small labeled set', () => {
  const reports = runEval(FIXTURES, 'test');

  it('measures Bulssi and both npm baselines on every set', () => {
    expect(reports.map((r) => r.set)).toEqual(['complaints_en', 'naver_shopping_ko']);
    for (const report of reports) {
      const names = report.results.map((r) => r.name);
      expect(names[0]).toBe('Bulssi (level ≥ low)');
      expect(names).toContain('vader-sentiment (compound < -0.05)');
      expect(names).toContain('sentiment, AFINN (score < 0)');
      for (const { metrics } of report.results) {
        for (const v of [metrics.precision, metrics.recall, metrics.f1, metrics.macroF1]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('counts posts and complaints, skipping blank lines', () => {
    expect(reports[0]).toMatchObject({ posts: 7, complaints: 3 });
    expect(reports[1]).toMatchObject({ posts: 7, complaints: 4 });
  });

  it('tells the obvious complaints from the obvious praise', () => {
    const ours = reports[1]?.results[0];
    expect(ours?.metrics.precision).toBe(1);
    expect(ours?.byStars.map((s) => s.stars)).toEqual([1, 2, 4, 5]);
    expect(ours?.byStars.find((s) => s.stars === 5)?.flagged).toBe(0);
    expect(ours?.byStars.find((s) => s.stars === 1)?.flagged).toBe(1);
  });

  it('prints each set with the published figures and star shares', () => {
    const text = formatReport(reports);
    expect(text).toContain('complaints_en (test: 7 posts, 42.9% complaints)');
    expect(text).toContain('ACL 2019');
    expect(text).toMatch(/share called a complaint by stars: 1★ 1\.000 \(n=2\)/);
    expect(text).toMatch(/precision\s+recall\s+F1\s+macro F1/);
  });

  it('adds a cross-validated row on the dev split', () => {
    const dev = runEval(FIXTURES, 'dev');
    expect(dev[0]?.results.map((r) => r.name).slice(0, 2)).toEqual([
      'Bulssi (level ≥ low), in-sample',
      'Bulssi, model 5-fold cross-validated',
    ]);
  });
});

describe('missing data', () => {
  it('says the eval needs ../shared/data and the tests do not', () => {
    expect(() => checkDataDir(MISSING)).toThrow(BotError);
    expect(() => runEval(MISSING, 'test')).toThrow(
      'npm run eval needs ../shared/data; the test suite does not',
    );
  });

  it('names a set file that is not there', () => {
    expect(() => readLabeled(FIXTURES, 'no_such_set', 'test')).toThrow(/missing .*no_such_set\.test\.jsonl/);
  });

  it('names the file and line of a malformed row', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulssi-eval-'));
    try {
      writeFileSync(join(dir, 'bad.test.jsonl'), '{"text": "fine", "label": 0}\n{"text": "no label"}\n');
      expect(() => readLabeled(dir, 'bad', 'test')).toThrow(/bad\.test\.jsonl:2: needs "text"/);
      writeFileSync(join(dir, 'bad.test.jsonl'), '{"text": "cut off\n');
      expect(() => readLabeled(dir, 'bad', 'test')).toThrow(/bad\.test\.jsonl:1: not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 with that message from the built script', () => {
    const result = spawnSync(process.execPath, [SCRIPT, '--data', MISSING], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm run eval needs ../shared/data; the test suite does not');
    expect(result.stdout).toBe('');
  });
});
