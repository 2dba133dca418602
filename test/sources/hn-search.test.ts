import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { hnSourceSchema } from '../../src/config/schema.js';
import { ParseError } from '../../src/errors.js';
import { createHnSearchSource, parseHnSearch } from '../../src/sources/hn-search.js';
import { type FixtureServer, respond, startFixtureServer } from '../helpers/fixture-server.js';
import { createTestHttp } from '../helpers/test-http.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/sources/${name}`, import.meta.url), 'utf8');
const now = new Date('2026-11-20T06:00:00Z');
const options = { sourceId: 'hn', label: '"Hanbit Foods"', now };

describe('parseHnSearch', () => {
  const { posts, skipped } = parseHnSearch(fixture('hn-search.json'), options);

  it('links each hit to its HN discussion and counts points as likes', () => {
    expect(skipped).toBe(1);
    expect(posts[0]).toEqual({
      id: 'hn:41234567',
      sourceId: 'hn',
      url: 'https://news.ycombinator.com/item?id=41234567',
      title: 'Hanbit Foods leaks 2M customer records via open Elasticsearch',
      text: '',
      author: 'pg_fan',
      publishedAt: '2026-11-20T04:10:00.000Z',
      metrics: { likes: 312, comments: 87 },
      lang: 'en',
    });
  });

  it('titles a comment after its story and reads its HTML as plain text', () => {
    expect(posts[1]).toMatchObject({
      id: 'hn:41234600',
      url: 'https://news.ycombinator.com/item?id=41234600',
      title: 'Re: Hanbit Foods leaks 2M customer records via open Elasticsearch',
      text: "I'm a Hanbit Foods customer & just got the breach email. Second paragraph with a link.",
      metrics: {},
    });
  });

  it('reads the text of Ask HN stories', () => {
    expect(posts[2]?.text).toBe("Has anyone worked with Hanbit Foods' API?");
  });

  it.each([
    ['not JSON', 'upstream timeout', /Hacker News source 'hn' \("Hanbit Foods"\): the response is not JSON/],
    ['JSON without hits', '{"message":"Invalid query"}', /the response has no hits list/],
  ])('throws a ParseError on %s', (_name, body, message) => {
    expect(() => parseHnSearch(body, options)).toThrow(ParseError);
    expect(() => parseHnSearch(body, options)).toThrow(message);
  });
});

describe('hn search source', () => {
  let server: FixtureServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('searches stories and comments by date for each query and keeps each item once', async () => {
    server = await startFixtureServer({
      '/api/v1/search_by_date': respond(200, fixture('hn-search.json'), {
        'content-type': 'application/json',
      }),
    });
    const config = hnSourceSchema.parse({
      id: 'hn',
      type: 'hn',
      baseUrl: `${server.url}/api/v1`,
      hitsPerPage: 50,
    });
    const result = await createHnSearchSource(config, { now: () => now }).fetchPosts({
      http: createTestHttp(),
      queries: ['Hanbit Foods', 'HanbitFoods'],
      env: {},
    });
    const asked = server.requests.map((r) => {
      const url = new URL(r.path, server?.url);
      return [url.pathname, Object.fromEntries(url.searchParams)];
    });
    expect(asked).toEqual([
      ['/api/v1/search_by_date', { query: 'Hanbit Foods', tags: '(story,comment)', hitsPerPage: '50' }],
      ['/api/v1/search_by_date', { query: 'HanbitFoods', tags: '(story,comment)', hitsPerPage: '50' }],
    ]);
    expect(result.posts.map((p) => p.id)).toEqual(['hn:41234567', 'hn:41234600', 'hn:41234700']);
    expect(result.unchanged).toBe(false);
  });

  it('fails when every query fails', async () => {
    server = await startFixtureServer({ '/api/v1/search_by_date': respond(503, 'down') });
    const config = hnSourceSchema.parse({ id: 'hn', type: 'hn', baseUrl: `${server.url}/api/v1` });
    await expect(
      createHnSearchSource(config).fetchPosts({
        http: createTestHttp(),
        queries: ['Hanbit Foods'],
        env: {},
      }),
    ).rejects.toMatchObject({ status: 503 });
  });
});
