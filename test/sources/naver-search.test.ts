import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { naverSourceSchema } from '../../src/config/schema.js';
import { ParseError } from '../../src/errors.js';
import {
  createNaverSearchSource,
  naverAuthHeaders,
  parseNaverSearch,
} from '../../src/sources/naver-search.js';
import { type FixtureServer, respond, startFixtureServer } from '../helpers/fixture-server.js';
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
