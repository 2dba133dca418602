import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { feedSourceSchema, htmlSourceSchema } from '../../src/config/schema.js';
import type { Thread } from '../../src/core/thread-schema.js';
import { type Bulssi, createBulssi } from '../../src/main.js';
import { createSource } from '../../src/sources/create-source.js';
import { parseDate } from '../../src/sources/date.js';
import { parseBoardList } from '../../src/sources/html-board.js';
import { parseNaverSearch } from '../../src/sources/naver-search.js';
import { type FixtureServer, respond, startFixtureServer } from '../helpers/fixture-server.js';
import { silentLogger } from '../helpers/slack-fixtures.js';
import { createTestHttp } from '../helpers/test-http.js';

// Monday 7 December 2026: midnight in New York, 14:00 in Korea.
const now = new Date('2026-12-07T05:00:00Z');
const selectors = { item: 'tr.i', title: 'a', date: '.d' };
const board = (...dates: string[]) =>
  `<table>${dates.map((d, i) => `<tr class="i"><td><a href="/${i + 1}">한빛푸드 글 ${i + 1}</a></td><td class="d">${d}</td></tr>`).join('')}</table>`;

describe('dates without a zone', () => {
  it('are read in the zone the board is given, relative labels counting days there too', () => {
    const labels = ['2026-12-07 09:00', '어제 23:10', '23:50', '어제', '2026-07-07 09:00', '3분 전'];
    const read = (timeZone?: string) =>
      parseBoardList(board(...labels), {
        sourceId: 'b',
        pageUrl: 'https://us.example/',
        selectors,
        now,
        timeZone,
      }).posts.map((p) => p.publishedAt);
    expect(read('America/New_York')).toEqual([
      '2026-12-07T14:00:00.000Z',
      // "Yesterday" is 6 December in New York, where it is just past midnight.
      '2026-12-07T04:10:00.000Z',
      '2026-12-07T04:50:00.000Z',
      '2026-12-06T05:00:00.000Z',
      // Summer time.
      '2026-07-07T13:00:00.000Z',
      '2026-12-07T04:57:00.000Z',
    ]);
    // Korea, as before, when no zone is given.
    expect(read()).toEqual([
      '2026-12-07T00:00:00.000Z',
      '2026-12-06T14:10:00.000Z',
      '2026-12-06T14:50:00.000Z',
      '2026-12-05T15:00:00.000Z',
      '2026-07-07T00:00:00.000Z',
      '2026-12-07T04:57:00.000Z',
    ]);
    expect(read('Asia/Seoul')).toEqual(read());
  });

  it('follow daylight saving changes', () => {
    const ny = { now, timeZone: 'America/New_York' };
    // Clocks go forward on 8 March 2026 at 02:00 and back on 1 November at 02:00.
    expect(parseDate('2026-03-08 01:30', ny)).toBe('2026-03-08T06:30:00.000Z');
    expect(parseDate('2026-03-08 03:30', ny)).toBe('2026-03-08T07:30:00.000Z');
    expect(parseDate('2026-11-01 00:30', ny)).toBe('2026-11-01T04:30:00.000Z');
    expect(parseDate('2026-11-01 03:00', ny)).toBe('2026-11-01T08:00:00.000Z');
    // The day after the change, "yesterday 12:00" is still noon of the day before.
    expect(
      parseDate('어제 12:00', { now: new Date('2026-03-09T15:00:00Z'), timeZone: 'America/New_York' }),
    ).toBe('2026-03-08T16:00:00.000Z');
  });

  it('come from the source’s timezone, else from the zone the sources are created with', async () => {
    const server = await startFixtureServer({
      '/list': respond(200, board('2026-12-07 09:00'), { 'content-type': 'text/html; charset=utf-8' }),
      '/feed': respond(
        200,
        `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>한빛푸드</title><link>https://us.example/a</link><pubDate>2026-12-07 09:00</pubDate></item></channel></rss>`,
        { 'content-type': 'application/rss+xml' },
      ),
    });
    try {
      const ctx = { http: createTestHttp(), queries: [], env: {} };
      const html = (extra = {}) =>
        htmlSourceSchema.parse({ id: 'b', type: 'html', url: `${server.url}/list`, selectors, ...extra });
      const feed = (extra = {}) =>
        feedSourceSchema.parse({ id: 'f', type: 'feed', url: `${server.url}/feed`, ...extra });
      const first = async (source: ReturnType<typeof createSource>) =>
        (await source.fetchPosts(ctx)).posts[0]?.publishedAt;
      const options = { now: () => now, timeZone: 'America/New_York' };

      expect(await first(createSource(html(), options))).toBe('2026-12-07T14:00:00.000Z');
      expect(await first(createSource(feed(), options))).toBe('2026-12-07T14:00:00.000Z');
      expect(await first(createSource(html({ timezone: 'Europe/London' }), options))).toBe(
        '2026-12-07T09:00:00.000Z',
      );
      expect(await first(createSource(feed({ timezone: 'Asia/Seoul' }), options))).toBe(
        '2026-12-07T00:00:00.000Z',
      );
      expect(await first(createSource(html(), { now: () => now }))).toBe('2026-12-07T00:00:00.000Z');
    } finally {
      await server.close();
    }
  });

  it('on Naver are Korean whatever the schedule’s zone, unless the source says otherwise', () => {
    const body = JSON.stringify({
      items: [{ title: '한빛푸드', link: 'https://blog.naver.com/a/1', postdate: '20261207' }],
    });
    const options = { sourceId: 'naver', kind: 'blog' as const, label: 'blog', now };
    expect(parseNaverSearch(body, options).posts[0]?.publishedAt).toBe('2026-12-06T15:00:00.000Z');
    expect(parseNaverSearch(body, { ...options, timeZone: 'UTC' }).posts[0]?.publishedAt).toBe(
      '2026-12-07T00:00:00.000Z',
    );
  });
});

describe('schedule.timezone', () => {
  let bulssi: Bulssi | undefined;
  let server: FixtureServer | undefined;
  afterEach(async () => {
    await bulssi?.close();
    await server?.close();
    bulssi = undefined;
    server = undefined;
  });

  it('is the zone boards without their own timezone read bare dates in', async () => {
    const page = (n: number) =>
      `<table><tr class="i"><td><a href="/view/${n}">한빛푸드 과자에서 벌레가 나왔어요</a></td><td class="d">2026-12-07 09:00</td></tr></table>`;
    server = await startFixtureServer({
      '/us': respond(200, page(1), { 'content-type': 'text/html; charset=utf-8' }),
      '/kr': respond(200, page(2), { 'content-type': 'text/html; charset=utf-8' }),
    });
    const cwd = mkdtempSync(join(tmpdir(), 'bulssi-zone-'));
    writeFileSync(
      join(cwd, 'bulssi.yaml'),
      `watch: { brands: [{ name: 한빛푸드 }] }
sources:
  - { id: us, type: html, url: "${server.url}/us", selectors: { item: tr.i, title: a, date: .d } }
  - { id: kr, type: html, url: "${server.url}/kr", selectors: { item: tr.i, title: a, date: .d }, timezone: Asia/Seoul }
schedule: { timezone: America/New_York }
store: { path: ./s.sqlite }
http: { perHostIntervalMs: 0, respectRobots: false }
`,
    );
    bulssi = await createBulssi({
      env: {},
      cwd,
      logger: silentLogger,
      now: () => now,
      stdout: new PassThrough().resume(),
    });
    await bulssi.scan();
    const threads: Thread[] = [];
    for await (const thread of bulssi.store.threads()) threads.push(thread);
    const publishedAt = Object.fromEntries(threads.map((t) => [new URL(t.url).pathname, t.publishedAt]));
    expect(publishedAt).toEqual({
      '/view/1': '2026-12-07T14:00:00.000Z',
      '/view/2': '2026-12-07T00:00:00.000Z',
    });
  });
});
