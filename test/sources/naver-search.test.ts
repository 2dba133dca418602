import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { naverSourceSchema } from '../../src/config/schema.js';
import { ParseError } from '../../src/errors.js';
import {
  createNaverSearchSource,
  naverAuthHeaders,
  parseNaverSearch,
} from '../../src/sources/naver-search.js';
import { type FixtureServer, type Handler, respond, startFixtureServer } from '../helpers/fixture-server.js';
import { createTestHttp } from '../helpers/test-http.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/sources/${name}`, import.meta.url), 'utf8');
const now = new Date('2026-11-20T06:00:00Z');
const options = { sourceId: 'naver', kind: 'blog' as const, label: 'blog "한빛푸드"', now };
const env = { NAVER_CLIENT_ID: 'id-123', NAVER_CLIENT_SECRET: 'secret-456' };

describe('parseNaverSearch', () => {
  it('strips <b> highlights and entities from blog results, with the blogger and the post day', () => {
    const { posts, skipped } = parseNaverSearch(fixture('naver-blog.json'), options);
    expect(skipped).toBe(1);
    expect(posts[0]).toEqual({
      id: 'naver:https://blog.naver.com/basakmom/223456789012',
      sourceId: 'naver',
      url: 'https://blog.naver.com/basakmom/223456789012',
      title: '한빛푸드 바삭칩 "이물질" 후기 & 고객센터 통화',
      text: "오늘 산 한빛푸드 과자에서 검은 이물질이... 고객센터는 <연결 불가> 'ㅠㅠ'",
      author: '바삭맘의 육아일기',
      publishedAt: '2026-11-19T15:00:00.000Z',
      metrics: {},
      lang: 'ko',
    });
    expect(posts[1]).toMatchObject({
      title: 'Hanbit Foods review',
      lang: 'en',
      publishedAt: '2026-11-18T15:00:00.000Z',
    });
  });

  it('reads news with its RFC 822 date and keeps the Naver News link, where the comments are', () => {
    const { posts } = parseNaverSearch(fixture('naver-news.json'), { ...options, kind: 'news' });
    expect(posts).toEqual([
      expect.objectContaining({
        url: 'https://n.news.naver.com/mnews/article/001/0012345678?sid=101',
        title: '한빛푸드, 바삭칩 전량 회수 결정',
        publishedAt: '2026-11-20T05:05:00.000Z',
        media: true,
      }),
    ]);
    expect(parseNaverSearch(fixture('naver-blog.json'), options).posts[0]?.media).toBeUndefined();
  });

  it('keeps links as the API gives them: query parameters named like HTML entities stay intact', () => {
    const link =
      'https://kin.naver.com/qna/detail.naver?d1id=8&docId=405016530&enc=utf8&section=kin.qna_ency&rank=1';
    const other = 'https://m.example.com/a?x=1&region=kr&copy=2&not=3&times=4';
    const body = JSON.stringify({
      items: [
        { title: '한빛푸드 질문', link },
        { title: '한빛푸드 지역', link: other },
        { title: '한빛푸드 escaped', link: 'https://blog.example.com/p?a=1&amp;b=2' },
      ],
    });
    const { posts } = parseNaverSearch(body, { ...options, kind: 'kin', label: 'kin "한빛푸드"' });
    expect(posts.map((p) => p.url)).toEqual([link, other, 'https://blog.example.com/p?a=1&b=2']);
  });

  it('reads café articles, which carry no date', () => {
    const { posts } = parseNaverSearch(fixture('naver-cafe.json'), { ...options, kind: 'cafearticle' });
    expect(posts[0]).toMatchObject({
      url: 'https://cafe.naver.com/momcafe/123456',
      title: '한빛푸드 도시락 먹고 배탈 났어요',
    });
    expect(posts[0]?.publishedAt).toBeUndefined();
  });

  it.each([
    [
      'not JSON',
      '<html>502 Bad Gateway</html>',
      /Naver source 'naver' \(blog "한빛푸드"\): the response is not JSON/,
    ],
    [
      'an error object',
      '{"errorMessage":"Authentication failed","errorCode":"024"}',
      /Naver says "Authentication failed"/,
    ],
    ['items of the wrong type', '{"items":"none"}', /the response has no items list/],
  ])('throws a ParseError on %s', (_name, body, message) => {
    expect(() => parseNaverSearch(body, options)).toThrow(ParseError);
    expect(() => parseNaverSearch(body, options)).toThrow(message);
  });
});

describe('naverAuthHeaders', () => {
  it('sends the open API headers by default and the API HUB headers when asked', () => {
    expect(naverAuthHeaders('openapi', env, 'naver')).toEqual({
      'X-Naver-Client-Id': 'id-123',
      'X-Naver-Client-Secret': 'secret-456',
    });
    expect(naverAuthHeaders('apihub', env, 'naver')).toEqual({
      'X-NCP-APIGW-API-KEY-ID': 'id-123',
      'X-NCP-APIGW-API-KEY': 'secret-456',
    });
  });

  it('names the missing environment variables', () => {
    expect(() => naverAuthHeaders('openapi', { NAVER_CLIENT_ID: 'x' }, 'naver')).toThrow(
      /Naver source 'naver' needs API keys: set NAVER_CLIENT_SECRET in the environment/,
    );
    expect(() => naverAuthHeaders('openapi', {}, 'naver')).toThrow(
      /set NAVER_CLIENT_ID and NAVER_CLIENT_SECRET/,
    );
  });
});

describe('naver search source', () => {
  let server: FixtureServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const json = (name: string) =>
    respond(200, fixture(name), { 'content-type': 'application/json; charset=utf-8' });

  it('asks every kind for every query, newest first, and keeps each link once', async () => {
    server = await startFixtureServer({
      '/v1/search/blog.json': json('naver-blog.json'),
      '/v1/search/news.json': json('naver-news.json'),
    });
    const config = naverSourceSchema.parse({
      id: 'naver',
      type: 'naver',
      kinds: ['blog', 'news'],
      baseUrl: `${server.url}/v1/search/`,
      display: 50,
    });
    const result = await createNaverSearchSource(config, { now: () => now }).fetchPosts({
      http: createTestHttp(),
      queries: ['한빛푸드', 'Hanbit Foods'],
      env,
    });

    const asked = server.requests.map((r) => {
      const url = new URL(r.path, server?.url);
      return `${url.pathname} ${url.searchParams.get('query')} ${url.searchParams.get('display')} ${url.searchParams.get('sort')}`;
    });
    expect(asked.sort()).toEqual([
      '/v1/search/blog.json Hanbit Foods 50 date',
      '/v1/search/blog.json 한빛푸드 50 date',
      '/v1/search/news.json Hanbit Foods 50 date',
      '/v1/search/news.json 한빛푸드 50 date',
    ]);
    expect(server.requests[0]?.headers['x-naver-client-id']).toBe('id-123');
    expect(server.requests[0]?.headers['x-naver-client-secret']).toBe('secret-456');
    expect(result.posts.map((p) => p.url)).toEqual([
      'https://blog.naver.com/basakmom/223456789012',
      'https://blog.naver.com/snackfan/223456789013',
      'https://n.news.naver.com/mnews/article/001/0012345678?sid=101',
    ]);
    expect(result.warnings).toEqual([
      'blog "한빛푸드": 1 items without a title or link were skipped',
      'blog "Hanbit Foods": 1 items without a title or link were skipped',
    ]);
  });

  it('keeps the results of the requests that worked and warns about the one that failed', async () => {
    server = await startFixtureServer({ '/v1/search/blog.json': json('naver-blog.json') });
    const config = naverSourceSchema.parse({
      id: 'naver',
      type: 'naver',
      kinds: ['blog', 'kin'],
      baseUrl: `${server.url}/v1/search`,
    });
    const result = await createNaverSearchSource(config, { now: () => now }).fetchPosts({
      http: createTestHttp(),
      queries: ['한빛푸드'],
      env,
    });
    expect(result.posts).toHaveLength(2);
    expect(result.warnings).toContainEqual(expect.stringMatching(/^kin "한빛푸드" failed: .*HTTP 404/));
  });

  it('fails with advice about the keys when Naver answers 401 to every request', async () => {
    server = await startFixtureServer({
      '/v1/search/blog.json': respond(
        401,
        '{"errorMessage":"Authentication failed (인증 실패)","errorCode":"024"}',
        {
          'content-type': 'application/json',
        },
      ),
    });
    const config = naverSourceSchema.parse({
      id: 'naver',
      type: 'naver',
      kinds: ['blog'],
      baseUrl: `${server.url}/v1/search`,
    });
    const source = createNaverSearchSource(config);
    await expect(
      source.fetchPosts({ http: createTestHttp(), queries: ['한빛푸드'], env }),
    ).rejects.toMatchObject({
      name: 'FetchError',
      status: 401,
      message: expect.stringContaining('check NAVER_CLIENT_ID and NAVER_CLIENT_SECRET'),
    });
  });

  it('fails before any request when the keys are missing', async () => {
    server = await startFixtureServer();
    const config = naverSourceSchema.parse({
      id: 'naver',
      type: 'naver',
      baseUrl: `${server.url}/v1/search`,
    });
    await expect(
      createNaverSearchSource(config).fetchPosts({
        http: createTestHttp(),
        queries: ['한빛푸드'],
        env: {},
      }),
    ).rejects.toMatchObject({ code: 'ERR_MISSING_SECRET' });
    expect(server.requests).toEqual([]);
  });
});

describe('naver search paging', () => {
  let server: FixtureServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  type Item = { title: string; link: string; postdate?: string; pubDate?: string };
  /**
   * A fake Naver Search API answering like the real one: `results(kind, query)` newest first, sliced by
   * `start` and `display`, with `total`; start past 1000 or display past 100 is refused as Naver does.
   */
  const startFakeNaver = async (results: (kind: string, query: string) => Item[]) => {
    const handler =
      (kind: string): Handler =>
      (req, res) => {
        const params = new URL(req.url ?? '/', 'http://naver.test').searchParams;
        const start = Number(params.get('start') ?? 1);
        const display = Number(params.get('display') ?? 10);
        if (start > 1000 || display > 100) {
          res
            .writeHead(400, { 'content-type': 'application/json' })
            .end(JSON.stringify({ errorMessage: 'Invalid start value', errorCode: 'SE03' }));
          return;
        }
        const all = results(kind, params.get('query') ?? '');
        const items = all.slice(start - 1, start - 1 + display);
        res
          .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify({ total: all.length, start, display: items.length, items }));
      };
    server = await startFixtureServer(
      Object.fromEntries(
        ['blog', 'news', 'cafearticle', 'kin'].map((k) => [`/v1/search/${k}.json`, handler(k)]),
      ),
    );
    return server;
  };
  const asked = (fake: FixtureServer) =>
    fake.requests.map((r) => {
      const params = new URL(r.path, fake.url).searchParams;
      return `${new URL(r.path, fake.url).pathname.split('/').pop()} ${params.get('query')} start=${params.get('start') ?? 1}`;
    });
  const source = (fake: FixtureServer, clock: () => Date, extra: Record<string, unknown> = {}) =>
    createNaverSearchSource(
      naverSourceSchema.parse({ id: 'naver', type: 'naver', baseUrl: `${fake.url}/v1/search`, ...extra }),
      { now: clock },
    );
  const blogPost = (id: number, postdate = '20261120'): Item => ({
    title: `한빛푸드 후기 ${id}`,
    link: `https://blog.naver.com/fan/${id}`,
    postdate,
  });

  it('reads a burst since the previous scan page by page until it reaches results already seen', async () => {
    // 20 posts today; the first scan reads them in one request.
    const blog: Item[] = Array.from({ length: 20 }, (_, i) => blogPost(1000 - i));
    const fake = await startFakeNaver(() => blog);
    let clock = new Date('2026-11-20T06:00:00Z');
    const naver = source(fake, () => clock, { kinds: ['blog'] });
    const read = () => naver.fetchPosts({ http: createTestHttp(), queries: ['한빛푸드'], env });

    const first = await read();
    expect(first.posts).toHaveLength(20);
    expect(asked(fake)).toEqual(['blog.json 한빛푸드 start=1']);

    // 75 new posts before the next scan: two full pages and part of a third.
    blog.unshift(...Array.from({ length: 75 }, (_, i) => blogPost(2000 - i)));
    clock = new Date('2026-11-20T06:10:00Z');
    fake.requests.length = 0;
    const second = await read();
    expect(asked(fake)).toEqual([
      'blog.json 한빛푸드 start=1',
      'blog.json 한빛푸드 start=31',
      'blog.json 한빛푸드 start=61',
    ]);
    const urls = new Set(second.posts.map((p) => p.url));
    for (let id = 2000; id > 1925; id -= 1) expect(urls).toContain(`https://blog.naver.com/fan/${id}`);
    expect(second.warnings).toEqual([]);

    // Nothing new: one request.
    clock = new Date('2026-11-20T06:20:00Z');
    fake.requests.length = 0;
    const third = await read();
    expect(asked(fake)).toEqual(['blog.json 한빛푸드 start=1']);
    expect(third.warnings).toEqual([]);
  });

  it('stops at the page limit of a 500-result burst with a warning naming the query and what was skipped', async () => {
    // 500 results, all from today: none is old enough to stop at.
    const blog = Array.from({ length: 500 }, (_, i) => blogPost(10_000 - i));
    const fake = await startFakeNaver(() => blog);
    const clock = () => new Date('2026-11-20T06:00:00Z');
    const capped = await source(fake, clock, { kinds: ['blog'] }).fetchPosts({
      http: createTestHttp(),
      queries: ['한빛푸드'],
      env,
    });
    expect(asked(fake)).toEqual(
      Array.from({ length: 10 }, (_, i) => `blog.json 한빛푸드 start=${1 + 30 * i}`),
    );
    expect(capped.posts).toHaveLength(300);
    expect(capped.warnings).toEqual([
      'blog "한빛푸드": the page limit was reached (maxPages 10, 300 results read); 200 more results were skipped',
    ]);

    // With room for it, the whole burst is read and nothing is said.
    fake.requests.length = 0;
    const all = await source(fake, clock, { kinds: ['blog'], display: 100, maxPages: 20 }).fetchPosts({
      http: createTestHttp(),
      queries: ['한빛푸드'],
      env,
    });
    expect(asked(fake)).toHaveLength(5);
    expect(all.posts).toHaveLength(500);
    expect(all.warnings).toEqual([]);
  });

  it('never asks past the 1,000th result, and says how many it could not read', async () => {
    const blog = Array.from({ length: 1500 }, (_, i) => blogPost(10_000 - i));
    const fake = await startFakeNaver(() => blog);
    const result = await source(fake, () => new Date('2026-11-20T06:00:00Z'), {
      kinds: ['blog'],
      display: 100,
      maxPages: 50,
    }).fetchPosts({ http: createTestHttp(), queries: ['한빛푸드'], env });
    expect(asked(fake)).toHaveLength(10);
    expect(result.posts).toHaveLength(1000);
    expect(result.warnings).toEqual([
      'blog "한빛푸드": Naver serves no result past the 1000th; 500 more results were skipped',
    ]);
  });

  it('reads a day back on its first scan, and a quiet query costs one request', async () => {
    const scanAt = new Date('2026-11-20T06:00:00Z').getTime();
    const minutes = (n: number) => new Date(scanAt - n * 60_000).toUTCString();
    // "한빛푸드": a news item every 10 minutes, 500 in all; "Hanbit Foods": one a day.
    const fake = await startFakeNaver((_kind, query) =>
      Array.from({ length: 500 }, (_, i) => ({
        title: `${query} 기사 ${i}`,
        link: `https://n.news.naver.com/mnews/article/001/${query === '한빛푸드' ? 1 : 2}${String(i).padStart(5, '0')}`,
        pubDate: minutes(query === '한빛푸드' ? 5 + 10 * i : 60 * 24 * i + 5),
      })),
    );
    const result = await source(fake, () => new Date(scanAt), { kinds: ['news'] }).fetchPosts({
      http: createTestHttp(),
      queries: ['한빛푸드', 'Hanbit Foods'],
      env,
    });
    // 144 items in the last 24 hours: the fifth page (items 121-150) reaches past them.
    expect(asked(fake).sort()).toEqual(
      [
        'news.json Hanbit Foods start=1',
        ...[1, 31, 61, 91, 121].map((start) => `news.json 한빛푸드 start=${start}`),
      ].sort(),
    );
    expect(result.posts).toHaveLength(180);
    expect(result.warnings).toEqual([]);
  });

  it('reads café results, which carry no date, one page on the first scan and up to the last seen one after', async () => {
    const cafe: Item[] = Array.from({ length: 500 }, (_, i) => ({
      title: `한빛푸드 글 ${i}`,
      link: `https://cafe.naver.com/mom/${5000 - i}`,
    }));
    const fake = await startFakeNaver(() => cafe);
    const naver = source(fake, () => new Date('2026-11-20T06:00:00Z'), { kinds: ['cafearticle'] });
    const read = () => naver.fetchPosts({ http: createTestHttp(), queries: ['한빛푸드'], env });
    expect((await read()).posts).toHaveLength(30);
    expect(asked(fake)).toEqual(['cafearticle.json 한빛푸드 start=1']);

    cafe.unshift(
      ...Array.from({ length: 40 }, (_, i) => ({
        title: `한빛푸드 새 글 ${i}`,
        link: `https://cafe.naver.com/mom/${9000 - i}`,
      })),
    );
    fake.requests.length = 0;
    const second = await read();
    expect(asked(fake)).toEqual(['cafearticle.json 한빛푸드 start=1', 'cafearticle.json 한빛푸드 start=31']);
    expect(second.posts.filter((p) => p.title.includes('새 글'))).toHaveLength(40);
  });

  it('keeps the pages read before a later page failed, warns, and reads that burst again on the next scan', async () => {
    const blog: Item[] = Array.from({ length: 10 }, (_, i) => blogPost(1000 - i));
    let failFrom = Number.POSITIVE_INFINITY;
    const fake = await startFakeNaver(() => blog);
    fake.route('/v1/search/blog.json', (req, res) => {
      const params = new URL(req.url ?? '/', 'http://naver.test').searchParams;
      const start = Number(params.get('start') ?? 1);
      if (start >= failFrom) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('gone');
        return;
      }
      const items = blog.slice(start - 1, start - 1 + Number(params.get('display')));
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ total: blog.length, items }));
    });
    const naver = source(fake, () => new Date('2026-11-20T06:00:00Z'), { kinds: ['blog'] });
    const read = () => naver.fetchPosts({ http: createTestHttp({ retries: 0 }), queries: ['한빛푸드'], env });
    await read();

    blog.unshift(...Array.from({ length: 70 }, (_, i) => blogPost(2000 - i)));
    failFrom = 31;
    fake.requests.length = 0;
    const broken = await read();
    expect(asked(fake)).toEqual(['blog.json 한빛푸드 start=1', 'blog.json 한빛푸드 start=31']);
    expect(broken.posts).toHaveLength(30);
    expect(broken.warnings).toEqual([
      expect.stringMatching(/^blog "한빛푸드": page 2 \(results from 31\) failed: .*HTTP 404/),
    ]);

    failFrom = Number.POSITIVE_INFINITY;
    fake.requests.length = 0;
    const again = await read();
    expect(asked(fake)).toEqual([
      'blog.json 한빛푸드 start=1',
      'blog.json 한빛푸드 start=31',
      'blog.json 한빛푸드 start=61',
    ]);
    expect(again.posts).toHaveLength(80);
  });
});
