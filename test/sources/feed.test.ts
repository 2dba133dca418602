import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { feedSourceSchema } from '../../src/config/schema.js';
import { ParseError } from '../../src/errors.js';
import { createFeedSource, parseFeedPosts, unwrapRedirect } from '../../src/sources/feed.js';
import { type FixtureServer, respond, startFixtureServer } from '../helpers/fixture-server.js';
import { createTestHttp } from '../helpers/test-http.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/sources/${name}`, import.meta.url), 'utf8');
const now = new Date('2026-11-20T06:00:00Z');
const parse = (name: string, feedUrl = 'https://feeds.example.kr/feed.xml') =>
  parseFeedPosts(fixture(name), { sourceId: 'feed', feedUrl, now });

describe('parseFeedPosts', () => {
  it('reads an RSS 2.0 news feed: guid ids, plain text, authors, dates, comment counts', () => {
    const posts = parse('news-rss2.xml', 'https://news.example.kr/rss/economy.xml');
    expect(posts.map((p) => p.id)).toEqual([
      'feed:news-1001',
      'feed:https://news.example.kr/article/1002',
      'feed:https://news.example.kr/article/1003',
    ]);
    expect(posts[0]).toEqual({
      id: 'feed:news-1001',
      sourceId: 'feed',
      url: 'https://news.example.kr/article/1001?utm_source=rss',
      title: '한빛푸드, 바삭칩 이물질 논란에 "전량 회수"',
      text: '한빛푸드가 20일 바삭칩 전 제품을 회수한다고 밝혔다. 소비자 & 유통업계 반응은… 두 번째 문단',
      author: '김기자',
      publishedAt: '2026-11-20T05:05:00.000Z',
      metrics: { comments: 57 },
      lang: 'ko',
    });
  });

  it('resolves relative links, prefers content:encoded, strips tags from titles and drops scripts', () => {
    const post = parse('news-rss2.xml', 'https://news.example.kr/rss/economy.xml')[1];
    expect(post?.url).toBe('https://news.example.kr/article/1002');
    expect(post?.title).toBe('Hanbit Foods expands overseas');
    expect(post?.text).toBe('Hanbit Foods said on Friday it would open two plants in Vietnam.');
    expect(post?.lang).toBe('en');
    expect(post?.publishedAt).toBe('2026-11-19T23:30:00.000Z');
  });

  it('skips items without any link and uses a permalink guid as the link', () => {
    const posts = parse('news-rss2.xml');
    expect(posts.some((p) => p.title === '링크 없는 항목')).toBe(false);
    expect(posts[2]).toMatchObject({
      url: 'https://news.example.kr/article/1003',
      publishedAt: '2026-11-18T00:00:00.000Z',
    });
  });

  it('reads Naver blog RSS with the blog id as author', () => {
    const [post] = parse('naver-blog-rss.xml');
    expect(post).toMatchObject({
      id: 'feed:https://blog.naver.com/basakmom/223456789012',
      url: 'https://blog.naver.com/basakmom/223456789012?fromRss=true&trackingCode=rss',
      title: '한빛푸드 바삭칩 이물질 후기',
      text: '오늘 산 과자에서 검은 이물질이... 고객센터는 연결이 안 되네요 ㅠㅠ',
      author: 'basakmom',
      publishedAt: '2026-11-20T04:10:45.000Z',
    });
  });

  it('unwraps Google Alerts redirect links and strips <b> from titles', () => {
    const posts = parse('google-alerts.atom');
    expect(posts.map((p) => [p.url, p.title])).toEqual([
      [
        'https://www.example-news.co.kr/news/articleView.html?idxno=31337',
        '한빛푸드 바삭칩 "이물질" 신고 잇따라',
      ],
      ['https://www.example.com/business/hanbit-recall', 'Hanbit Foods recalls snack line'],
    ]);
    expect(posts[0]?.id).toBe('feed:tag:google.com,2013:googlealerts/feed:1845094539862216441');
    expect(posts[0]?.text).toBe('한빛푸드 바삭칩에서 이물질이 나왔다는 소비자 신고가 잇따르고 있다 ...');
    expect(posts[0]?.author).toBeUndefined();
    expect(posts[1]?.text).toBe('Hanbit Foods said it would recall & destroy ...');
  });

  it('reads Reddit Atom: a plain-text title keeps its ampersand, the HTML body loses its markup', () => {
    const [post] = parse('reddit.atom');
    expect(post).toMatchObject({
      id: 'feed:t3_1abcde',
      url: 'https://www.reddit.com/r/korea/comments/1abcde/found_something_in_hanbit_chips/',
      title: 'Found something in Hanbit chips & the support line is dead',
      text: 'Found something black in my Hanbit chips. Anyone else? submitted by /u/seoul_snacker',
      author: '/u/seoul_snacker',
      publishedAt: '2026-11-20T04:00:00.000Z',
      lang: 'en',
    });
  });

  it('reads RDF (RSS 1.0) with dc:date, dc:creator and slash:comments', () => {
    const [post] = parse('slashdot.rdf');
    expect(post).toMatchObject({
      id: 'feed:https://tech.example.org/story/26/11/20/0912/hanbit-leak',
      title: 'Hanbit Foods Customer Database Exposed',
      text: 'An open Elasticsearch index held 2 million customer records.',
      author: 'msmash',
      publishedAt: '2026-11-20T09:12:00.000Z',
      metrics: { comments: 143 },
    });
  });

  it.each([
    [
      'broken.xml',
      fixture('broken.xml'),
      /Feed source 'feed' \(https:\/\/feeds\.example\.kr\/feed\.xml\): the feed XML is malformed: .+/,
    ],
    [
      'an HTML page',
      '<!DOCTYPE html><html><body>Not found</body></html>',
      /is not an RSS, Atom, RDF or JSON feed \(it starts with "<!DOCTYPE html>/,
    ],
    ['an empty body', '  \n', /the response is empty/],
  ])('throws a ParseError naming the source for %s', (_name, body, message) => {
    const run = () =>
      parseFeedPosts(body, { sourceId: 'feed', feedUrl: 'https://feeds.example.kr/feed.xml', now });
    expect(run).toThrow(ParseError);
    expect(run).toThrow(message);
  });

  it('caps huge titles and bodies', () => {
    const title = '가'.repeat(2000);
    const body = 'x '.repeat(10_000);
    const xml = `<rss version="2.0"><channel><title>t</title><item><title>${title}</title><link>https://e.com/1</link><description>${body}</description></item></channel></rss>`;
    const [post] = parseFeedPosts(xml, { sourceId: 'feed', feedUrl: 'https://e.com/feed', now });
    expect(post?.title.length).toBeLessThanOrEqual(300);
    expect(post?.text.length).toBeLessThanOrEqual(5000);
    expect(post?.text.endsWith('…')).toBe(true);
  });
});

describe('unwrapRedirect', () => {
  it.each([
    [
      'https://www.google.com/url?rct=j&sa=t&url=https://a.example/x%3Fy%3D1&ct=ga',
      'https://a.example/x?y=1',
    ],
    ['https://www.google.co.kr/url?q=https://b.example/&sa=U', 'https://b.example/'],
    [
      'https://www.google.com/url?url=javascript:alert(1)',
      'https://www.google.com/url?url=javascript:alert(1)',
    ],
    [
      'https://news.example.kr/url?url=https://elsewhere.example/',
      'https://news.example.kr/url?url=https://elsewhere.example/',
    ],
    ['https://www.google.com/search?q=x', 'https://www.google.com/search?q=x'],
  ])('turns %s into %s', (link, expected) => {
    expect(unwrapRedirect(link)).toBe(expected);
  });
});

describe('feed source', () => {
  let server: FixtureServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const config = (url: string) => feedSourceSchema.parse({ id: 'news', type: 'feed', url });
  const ctx = () => ({ http: createTestHttp(), queries: [], env: {} });

  it('fetches and parses the feed, then reports an unchanged feed on 304', async () => {
    const body = fixture('news-rss2.xml');
    server = await startFixtureServer({
      '/feed.xml': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { etag: '"v1"' }).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"' }).end(body);
      },
    });
    const source = createFeedSource(config(`${server.url}/feed.xml`), { now: () => now });
    const context = ctx();

    const first = await source.fetchPosts(context);
    expect(first.unchanged).toBe(false);
    expect(first.posts).toHaveLength(3);
    expect(first.posts[1]?.url).toBe(`${server.url}/article/1002`);
    expect(context.http.calls[0]?.options).toEqual({ conditional: true });

    const second = await source.fetchPosts(context);
    expect(second).toEqual({ posts: [], unchanged: true, warnings: [] });
    expect(server.requests[1]?.headers['if-none-match']).toBe('"v1"');
  });

  it('fails with a ParseError when the server sends broken XML', async () => {
    server = await startFixtureServer({
      '/feed.xml': respond(200, fixture('broken.xml'), { 'content-type': 'text/xml' }),
    });
    const source = createFeedSource(config(`${server.url}/feed.xml`));
    await expect(source.fetchPosts(ctx())).rejects.toThrow(/Feed source 'news' .* malformed/);
  });
});
