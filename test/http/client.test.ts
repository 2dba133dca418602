import { createServer } from 'node:net';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FetchError } from '../../src/errors.js';
import {
  createHttpClient,
  DEFAULT_USER_AGENT,
  type HttpClientOptions,
  type HttpConfig,
} from '../../src/http/client.js';
import { createMemoryValidatorCache } from '../../src/http/memory-validator-cache.js';
import { type FixtureServer, respond, startFixtureServer } from '../helpers/fixture-server.js';

const KOREAN = '한빛푸드 이물질 논란, 똠방각하';

let server: FixtureServer;
beforeEach(async () => {
  server = await startFixtureServer();
});
afterEach(async () => {
  await server.close();
});

function makeClient(config: Partial<HttpConfig> = {}, extra: Omit<HttpClientOptions, 'config'> = {}) {
  return createHttpClient({
    config: {
      timeoutMs: 2000,
      maxBodyBytes: 64 * 1024,
      retries: 0,
      maxRetryAfterMs: 5000,
      perHostConcurrency: 4,
      perHostIntervalMs: 0,
      respectRobots: true,
      allowPrivateNetworks: false,
      ...config,
    },
    retryBaseMs: 5,
    ...extra,
  });
}

/** Resolves with the FetchError a promise rejects with; fails the test if it resolves. */
async function fetchError(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

const hits = (path: string) => server.requests.filter((r) => r.path.split('?')[0] === path).length;

describe('fetchText', () => {
  it('returns a UTF-8 page with its status, charset and content type', async () => {
    server.route('/page', respond(200, `<p>${KOREAN}</p>`, { 'content-type': 'text/html; charset=utf-8' }));
    const result = await makeClient().fetchText(`${server.url}/page`);
    expect(result).toMatchObject({
      url: `${server.url}/page`,
      status: 200,
      notModified: false,
      body: `<p>${KOREAN}</p>`,
      charset: 'utf-8',
      contentType: 'text/html; charset=utf-8',
    });
  });

  it('always sends our User-Agent, and passes caller headers and search params through', async () => {
    server.route('/api', respond(200, '{"items":[]}', { 'content-type': 'application/json' }));
    await makeClient().fetchText(`${server.url}/api?keep=1`, {
      headers: { 'X-Naver-Client-Id': 'id-123', 'User-Agent': 'Mozilla/5.0 pretending' },
      searchParams: { query: '한빛푸드', display: 30 },
    });
    const [request] = server.requests;
    expect(request?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(request?.headers['x-naver-client-id']).toBe('id-123');
    const query = new URL(request?.path ?? '', server.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({ keep: '1', query: '한빛푸드', display: '30' });
  });

  it('uses the configured User-Agent when one is set', async () => {
    server.route('/page', respond(200, 'ok'));
    await makeClient({ userAgent: 'Bulssi-test/9 (+mailto:ops@example.com)' }).fetchText(
      `${server.url}/page`,
    );
    expect(server.requests[0]?.headers['user-agent']).toBe('Bulssi-test/9 (+mailto:ops@example.com)');
  });

  it('decodes an EUC-KR page declared in the Content-Type header', async () => {
    const page = `<html><body>${KOREAN}</body></html>`;
    server.route(
      '/euckr',
      respond(200, iconv.encode(page, 'cp949'), { 'content-type': 'text/html; charset=EUC-KR' }),
    );
    const result = await makeClient().fetchText(`${server.url}/euckr`);
    expect(result.body).toBe(page);
    expect(result.charset).toBe('euc-kr');
  });

  it('decodes an EUC-KR page declared only in <meta>', async () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=ks_c_5601-1987"></head><body>${KOREAN}</body></html>`;
    server.route('/meta', respond(200, iconv.encode(page, 'cp949'), { 'content-type': 'text/html' }));
    const result = await makeClient().fetchText(`${server.url}/meta`);
    expect(result.body).toBe(page);
    expect(result.charset).toBe('ks_c_5601-1987');
  });

  it('decodes with a forced encoding when the site lies about its charset', async () => {
    server.route(
      '/liar',
      respond(200, iconv.encode(KOREAN, 'cp949'), { 'content-type': 'text/html; charset=utf-8' }),
    );
    const result = await makeClient().fetchText(`${server.url}/liar`, { encoding: 'euc-kr' });
    expect(result.body).toBe(KOREAN);
  });

  it('falls back to UTF-8 with a warning when the charset is unknown', async () => {
    const warn = vi.fn();
    server.route('/odd', respond(200, KOREAN, { 'content-type': 'text/plain; charset=x-martian' }));
    const result = await makeClient({}, { logger: { warn } }).fetchText(`${server.url}/odd`);
    expect(result.body).toBe(KOREAN);
    expect(result.charset).toBe('utf-8');
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ labels: ['x-martian'] }), expect.any(String));
  });

  it('refuses a binary answer where text was expected', async () => {
    server.route(
      '/logo',
      respond(200, Buffer.from([0x89, 0x50, 0x4e, 0x47]), { 'content-type': 'image/png' }),
    );
    const error = await fetchError(makeClient().fetchText(`${server.url}/logo`));
    expect(error.code).toBe('ERR_NOT_TEXT');
    expect(error.message).toContain('image/png');
  });

  it('rejects URLs that are not http(s)', async () => {
    expect((await fetchError(makeClient().fetchText('not a url'))).code).toBe('ERR_INVALID_URL');
    expect((await fetchError(makeClient().fetchText('ftp://example.com/x'))).code).toBe('ERR_INVALID_URL');
  });
});

describe('status codes and redirects', () => {
  it('fails a 404 at once with ERR_HTTP_STATUS, naming the URL without its credentials', async () => {
    const url = `${server.url}/missing`.replace('http://', 'http://bot:hunter2@');
    const error = await fetchError(makeClient({ retries: 2 }).fetchText(url));
    expect(error).toMatchObject({ code: 'ERR_HTTP_STATUS', status: 404, url: `${server.url}/missing` });
    expect(error.message).toContain(`${server.url}/missing`);
    expect(error.message).not.toContain('hunter2');
    expect(server.requests).toHaveLength(1);
  });

  it('follows redirects and reports the final URL', async () => {
    server.route('/old', respond(301, '', { location: '/new' }));
    server.route('/new', respond(200, 'moved here'));
    const result = await makeClient().fetchText(`${server.url}/old`);
    expect(result).toMatchObject({ url: `${server.url}/new`, body: 'moved here' });
  });

  it('keeps caller headers such as API secrets from following a redirect to another origin', async () => {
    const elsewhere = await startFixtureServer({ '/landing': respond(200, 'landed') });
    try {
      server.route('/api', respond(302, '', { location: `${elsewhere.url}/landing` }));
      const result = await makeClient().fetchText(`${server.url}/api`, {
        headers: { 'X-Naver-Client-Secret': 'shh-secret' },
      });
      expect(result.body).toBe('landed');
      expect(server.requests[0]?.headers['x-naver-client-secret']).toBe('shh-secret');
      const followed = elsewhere.requests[0]?.headers;
      expect(followed?.['x-naver-client-secret']).toBeUndefined();
      expect(followed?.['user-agent']).toBe(DEFAULT_USER_AGENT);
    } finally {
      await elsewhere.close();
    }
  });

  it('keeps caller headers on a same-origin redirect', async () => {
    server.route('/old', respond(301, '', { location: '/new' }));
    server.route('/new', respond(200, 'ok'));
    await makeClient().fetchText(`${server.url}/old`, { headers: { 'X-Naver-Client-Id': 'id-1' } });
    expect(server.requests[1]?.headers['x-naver-client-id']).toBe('id-1');
  });

  it.each(['file:///etc/passwd', 'ftp://files.example/x', 'data:text/plain,hello'])(
    'refuses a redirect to %s at once, without retrying',
    async (target) => {
      server.route('/moved', respond(302, '', { location: target }));
      const error = await fetchError(makeClient({ retries: 2 }).fetchText(`${server.url}/moved`));
      expect(error.code).toBe('ERR_BAD_REDIRECT');
      expect(error.message).toContain('not http(s)');
      expect(server.requests.filter((r) => r.path === '/moved')).toHaveLength(1);
    },
  );

  it('stops a redirect loop with ERR_TOO_MANY_REDIRECTS', async () => {
    server.route('/loop', respond(302, '', { location: '/loop' }));
    const error = await fetchError(makeClient().fetchText(`${server.url}/loop`));
    expect(error.code).toBe('ERR_TOO_MANY_REDIRECTS');
    expect(error.message).toContain('/loop');
  });
});

describe('conditional GET', () => {
  it('sends the stored validators and reports a 304 as not modified', async () => {
    server.route('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res
        .writeHead(200, {
          'content-type': 'application/rss+xml',
          etag: '"v1"',
          'last-modified': 'Sun, 01 Mar 2026 00:00:00 GMT',
        })
        .end('<rss/>');
    });
    const validators = createMemoryValidatorCache();
    const http = makeClient({}, { validators });

    const first = await http.fetchText(`${server.url}/feed`, { conditional: true });
    expect(first).toMatchObject({ status: 200, notModified: false, body: '<rss/>' });
    expect(await validators.get(`${server.url}/feed`)).toEqual({
      etag: '"v1"',
      lastModified: 'Sun, 01 Mar 2026 00:00:00 GMT',
    });

    const second = await http.fetchText(`${server.url}/feed`, { conditional: true });
    expect(second).toMatchObject({ status: 304, notModified: true, body: '' });
    expect(server.requests[1]?.headers['if-none-match']).toBe('"v1"');
    expect(server.requests[1]?.headers['if-modified-since']).toBe('Sun, 01 Mar 2026 00:00:00 GMT');
  });

  it('sends no validators unless asked', async () => {
    server.route('/feed', respond(200, '<rss/>', { etag: '"v1"' }));
    const http = makeClient();
    await http.fetchText(`${server.url}/feed`, { conditional: true });
    await http.fetchText(`${server.url}/feed`);
    expect(server.requests[1]?.headers['if-none-match']).toBeUndefined();
  });
});

describe('retries', () => {
  it('waits for Retry-After on a 429, then succeeds', async () => {
    const arrivals: number[] = [];
    server.route('/busy', (_req, res) => {
      arrivals.push(performance.now());
      if (arrivals.length === 1) res.writeHead(429, { 'retry-after': '1' }).end();
      else res.writeHead(200).end('finally');
    });
    const result = await makeClient({ retries: 2 }).fetchText(`${server.url}/busy`);
    expect(result.body).toBe('finally');
    expect(arrivals).toHaveLength(2);
    expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('gives up at once when Retry-After is longer than maxRetryAfterMs', async () => {
    server.route('/later', respond(429, '', { 'retry-after': '3600' }));
    const error = await fetchError(
      makeClient({ retries: 2, maxRetryAfterMs: 1000 }).fetchText(`${server.url}/later`),
    );
    expect(error).toMatchObject({ code: 'ERR_RETRY_AFTER_TOO_LONG', status: 429 });
    expect(error.message).toContain('3600 s');
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 503 up to the limit, then fails with ERR_HTTP_STATUS', async () => {
    server.route('/down', respond(503, 'maintenance'));
    const error = await fetchError(makeClient({ retries: 2 }).fetchText(`${server.url}/down`));
    expect(error).toMatchObject({ code: 'ERR_HTTP_STATUS', status: 503 });
    expect(error.message).toContain('3 attempts');
    expect(server.requests).toHaveLength(3);
  });

  it('retries a network error, then fails with ERR_NETWORK', async () => {
    const closedPort = await freePort();
    const sleeps: number[] = [];
    const sleep = async (ms: number) => {
      sleeps.push(ms);
    };
    const error = await fetchError(
      makeClient({ retries: 2 }, { sleep, random: () => 0, retryBaseMs: 100 }).fetchText(
        `http://127.0.0.1:${closedPort}/x`,
      ),
    );
    expect(error.code).toBe('ERR_NETWORK');
    expect(error.message).toContain('connection was refused');
    expect(sleeps).toEqual([100, 200]);
  });
});

describe('limits', () => {
  it('fails with ERR_TIMEOUT when the server never answers', async () => {
    server.route('/hang', () => {});
    const error = await fetchError(makeClient({ timeoutMs: 100 }).fetchText(`${server.url}/hang`));
    expect(error.code).toBe('ERR_TIMEOUT');
    expect(error.message).toContain(`${server.url}/hang`);
  });

  it('rejects a body whose Content-Length is over the cap without reading it', async () => {
    server.route(
      '/huge',
      respond(200, 'x'.repeat(5000), { 'content-type': 'text/html', 'content-length': '5000' }),
    );
    const error = await fetchError(makeClient({ maxBodyBytes: 1024 }).fetchText(`${server.url}/huge`));
    expect(error.code).toBe('ERR_BODY_TOO_LARGE');
    expect(error.message).toContain('is 5000 bytes, over the 1024-byte limit');
  });

  it('stops reading an endless body without Content-Length at the cap', async () => {
    server.route('/endless', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const pump = () => {
        if (res.destroyed || res.writableEnded) return;
        res.write('x'.repeat(512));
        setImmediate(pump);
      };
      pump();
    });
    const error = await fetchError(makeClient({ maxBodyBytes: 1024 }).fetchText(`${server.url}/endless`));
    expect(error.code).toBe('ERR_BODY_TOO_LARGE');
  });

  it('keeps at most perHostConcurrency requests in flight to one host', async () => {
    let inFlight = 0;
    let most = 0;
    server.route('/slow', (_req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(200).end('ok');
      }, 20);
    });
    const http = makeClient({ perHostConcurrency: 2 });
    await Promise.all(Array.from({ length: 6 }, () => http.fetchText(`${server.url}/slow`)));
    expect(server.requests).toHaveLength(6);
    expect(most).toBe(2);
  });

  it('spaces request starts to one host by perHostIntervalMs', async () => {
    const arrivals: number[] = [];
    server.route('/paced', (_req, res) => {
      arrivals.push(performance.now());
      res.writeHead(200).end('ok');
    });
    const http = makeClient({ perHostIntervalMs: 150 });
    await Promise.all(Array.from({ length: 3 }, () => http.fetchText(`${server.url}/paced`)));
    const gaps = arrivals.slice(1).map((t, i) => t - (arrivals[i] ?? 0));
    expect(gaps).toHaveLength(2);
    // Arrivals jitter by a few ms on a busy machine; unpaced requests would arrive within a few ms of each other.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(100);
  });
});

describe('robots.txt', () => {
  it('refuses a disallowed path and fetches robots.txt once for many requests', async () => {
    server.route(
      '/robots.txt',
      respond(200, 'User-agent: *\nDisallow: /private\n', { 'content-type': 'text/plain' }),
    );
    server.route('/public', respond(200, 'hello'));
    server.route('/private/post', respond(200, 'secret'));
    const http = makeClient();
    const results = await Promise.allSettled([
      http.fetchText(`${server.url}/public`, { robots: true }),
      http.fetchText(`${server.url}/public`, { robots: true }),
      http.fetchText(`${server.url}/private/post`, { robots: true }),
    ]);
    await http.fetchText(`${server.url}/public`, { robots: true });
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const error = (results[2] as PromiseRejectedResult).reason as FetchError;
    expect(error.code).toBe('ERR_ROBOTS_DISALLOWED');
    expect(error.message).toContain(`${server.url}/private/post`);
    expect(hits('/robots.txt')).toBe(1);
    expect(hits('/private/post')).toBe(0);
  });

  it('matches the group for our user agent', async () => {
    server.route('/robots.txt', respond(200, 'User-agent: Bulssi\nDisallow: /\n\nUser-agent: *\nAllow: /\n'));
    const error = await fetchError(makeClient().fetchText(`${server.url}/page`, { robots: true }));
    expect(error.code).toBe('ERR_ROBOTS_DISALLOWED');
  });

  it('is skipped unless the source asks for it or when respectRobots is off', async () => {
    server.route('/robots.txt', respond(200, 'User-agent: *\nDisallow: /\n'));
    server.route('/page', respond(200, 'ok'));
    await makeClient().fetchText(`${server.url}/page`);
    await makeClient({ respectRobots: false }).fetchText(`${server.url}/page`, { robots: true });
    expect(hits('/robots.txt')).toBe(0);
  });

  it('allows everything when robots.txt is missing', async () => {
    server.route('/page', respond(200, 'ok'));
    const result = await makeClient().fetchText(`${server.url}/page`, { robots: true });
    expect(result.body).toBe('ok');
  });

  it('allows everything, with a warning, when robots.txt fails with 5xx', async () => {
    const warn = vi.fn();
    server.route('/robots.txt', respond(500, 'oops'));
    server.route('/page', respond(200, 'ok'));
    const result = await makeClient({}, { logger: { warn } }).fetchText(`${server.url}/page`, {
      robots: true,
    });
    expect(result.body).toBe('ok');
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ origin: server.url }), expect.any(String));
  });
});

describe('robots.txt caching and Crawl-delay', () => {
  it('asks again once the cached robots.txt has expired', async () => {
    let nowMs = Date.now();
    server.route('/page', respond(200, 'ok'));
    const http = makeClient({}, { robotsTtlMs: 60_000, now: () => nowMs });
    await http.fetchText(`${server.url}/page`, { robots: true });
    await http.fetchText(`${server.url}/page`, { robots: true });
    nowMs += 60_001;
    await http.fetchText(`${server.url}/page`, { robots: true });
    expect(hits('/robots.txt')).toBe(2);
  });

  it('spaces requests by the Crawl-delay robots.txt asks for', async () => {
    const arrivals: number[] = [];
    server.route('/robots.txt', respond(200, 'User-agent: *\nCrawl-delay: 0.05\n'));
    server.route('/page', (_req, res) => {
      arrivals.push(performance.now());
      res.writeHead(200).end('ok');
    });
    const http = makeClient();
    await http.fetchText(`${server.url}/page`, { robots: true });
    await Promise.all([1, 2].map(() => http.fetchText(`${server.url}/page`, { robots: true })));
    const gaps = arrivals.slice(1).map((t, i) => t - (arrivals[i] ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(40);
  });
});

/** A port nothing listens on: bound, then released. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}
