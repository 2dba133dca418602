import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeModel, startFakeModel } from '../helpers/fake-model.js';
import { runCli } from '../helpers/run-cli.js';

interface ToneOutput {
  ok: boolean;
  findings: { start: number; end: number; text: string; why: string; suggestion: string }[];
  error?: string;
}

const cwd = mkdtempSync(join(tmpdir(), 'bulssi-tone-'));

describe('bulssi tone', () => {
  it('prints ok and exits 0 for a reply that owns the problem', async () => {
    const reply =
      '두 번 결제되어 걱정하셨을 텐데 정말 죄송합니다. 잘못 결제된 금액은 금요일까지 자동으로 환불해 드리겠습니다.';
    const result = await runCli(['tone'], { cwd, input: reply });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ ok: true, findings: [] });
  });

  it('prints each finding with its span, why and a better wording, and exits 1', async () => {
    const reply = '고객님, 약관에 따라 환불은 어렵습니다. 오해가 없으시길 바랍니다.';
    const result = await runCli(['tone', '--lang', 'ko'], { cwd, input: reply });
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout) as ToneOutput;
    expect(out.ok).toBe(false);
    const spans = out.findings.filter((f) => f.text);
    expect(spans.map((f) => f.text)).toEqual(['약관에 따라', '오해']);
    for (const f of spans) {
      expect(reply.slice(f.start, f.end)).toBe(f.text);
      expect(f.why).toBeTruthy();
      expect(f.suggestion).toBeTruthy();
    }
    expect(out.findings.map((f) => (f as { rule?: string }).rule)).toContain('missing_apology');
  });

  it('checks the length for the channel: Hangul counts double on X', async () => {
    const reply = `정말 죄송합니다. 오늘 환불해 드리겠습니다. ${'자세한 경위를 설명드리겠습니다. '.repeat(8)}`;
    const tweet = await runCli(['tone', '--channel', 'twitter'], { cwd, input: reply });
    expect(tweet.code).toBe(1);
    expect((JSON.parse(tweet.stdout) as ToneOutput).findings.at(-1)?.why).toContain('twitter');
    const cafe = await runCli(['tone', '--channel', 'naver_cafe'], { cwd, input: reply });
    expect(cafe.code).toBe(0);
  });

  it.each([
    ['an empty reply', [], '  \n', /empty/],
    ['bytes that are not UTF-8', [], Buffer.from([0x41, 0xff, 0xfe, 0x41]), /not valid UTF-8/],
  ])('exits 2 on %s with a JSON error', async (_name, args, input, why) => {
    const result = await runCli(['tone', ...args], { cwd, input });
    expect(result.code).toBe(2);
    const out = JSON.parse(result.stdout) as ToneOutput;
    expect(out).toMatchObject({ ok: false, findings: [] });
    expect(out.error).toMatch(why);
  });

  it.each([
    ['the reply given as an argument', ['오해입니다'], ''],
    ['an argument next to a reply on stdin', ['오해입니다'], '정말 죄송합니다. 오늘 환불해 드리겠습니다.'],
    ['an argument after --', ['--', '오해입니다'], ''],
    ['an argument after an option', ['--lang', 'ko', 'reply.txt'], '정말 죄송합니다.'],
  ])('exits 2 on %s, saying the reply is read from standard input', async (_name, args, input) => {
    const result = await runCli(['tone', ...args], { cwd, input });
    expect(result.code).toBe(2);
    const out = JSON.parse(result.stdout) as ToneOutput;
    expect(out).toMatchObject({ ok: false, findings: [] });
    expect(out.error).toMatch(/the reply is read from standard input/);
  });

  it('does not count a leading byte-order mark in offsets', async () => {
    const reply = '고객님, 약관에 따라 환불은 어렵습니다. 오해가 없으시길 바랍니다.';
    const result = await runCli(['tone', '--lang', 'ko'], {
      cwd,
      input: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(reply)]),
    });
    expect(result.code).toBe(1);
    const spans = (JSON.parse(result.stdout) as ToneOutput).findings.filter((f) => f.text);
    expect(spans.map((f) => f.text)).toEqual(['약관에 따라', '오해']);
    for (const f of spans) expect(reply.slice(f.start, f.end)).toBe(f.text);
  });

  it('exits 2 on an unknown channel or language', async () => {
    const channel = await runCli(['tone', '--channel', 'myspace'], { cwd, input: '죄송합니다' });
    expect(channel.code).toBe(2);
    expect(channel.stderr).toContain('--channel must be one of twitter, naver_cafe, blog, reddit, youtube');
    expect(JSON.parse(channel.stdout)).toMatchObject({ ok: false, findings: [] });
    const lang = await runCli(['tone', '--lang', 'jp'], { cwd, input: '죄송합니다' });
    expect(lang.code).toBe(2);
    expect(JSON.parse(lang.stdout)).toMatchObject({ ok: false, error: '--lang must be ko or en' });
    const flag = await runCli(['tone', '--colour'], { cwd, input: '죄송합니다' });
    expect(flag.code).toBe(2);
    expect(JSON.parse(flag.stdout)).toMatchObject({ ok: false, findings: [] });
  });
});

describe('bulssi draft', () => {
  let model: FakeModel;
  beforeAll(async () => {
    model = await startFakeModel();
  });
  afterAll(async () => {
    await model.close();
  });

  it('drafts in the post’s language for its category with a default voice and no config', async () => {
    const post = {
      id: 'p1',
      title: '한빛푸드 과자에서 벌레',
      text: '과자에서 벌레가 나왔어요. 사진 있습니다.',
      author: '바삭맘',
    };
    const result = await runCli(['draft'], { cwd, input: JSON.stringify(post) });
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as {
      lang: string;
      category: string;
      draft: string;
      findings: unknown[];
    };
    expect(out.lang).toBe('ko');
    expect(out.category).toBe('contamination');
    expect(out.draft).toContain('바삭맘님');
    expect(out.draft).toContain('회수');
    expect(out.draft.endsWith('고객지원팀 드림')).toBe(true);
    expect(out.findings).toEqual([]);
  });

  it('uses the config’s voice, the given category and channel, and a model rewrite that passes the tone check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulssi-draft-'));
    writeFileSync(
      join(dir, 'bulssi.yaml'),
      [
        'company:',
        '  name: Hanbit Foods',
        '  team: Customer Care',
        '  contact: { email: care@hanbit.example }',
        'watch: { brands: [{ name: Hanbit Foods }] }',
        'sources: [{ id: feed, type: feed, url: "http://127.0.0.1:9/feed.xml" }]',
        'drafts:',
        `  model: { baseUrl: "${model.baseUrl}", model: test-model, timeoutMs: 2000 }`,
      ].join('\n'),
    );
    model.answer((request) => {
      const draft = (JSON.parse(request.body.messages?.[1]?.content ?? '{}') as { DRAFT: string }).DRAFT;
      return {
        content: draft.replace('thank you for telling us.', 'thank you for flagging the late parcel.'),
      };
    });
    const post = {
      text: 'Where is my Hanbit Foods order?',
      lang: 'en',
      category: 'delivery',
      channel: 'twitter',
      author: 'sam',
    };
    const result = await runCli(['draft'], {
      cwd: dir,
      input: JSON.stringify(post),
      env: { BULSSI_MODEL_API_KEY: 'sk-cli-secret' },
    });
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as {
      lang: string;
      category: string;
      draft: string;
      source: string;
      channel: string;
    };
    expect(out).toMatchObject({ lang: 'en', category: 'delivery', channel: 'twitter' });
    expect(out.source).toBe('model');
    expect(out.draft).toContain('thank you for flagging the late parcel.');
    expect(out.draft).toContain('Hanbit Foods Customer Care');
    expect(model.requests.at(-1)?.authorization).toBe('Bearer sk-cli-secret');
    expect(result.stdout + result.stderr).not.toContain('sk-cli-secret');
  });

  it('is checked by bulssi doctor: answering, or refusing the key, with the fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulssi-doctor-model-'));
    writeFileSync(
      join(dir, 'bulssi.yaml'),
      [
        'watch: { brands: [{ name: Hanbit Foods }] }',
        'sources: [{ id: feed, type: feed, url: "http://127.0.0.1:9/feed.xml" }]',
        `drafts: { model: { baseUrl: "${model.baseUrl}", model: test-model, timeoutMs: 2000 } }`,
      ].join('\n'),
    );
    model.answer({ content: 'pong' });
    const ok = await runCli(['doctor'], { cwd: dir, env: { BULSSI_MODEL_API_KEY: 'sk-doctor-secret' } });
    expect(ok.stdout).toMatch(/✓ draft model\s+test-model at http:\/\/127\.0\.0\.1:\d+\/v1 answers/);
    model.answer({ raw: '{"error":"bad key"}', status: 401 });
    const refused = await runCli(['doctor'], { cwd: dir, env: { BULSSI_MODEL_API_KEY: 'sk-doctor-secret' } });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/✗ draft model\s+.*answered HTTP 401 \(the key was refused\)/);
    expect(refused.stdout).toContain('BULSSI_MODEL_API_KEY');
    expect(ok.stdout + refused.stdout + refused.stderr).not.toContain('sk-doctor-secret');
  });

  it.each([
    ['not JSON', '{"text":', /not valid JSON/],
    ['no text', '{"title":"x"}', /text/],
    ['an unknown category', '{"text":"x","category":"aliens"}', /category/],
    ['an unknown channel', '{"text":"x","channel":"fax"}', /channel/],
    ['empty text', '{"text":""}', /empty/],
    ['whitespace-only text', '{"text":" \\n\\t "}', /empty/],
    ['whitespace-only text and title', '{"text":"  ","title":" "}', /empty/],
  ])('exits 2 on %s', async (_name, input, why) => {
    const result = await runCli(['draft'], { cwd, input });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(why);
  });

  it('exits 2 on an argument, saying the post is read from standard input', async () => {
    const post = JSON.stringify({ text: '과자에서 벌레가 나왔어요' });
    const result = await runCli(['draft', 'post.json'], { cwd, input: post });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/the post is read as JSON from standard input/);
  });

  it('drafts for a post with a title and no text', async () => {
    const result = await runCli(['draft'], {
      cwd,
      input: JSON.stringify({ title: '한빛푸드 과자에서 벌레가 나왔어요', text: '' }),
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ lang: 'ko', category: 'contamination' });
  });
});

describe('bulssi draft --thread', () => {
  it('drafts for a stored thread, and exits 1 for an unknown id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulssi-draft-thread-'));
    const scan = await runCli(['scan', '--once', '--json'], { cwd: dir });
    expect(scan.code).toBe(0);
    // stdout is the summary alone; the alert blocks went to stderr.
    expect((JSON.parse(scan.stdout) as { alerts: unknown[] }).alerts.length).toBeGreaterThan(0);
    expect(scan.stderr).toContain('━━');
    const list = await runCli(['threads', '--json'], { cwd: dir });
    const first = JSON.parse(list.stdout.split('\n')[0] ?? '') as { id: string; title: string };
    expect(first).toBeDefined();
    const result = await runCli(['draft', '--thread', first?.id ?? '', '--channel', 'twitter'], { cwd: dir });
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as {
      lang: string;
      channel: string;
      draft: string;
      findings: unknown[];
    };
    expect(out).toMatchObject({ lang: 'ko', channel: 'twitter', findings: [] });
    expect(out.draft).toMatch(/죄송|사과/);
    expect(out.draft).toContain('한빛푸드 고객경험팀');
    const missing = await runCli(['draft', '--thread', 'nope'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no stored thread "nope"');
  });
});
