import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { htmlSourceSchema } from '../../src/config/schema.js';
import { createHtmlBoardSource, parseBoardList, parseBoardPost } from '../../src/sources/html-board.js';
import { type FixtureServer, respond, startFixtureServer } from '../helpers/fixture-server.js';
import { createTestHttp } from '../helpers/test-http.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/sources/${name}`, import.meta.url), 'utf8');
// Friday 20 November 2026, 15:00 in Korea.
const now = new Date('2026-11-20T06:00:00Z');
const pageUrl = 'https://community.example.kr/board/list.php?id=free&page=1';
const selectors = {
  item: 'table.board-list tr.item',
  title: 'td.subject a',
  author: 'td.writer',
  date: 'td.date',
  views: 'td.hit',
  comments: 'td.subject .cmt',
  likes: 'td.recommend',
};
const follow = {
  body: '.post-body',
  views: '.view-head .hit',
  comments: '.view-head .cmt-count',
  likes: '.view-head .recommend',
};
const view = (no: number) => `https://community.example.kr/board/view.php?id=free&no=${no}`;

describe('parseBoardList', () => {
  const { posts, warnings } = parseBoardList(fixture('board-list.html'), {
    sourceId: 'board',
    pageUrl,
    selectors,
    now,
  });

  it('finds every post once, skipping notice rows with javascript: links, ads without a title and repeated links', () => {
    expect(posts.map((p) => p.url)).toEqual([
      `${view(1024)}&page=1`,
      view(1023),
      view(1022),
      view(1021),
      view(1020),
    ]);
    expect(warnings).toEqual([]);
  });

  it.each([
    [
      0,
      '한빛푸드 바삭칩에서 이물질 나왔어요 (사진 있음)',
      '바삭맘',
      '2026-11-20T05:32:00.000Z',
      { views: 1234, comments: 12, likes: 5 },
    ],
    [
      1,
      '한빛푸드 신상 딸기케이크 진짜 죽인다',
      '디저트러버',
      '2026-11-18T15:00:00.000Z',
      { views: 12_000, comments: 3, likes: 3000 },
    ],
    [2, '똠양꿍 먹고 뷁 & <script>alert(1)</script> "후기"', '화난소비자', '2026-11-20T05:57:00.000Z', {}],
    [
      3,
      '한빛 푸드 고객센터 너무 불친절하네요',
      '걱정엄마',
      '2026-11-18T12:05:33.000Z',
      { views: 89, likes: 0 },
    ],
    [4, '어제 올라온 글', '익명', '2026-11-18T15:00:00.000Z', { views: 45, likes: 1 }],
  ])('reads row %i: title %j, author, date and counts', (index, title, author, publishedAt, metrics) => {
    expect(posts[index]).toMatchObject({ title, author, publishedAt, metrics, text: '', lang: 'ko' });
  });

  it('keys each post by source and link', () => {
    expect(posts[1]?.id).toBe(`board:${view(1023)}`);
  });

  it('warns with the selector and the URL when the item selector matches nothing', () => {
    const result = parseBoardList('<html><body><ul class="new-layout"><li>글</li></ul></body></html>', {
      sourceId: 'board',
      pageUrl,
      selectors,
      now,
    });
    expect(result).toEqual({
      posts: [],
      warnings: [`item selector 'table.board-list tr.item' matched nothing on ${pageUrl}`],
    });
  });

  it('names the config key of a selector that is not valid CSS', () => {
    expect(() =>
      parseBoardList('<p></p>', {
        sourceId: 'board',
        pageUrl,
        selectors: { ...selectors, views: 'td[hit' },
        now,
      }),
    ).toThrow(/HTML source 'board': selectors.views 'td\[hit' is not a valid CSS selector/);
  });

  it('warns when items are found but none has a title', () => {
    const html =
      '<table class="board-list"><tr class="item"><td class="title"><a href="/1">x</a></td></tr></table>';
    const result = parseBoardList(html, { sourceId: 'board', pageUrl, selectors, now });
    expect(result.posts).toEqual([]);
    expect(result.warnings).toEqual([
      `title selector 'td.subject a' matched nothing in 1 items on ${pageUrl}`,
    ]);
  });

  it('takes the link from a separate selector, from an inner <a>, and honours <base href>', () => {
    const html = `<head><base href="https://mirror.example.kr/b/"></head>
      <div class="row"><span class="t">첫 글</span><span class="go"><a href="read?no=1">보기</a></span></div>
      <div class="row"><strong class="t"><a href="read?no=2">둘째 글</a></strong></div>`;
    const result = parseBoardList(html, {
      sourceId: 'b',
      pageUrl,
      selectors: { item: 'div.row', title: '.t', link: '.go' },
      now,
    });
    expect(result.posts.map((p) => [p.title, p.url])).toEqual([
      ['첫 글', 'https://mirror.example.kr/b/read?no=1'],
    ]);
    const inner = parseBoardList(html, {
      sourceId: 'b',
      pageUrl,
      selectors: { item: 'div.row', title: '.t' },
      now,
    });
    expect(inner.posts.map((p) => [p.title, p.url])).toEqual([
      ['둘째 글', 'https://mirror.example.kr/b/read?no=2'],
    ]);
  });
});

describe('parseBoardPost', () => {
  it('reads the body as plain text without scripts, and the counts on the page', () => {
    expect(parseBoardPost(fixture('board-post.html'), follow)).toEqual({
      text:
        '오늘 편의점에서 산 한빛푸드 바삭칩 봉지 안에서 검은 이물질이 나왔습니다. 사진 첨부합니다. ' +
        '아이가 먹다가 발견했는데 너무 놀랐어요. 고객센터에 전화했는데 연결이 안 되네요 ㅠㅠ',
      metrics: { views: 1240, comments: 14, likes: 6 },
    });
  });

  it('reports a missing body as undefined', () => {
    expect(parseBoardPost('<p>삭제된 게시물입니다.</p>', { body: '.post-body' })).toEqual({
      text: undefined,
      metrics: {},
    });
  });
});

describe('html board source', () => {
  let server: FixtureServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const eucKr = (html: string) => respond(200, iconv.encode(html, 'cp949'), { 'content-type': 'text/html' });
  const ctx = () => ({ http: createTestHttp(), queries: [], env: {} });

  it('reads an EUC-KR board whose charset only its <meta> declares, with Korean intact', async () => {
    server = await startFixtureServer({ '/board/list.php': eucKr(fixture('board-list.html')) });
    const config = htmlSourceSchema.parse({
      id: 'board',
      type: 'html',
      url: `${server.url}/board/list.php?id=free`,
      selectors,
    });
    const context = ctx();
    const result = await createHtmlBoardSource(config, { now: () => now }).fetchPosts(context);

    expect(result.warnings).toEqual([]);
    expect(result.posts.map((p) => p.title)).toContain('똠양꿍 먹고 뷁 & <script>alert(1)</script> "후기"');
    expect(result.posts[0]?.url).toBe(`${server.url}/board/view.php?id=free&no=1024&page=1`);
    expect(context.http.calls[0]?.options).toEqual({ robots: true, conditional: true });
  });

  it('passes a forced encoding to the HTTP client for pages that do not declare one', async () => {
    const withoutMeta = fixture('board-list.html').replace(/<meta[^>]*>/, '');
    server = await startFixtureServer({ '/list': eucKr(withoutMeta) });
    const config = htmlSourceSchema.parse({
      id: 'board',
      type: 'html',
      url: `${server.url}/list`,
      encoding: 'euc-kr',
      selectors,
    });
    const context = ctx();
    const result = await createHtmlBoardSource(config, { now: () => now }).fetchPosts(context);
    expect(result.posts[0]?.title).toBe('한빛푸드 바삭칩에서 이물질 나왔어요 (사진 있음)');
    expect(context.http.calls[0]?.options).toEqual({ robots: true, encoding: 'euc-kr', conditional: true });
  });

  it('follows the newest posts up to the limit; a failed post page is a warning, not a failure', async () => {
    server = await startFixtureServer({
      '/board/list.php': eucKr(fixture('board-list.html')),
      '/board/view.php': (req, res) => {
        const no = new URL(req.url ?? '/', 'http://x').searchParams.get('no');
        if (no === '1024') return eucKr(fixture('board-post.html'))(req, res);
        if (no === '1023') return respond(500, 'oops')(req, res);
        return eucKr('<html><head><meta charset="euc-kr"></head><body><p>삭제된 글입니다</p></body></html>')(
          req,
          res,
        );
      },
    });
    const config = htmlSourceSchema.parse({
      id: 'board',
      type: 'html',
      url: `${server.url}/board/list.php?id=free`,
      selectors,
      follow: { ...follow, limit: 3 },
    });
    const result = await createHtmlBoardSource(config, { now: () => now }).fetchPosts(ctx());

    // The failing page is asked twice (the client retries a 5xx once); the set of pages is what matters here.
    const fetched = new Set(
      server.requests.map((r) => r.path).filter((p) => p.startsWith('/board/view.php')),
    );
    expect([...fetched].sort()).toEqual([
      '/board/view.php?id=free&no=1022',
      '/board/view.php?id=free&no=1023',
      '/board/view.php?id=free&no=1024&page=1',
    ]);
    const [followed, failed, , notFollowed] = result.posts;
    expect(followed).toMatchObject({ metrics: { views: 1240, comments: 14, likes: 6 }, lang: 'ko' });
    expect(followed?.text).toMatch(/^오늘 편의점에서 산 한빛푸드 바삭칩/);
    expect(failed).toMatchObject({ text: '', metrics: { views: 12_000, comments: 3, likes: 3000 } });
    expect(notFollowed?.text).toBe('');
    const warnings = result.warnings.sort();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toBe(
      `follow body selector '.post-body' matched nothing on ${server.url}/board/view.php?id=free&no=1022`,
    );
    expect(warnings[1]).toMatch(
      /^post page http:\/\/127\.0\.0\.1:\d+\/board\/view\.php\?id=free&no=1023 could not be read: .*HTTP 500/,
    );
  });

  it('skips parsing when the list page has not changed', async () => {
    server = await startFixtureServer({
      '/list': (req, res) => {
        if (req.headers['if-none-match'] === '"a"') return void res.writeHead(304).end();
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"a"' })
          .end(fixture('board-list.html'));
      },
    });
    const config = htmlSourceSchema.parse({
      id: 'board',
      type: 'html',
      url: `${server.url}/list`,
      selectors,
    });
    const source = createHtmlBoardSource(config, { now: () => now });
    const context = ctx();
    expect((await source.fetchPosts(context)).posts).toHaveLength(5);
    expect(await source.fetchPosts(context)).toEqual({ posts: [], unchanged: true, warnings: [] });
  });

  it('returns no posts and a warning when the layout changed', async () => {
    server = await startFixtureServer({
      '/list': respond(200, '<html><body><div class="v2"></div></body></html>'),
    });
    const config = htmlSourceSchema.parse({
      id: 'board',
      type: 'html',
      url: `${server.url}/list`,
      selectors,
    });
    const result = await createHtmlBoardSource(config).fetchPosts(ctx());
    expect(result).toEqual({
      posts: [],
      unchanged: false,
      warnings: [`item selector 'table.board-list tr.item' matched nothing on ${server.url}/list`],
    });
  });
});
