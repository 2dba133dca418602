import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFile, loadConfigFile, validateConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';

const minimal = {
  watch: { brands: [{ name: '한빛푸드' }] },
  sources: [{ id: 'news', type: 'feed', url: 'https://news.example.com/rss' }],
};

function problemsOf(raw: unknown): string[] {
  try {
    validateConfig(raw, 'test');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the config to be rejected');
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'bulssi-config-'));
}

describe('config', () => {
  it('fills defaults for everything but watch terms and sources', () => {
    const config = validateConfig(minimal, 'test');
    expect(config.alert.threshold).toBe('medium');
    expect(config.schedule).toEqual({ scan: '*/10 * * * *', timezone: 'Asia/Seoul' });
    expect(config.store.path).toBe('./data/bulssi.sqlite');
    expect(config.watch.brands[0]?.aliases).toEqual([]);
    expect(config.http.maxBodyBytes).toBe(5 * 1024 * 1024);
  });

  it('lists every problem by path at once', () => {
    const problems = problemsOf({
      watch: { brands: [] },
      sources: [
        { id: 'Bad Id', type: 'feed', url: 'ftp://x' },
        { id: 'board', type: 'html', url: 'https://a.kr', selectors: { item: 'tr' } },
        { id: 'x', type: 'telepathy' },
      ],
      alert: { threshold: 'severe' },
      schedule: { timezone: 42 },
      surprise: true,
    });
    const text = problems.join('\n');
    expect(text).toContain('watch.brands: list at least one brand');
    expect(text).toMatch(/sources\[0\]\.id: use lowercase/);
    expect(text).toMatch(/sources\[0\]\.url: must be an http\(s\) URL/);
    expect(text).toMatch(/sources\[1\]\.selectors\.title/);
    expect(text).toMatch(/sources\[2\]\.type/);
    expect(text).toMatch(/alert\.threshold/);
    expect(text).toMatch(/schedule\.timezone/);
    expect(text).toMatch(/unknown key\(s\) "surprise"/);
    expect(problems.length).toBeGreaterThanOrEqual(8);
  });

  it('rejects duplicate source ids, bad cron expressions and unknown time zones', () => {
    const problems = problemsOf({
      ...minimal,
      sources: [minimal.sources[0], minimal.sources[0]],
      schedule: { scan: 'every ten minutes', timezone: 'Mars/Olympus' },
    });
    expect(problems).toEqual([
      'sources[1].id: "news" is already used by sources[0]',
      'schedule.scan: "every ten minutes" is not a valid cron expression (e.g. "*/10 * * * *")',
      'schedule.timezone: "Mars/Olympus" is not an IANA time zone (e.g. "Asia/Seoul")',
    ]);
  });

  it('takes a time zone per source and rejects one that is not an IANA zone, naming the source', () => {
    const config = validateConfig(
      { ...minimal, sources: [{ ...minimal.sources[0], timezone: 'America/New_York' }] },
      'test',
    );
    expect(config.sources[0]?.timezone).toBe('America/New_York');
    expect(validateConfig(minimal, 'test').sources[0]?.timezone).toBeUndefined();
    expect(
      problemsOf({
        ...minimal,
        sources: [
          minimal.sources[0],
          {
            id: 'board',
            type: 'html',
            url: 'https://b.example/',
            selectors: { item: 'li', title: 'a' },
            timezone: 'Mars/Olympus',
          },
        ],
      }),
    ).toEqual(['sources[1].timezone: "Mars/Olympus" is not an IANA time zone (e.g. "Asia/Seoul")']);
  });

  it('rejects CSS selectors that do not parse, naming the key', () => {
    const problems = problemsOf({
      ...minimal,
      sources: [
        {
          id: 'board',
          type: 'html',
          url: 'https://community.example.kr/list',
          selectors: { item: 'tr.item', title: 'td.subject a[' },
          follow: { body: '.post-body', views: '>>>' },
        },
      ],
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^sources\[0\]\.selectors\.title: "td\.subject a\[" is not a valid CSS selector/,
    );
    expect(problems[1]).toMatch(/^sources\[0\]\.follow\.views: ">>>" is not a valid CSS selector/);
  });

  it('takes company risk terms and rejects ones whose pattern does not compile', () => {
    const config = validateConfig(
      { ...minimal, risk: { terms: [{ category: 'defect', lang: 'ko', label: '눅눅', weight: 30 }] } },
      'test',
    );
    expect(config.risk.terms[0]).toMatchObject({ label: '눅눅', weight: 30 });
    const problems = problemsOf({
      ...minimal,
      risk: {
        terms: [
          { category: 'defect', lang: 'ko', label: '눅눅', weight: 30 },
          { category: 'defect', lang: 'en', label: 'soggy', pattern: '(soggy', weight: 30 },
          { category: 'none', lang: 'en', label: 'x', weight: 500 },
        ],
      },
    });
    expect(problems.some((p) => p.startsWith('risk.terms[2].category'))).toBe(true);
    expect(problems.some((p) => p.startsWith('risk.terms[2].weight'))).toBe(true);
    expect(
      problemsOf({
        ...minimal,
        risk: { terms: [{ category: 'defect', lang: 'en', label: 'soggy', pattern: '(soggy', weight: 30 }] },
      }),
    ).toEqual([expect.stringMatching(/^risk\.terms\[0\]\.pattern: /)]);
  });

  it('takes the company voice and a draft model, and names what is wrong with them', () => {
    const config = validateConfig(
      {
        ...minimal,
        company: { name: '한빛푸드', team: '고객경험팀', contact: { kakao: '@hanbit' }, formality: 'polite' },
        drafts: { model: { baseUrl: 'http://127.0.0.1:8080/v1', model: 'local' } },
      },
      'test',
    );
    expect(config.company).toMatchObject({ team: '고객경험팀', formality: 'polite' });
    expect(config.drafts.model?.timeoutMs).toBe(8_000);
    expect(validateConfig(minimal, 'test').drafts).toEqual({});
    const problems = problemsOf({
      ...minimal,
      company: { name: '한빛푸드', formality: '반말', contact: { email: 'not-an-email' }, slogan: 'x' },
      drafts: { model: { baseUrl: 'ftp://model', model: '', apiKey: 'sk-in-the-file' } },
    });
    const text = problems.join('\n');
    expect(text).toContain('company.formality');
    expect(text).toContain('company.contact.email');
    expect(text).toMatch(/company.*slogan/);
    expect(text).toContain('drafts.model.baseUrl');
    expect(text).toContain('drafts.model.model');
    expect(text).toMatch(/drafts\.model.*apiKey/);
    expect(text).not.toContain('sk-in-the-file');
  });

  it('takes the channel and store path from the environment over the file', () => {
    const config = validateConfig({ ...minimal, slack: { channel: 'C1' } }, 'test', {
      BULSSI_CHANNEL: 'C2',
      BULSSI_DB: '/tmp/x.sqlite',
    });
    expect(config.slack.channel).toBe('C2');
    expect(config.store.path).toBe('/tmp/x.sqlite');
  });

  it('returns a frozen config', () => {
    const config = validateConfig(minimal, 'test');
    expect(Object.isFrozen(config.watch.brands)).toBe(true);
  });

  it('reads YAML and JSON files and names the file in errors', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'a.yaml'),
      'watch:\n  brands:\n    - name: 한빛푸드\nsources:\n  - { id: n, type: hn }\n',
    );
    expect(loadConfigFile(join(dir, 'a.yaml')).sources[0]?.type).toBe('hn');
    writeFileSync(join(dir, 'b.json'), JSON.stringify(minimal));
    expect(loadConfigFile(join(dir, 'b.json')).watch.brands[0]?.name).toBe('한빛푸드');
    writeFileSync(join(dir, 'broken.yaml'), 'watch: [unclosed\n');
    expect(() => loadConfigFile(join(dir, 'broken.yaml'))).toThrow(/not valid YAML/);
    expect(() => loadConfigFile(join(dir, 'missing.yaml'))).toThrow(/file not found/);
  });

  it('validates the commented example shipped with the project', () => {
    const config = loadConfigFile(new URL('../../bulssi.example.yaml', import.meta.url).pathname);
    expect(config.sources.map((s) => s.type)).toEqual(['feed', 'feed', 'html', 'naver', 'hn']);
    expect(config.watch.exclude).toContain('한빛푸드뱅크');
  });

  it('finds the config from the flag, then BULSSI_CONFIG, then bulssi.yaml in the working directory', () => {
    const dir = tempDir();
    expect(findConfigFile(undefined, {}, dir)).toBeUndefined();
    writeFileSync(join(dir, 'bulssi.yaml'), '');
    expect(findConfigFile(undefined, {}, dir)).toBe(join(dir, 'bulssi.yaml'));
    expect(findConfigFile(undefined, { BULSSI_CONFIG: 'other.yaml' }, dir)).toBe(join(dir, 'other.yaml'));
    expect(findConfigFile('flag.yaml', { BULSSI_CONFIG: 'other.yaml' }, dir)).toBe(join(dir, 'flag.yaml'));
  });
});
