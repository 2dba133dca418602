import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import iconv from 'iconv-lite';
import { BOARD_POSTS, HN_HITS, NAVER_ITEMS, NEWS_ITEMS, type SampleBoardPost } from './sample-posts.js';

export interface SampleInternet {
  /** e.g. http://127.0.0.1:43121 */
  url: string;
  close(): Promise<void>;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** "2026.11.22 14:05" in Korea time, the way Korean boards print dates. */
function boardDate(date: Date): string {
  const kst = new Date(date.getTime() + 9 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${kst.getUTCFullYear()}.${pad(kst.getUTCMonth() + 1)}.${pad(kst.getUTCDate())} ${pad(kst.getUTCHours())}:${pad(kst.getUTCMinutes())}`;
}

function naverPostdate(date: Date): string {
  return boardDate(date).slice(0, 10).replaceAll('.', '');
}

/**
 * Serves the sample sources on 127.0.0.1: a Korean community board in EUC-KR (list and post pages),
 * an RSS news feed with ETag, a Naver-Search-API-shaped JSON endpoint and a Hacker-News-search-shaped one.
 * `now` is injectable so tests see stable dates; counts grow with minutes since start.
 */
export async function startSampleInternet(
  options: { now?: () => Date; port?: number } = {},
): Promise<SampleInternet> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const minutesUp = () => Math.max(0, (now().getTime() - startedAt.getTime()) / 60_000);
  const postedAt = (ageMinutes: number) => new Date(startedAt.getTime() - ageMinutes * 60_000);
  const counts = (post: SampleBoardPost) => {
    const up = minutesUp();
    return {
      views: post.views + Math.floor((post.growth?.views ?? 0) * up),
      comments: post.comments + Math.floor((post.growth?.comments ?? 0) * up),
      likes: post.likes,
    };
  };

  const sendEucKr = (res: ServerResponse, html: string) => {
    // The header names no charset on purpose: like many Korean boards, only <meta> tells.
    res.writeHead(200, { 'content-type': 'text/html' }).end(iconv.encode(html, 'cp949'));
  };

  const boardList = () => {
    const rows = BOARD_POSTS.map((post) => {
      const c = counts(post);
      return `<tr class="item">
  <td class="no">${post.no}</td>
  <td class="subject"><a href="view.php?no=${post.no}">${escapeHtml(post.title)}</a> <span class="cmt">[${c.comments}]</span></td>
  <td class="writer">${escapeHtml(post.author)}</td>
  <td class="date">${boardDate(postedAt(post.ageMinutes))}</td>
  <td class="hit">${c.views.toLocaleString('en-US')}</td>
  <td class="recommend">${c.likes}</td>
</tr>`;
    }).join('\n');
    return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>한빛마을 자유게시판</title></head><body>
<h1>자유게시판</h1>
<table class="board-list"><thead><tr><th>번호</th><th>제목</th><th>글쓴이</th><th>날짜</th><th>조회</th><th>추천</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>`;
  };

  const boardView = (no: number) => {
    const post = BOARD_POSTS.find((p) => p.no === no);
    if (!post) return undefined;
    const c = counts(post);
    return `<!DOCTYPE html><html><head><meta charset="euc-kr"><title>${escapeHtml(post.title)}</title></head><body>
<div class="view-head"><h2>${escapeHtml(post.title)}</h2>
<span class="writer">${escapeHtml(post.author)}</span> <span class="hit">조회 ${c.views}</span> <span class="cmt-count">댓글 ${c.comments}</span> <span class="recommend">추천 ${c.likes}</span></div>
<div class="post-body"><p>${escapeHtml(post.body)}</p></div>
</body></html>`;
  };

  const newsFeed = (base: string) => {
    const items = NEWS_ITEMS.map(
      (item) => `<item>
  <title>${escapeHtml(item.title)}</title>
  <link>${base}${escapeHtml(item.path)}</link>
  <guid isPermaLink="false">${item.guid}</guid>
  <description>${escapeHtml(item.description)}</description>
  <pubDate>${postedAt(item.ageMinutes).toUTCString()}</pubDate>
</item>`,
    ).join('\n');
    return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Hanbit Daily — Business</title><link>${base}/news</link><description>Sample business news</description>
${items}
</channel></rss>`;
  };

  const matchesQuery = (text: string, query: string) =>
    text
      .replace(/<[^>]+>|\s+/g, '')
      .toLowerCase()
      .includes(query.replace(/\s+/g, '').toLowerCase());

  const handle = (req: IncomingMessage, res: ServerResponse, base: string) => {
    const url = new URL(req.url ?? '/', base);
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));

    if (url.pathname === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /admin/\n');
      return;
    }
    if (url.pathname === '/board/list.php') return sendEucKr(res, boardList());
    if (url.pathname === '/board/view.php') {
      const html = boardView(Number(url.searchParams.get('no')));
      if (html) return sendEucKr(res, html);
    }
    if (url.pathname === '/feeds/news.xml') {
      const body = newsFeed(base);
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
      return;
    }
    const naver = url.pathname.match(/^\/naver\/v1\/search\/(blog|cafearticle|news|kin)\.json$/);
    if (naver) {
      if (!req.headers['x-naver-client-id'] || !req.headers['x-naver-client-secret']) {
        return json(401, { errorMessage: 'Authentication failed. (인증에 실패했습니다.)', errorCode: '024' });
      }
      const query = url.searchParams.get('query') ?? '';
      const items = NAVER_ITEMS.filter((item) => item.kind === naver[1])
        .filter((item) => matchesQuery(`${item.title} ${item.description}`, query))
        .map((item) => ({
          title: item.title,
          link: `${base}${item.path}`,
          description: item.description,
          ...(item.kind === 'blog'
            ? {
                bloggername: item.by,
                bloggerlink: `${base}/blog`,
                postdate: naverPostdate(postedAt(item.ageMinutes)),
              }
            : {}),
          ...(item.kind === 'cafearticle' ? { cafename: item.by, cafeurl: `${base}/cafe` } : {}),
          ...(item.kind === 'news'
            ? { originallink: `${base}${item.path}`, pubDate: postedAt(item.ageMinutes).toUTCString() }
            : {}),
        }));
      return json(200, {
        lastBuildDate: now().toUTCString(),
        total: items.length,
        start: 1,
        display: items.length,
        items,
      });
    }
    if (url.pathname === '/hn/api/v1/search_by_date') {
      const query = url.searchParams.get('query') ?? '';
      const hits = HN_HITS.filter((hit) => matchesQuery(`${hit.title} ${hit.text}`, query)).map((hit) => ({
        objectID: hit.objectID,
        title: hit.title,
        url: null,
        story_text: `<p>${escapeHtml(hit.text)}</p>`,
        author: hit.author,
        points: hit.points + Math.floor(minutesUp() * 3),
        num_comments: hit.comments + Math.floor(minutesUp()),
        created_at: postedAt(hit.ageMinutes).toISOString(),
        created_at_i: Math.floor(postedAt(hit.ageMinutes).getTime() / 1000),
        _tags: ['story', `author_${hit.author}`, `story_${hit.objectID}`],
      }));
      return json(200, { hits, nbHits: hits.length, page: 0, nbPages: 1, hitsPerPage: hits.length, query });
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };

  const sockets = new Set<Socket>();
  let base = '';
  const server = createServer((req, res) => {
    try {
      handle(req, res, base);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
