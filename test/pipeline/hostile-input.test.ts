import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configFrom } from '../../src/config/load.js';
import type { Config, ConfigInput } from '../../src/config/schema.js';
import { createMatcher, searchQueries } from '../../src/core/match.js';
import { scorePost } from '../../src/core/risk/score.js';
import type { Thread } from '../../src/core/thread-schema.js';
import { createHttpClient } from '../../src/http/client.js';
import { formatAlert } from '../../src/notify/console-notifier.js';
import { runScan, type ScanSummary } from '../../src/pipeline/scan.js';
import { createSource } from '../../src/sources/create-source.js';
import { createStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';
import { type FixtureServer, respond, startFixtureServer } from '../helpers/fixture-server.js';

const rss = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://x.kr/</link><description>d</description>${items}</channel></rss>`;
const item = (guid: string, title: string, description = '') =>
  `<item><guid>${guid}</guid><title>${title}</title><link>https://news.example.kr/${guid}</link><description>${description}</description></item>`;

const selectors = { item: 'tr.item', title: 'td.subject a', views: 'td.hit' };
const board = (rows: string, charset = 'utf-8') =>
  `<html><head><meta charset="${charset}"></head><body><table>${rows}</table></body></html>`;
const row = (no: number, title: string) =>
  `<tr class="item"><td class="subject"><a href="/view?no=${no}">${title}</a></td><td class="hit">10</td></tr>`;

let server: FixtureServer;
let store: Store;

beforeEach(async () => {
  server = await startFixtureServer();
  store = await createStore({ path: join(mkdtempSync(join(tmpdir(), 'bulssi-hostile-')), 'store.sqlite') });
});

afterEach(async () => {
  await store.close();
  await server.close();
});

async function scan(
  sources: ConfigInput['sources'],
): Promise<{ summary: ScanSummary; alerts: Thread[]; config: Config }> {
  const config = configFrom({
    watch: { brands: [{ name: '한빛푸드', aliases: ['Hanbit Foods'] }] },
    sources,
    http: {
      timeoutMs: 800,
      maxBodyBytes: 256 * 1024,
      retries: 0,
      perHostIntervalMs: 0,
      perHostConcurrency: 8,
    },
  });
  const alerts: Thread[] = [];
  const summary = await runScan({
    sources: config.sources.map((s) => createSource(s)),
    sourceName: (id) => id,
    http: createHttpClient({ config: config.http, validators: store.validators }),
    store,
    notifier: { notify: async (thread) => void alerts.push(thread) },
    match: createMatcher(config.watch),
    score: (post) => scorePost({ title: post.title, text: post.text, metrics: post.metrics }),
    threshold: 'low',
    queries: searchQueries(config.watch),
    env: {},
    logger: pino({ level: 'silent' }),
    now: () => new Date('2026-11-22T00:00:00Z'),
  });
  return { summary, alerts, config };
}

const feed = (id: string, path: string) => ({ id, type: 'feed' as const, url: `${server.url}${path}` });
const html = (id: string, path: string) => ({
  id,
  type: 'html' as const,
  url: `${server.url}${path}`,
  selectors,
});

describe('a scan over hostile and broken input', () => {
  it('fails each broken source with a clear error, keeps the good ones, and loses nothing stored', async () => {
    server.route('/good.xml', respond(200, rss(item('g1', '한빛푸드 과자에서 벌레가 나왔어요'))));
    const first = await scan([feed('good', '/good.xml')]);
    expect(first.summary.newThreads).toBe(1);

    server.route(
      '/truncated.xml',
      respond(200, rss(item('t1', '한빛푸드 이물질')).slice(0, 120), {
        'content-type': 'application/rss+xml',
      }),
    );
    server.route(
      '/binary.html',
      respond(200, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]), {
        'content-type': 'image/png',
      }),
    );
    server.route('/huge.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => {
        sent = Number.POSITIVE_INFINITY;
      });
      pump();
    });
    server.route('/drip.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('<'), 200);
      res.on('close', () => clearInterval(timer));
    });
    server.route('/loop-a', respond(302, '', { location: '/loop-b' }));
    server.route('/loop-b', respond(302, '', { location: '/loop-a' }));
    server.route(
      '/good.xml',
      respond(
        200,
        rss(item('g1', '한빛푸드 과자에서 벌레가 나왔어요') + item('g2', 'Hanbit Foods opens a plant')),
      ),
    );

    const { summary } = await scan([
      feed('good', '/good.xml'),
      feed('truncated', '/truncated.xml'),
      html('binary', '/binary.html'),
      html('huge', '/huge.html'),
      html('drip', '/drip.html'),
      html('loop', '/loop-a'),
    ]);

    const byId = new Map(summary.sources.map((s) => [s.id, s]));
    expect(byId.get('good')).toMatchObject({ ok: true, items: 2 });
    expect(byId.get('truncated')?.ok).toBe(false);
    expect(byId.get('truncated')?.error).toMatch(/truncated|not valid|parse|XML|feed/i);
    expect(byId.get('binary')?.error).toMatch(/image\/png|not text/i);
    expect(byId.get('huge')?.error).toMatch(/262144-byte limit \(http\.maxBodyBytes\)/);
    expect(byId.get('drip')?.error).toMatch(/within 800 ms \(http\.timeoutMs\)/);
    expect(byId.get('loop')?.error).toMatch(/redirect/i);
    for (const run of summary.sources.filter((s) => !s.ok))
      expect(run.error).toContain(server.url.replace('http://', ''));

    expect(summary.newThreads).toBe(1);
    expect(summary.updatedThreads).toBe(1);
    const kept = [];
    for await (const thread of store.threads()) kept.push(thread.title);
    expect(kept.sort()).toEqual(['Hanbit Foods opens a plant', '한빛푸드 과자에서 벌레가 나왔어요']);
  });

  it('decodes a page that lies about its charset without crashing, and matches what it can', async () => {
    const eucKr = iconv.encode(board(row(1, '한빛푸드 직원이 불친절해요')), 'cp949');
    server.route('/liar.html', respond(200, eucKr, { 'content-type': 'text/html; charset=utf-8' }));
    server.route('/honest.html', respond(200, eucKr, { 'content-type': 'text/html; charset=euc-kr' }));
    const { summary } = await scan([html('liar', '/liar.html'), html('honest', '/honest.html')]);
    expect(summary.sources.every((s) => s.ok)).toBe(true);
    expect(summary.sources.find((s) => s.id === 'honest')).toMatchObject({ items: 1, matched: 1 });
    expect(summary.sources.find((s) => s.id === 'liar')).toMatchObject({ items: 1, matched: 0 });
  });

  it('neutralises zero-width and right-to-left characters, giant titles and chat markup in titles', async () => {
    const giant = `한빛푸드 ${'a'.repeat(100_000)}`;
    server.route(
      '/board.html',
      respond(
        200,
        board(
          row(1, '한\u200b빛\u200d푸드 고객센터 \u202e불친절\u202c 최악') +
            row(2, giant) +
            row(
              3,
              '한빛푸드 &lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|bank.com&gt; 환불 거부 \x1b[31m',
            ),
        ),
      ),
    );
    const { summary, alerts } = await scan([html('board', '/board.html')]);
    expect(summary.sources[0]).toMatchObject({ ok: true, items: 3, matched: 3 });
    const threads: Thread[] = [];
    for await (const thread of store.threads()) threads.push(thread);
    expect(Math.max(...threads.map((t) => t.title.length))).toBeLessThanOrEqual(300);
    for (const thread of alerts) {
      const block = formatAlert(thread, { sourceName: 'board' });
      for (const unsafe of ['\u200b', '\u200d', '\u202e', '\u202c', '\x1b'])
        expect(block).not.toContain(unsafe);
    }
    expect(alerts.some((t) => t.title.includes('<!channel>'))).toBe(true);
  });
});
