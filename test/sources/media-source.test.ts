import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceSchema } from '../../src/config/schema.js';
import { assessThread } from '../../src/core/risk/assess-thread.js';
import { createThread } from '../../src/core/thread.js';
import { createSource } from '../../src/sources/create-source.js';
import { type FixtureServer, respond, startFixtureServer } from '../helpers/fixture-server.js';
import { createTestHttp } from '../helpers/test-http.js';

const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Daily</title><link>https://news.example.kr/</link><description>d</description>
<item><guid>n1</guid><title>한빛푸드 과자 이물질 논란</title><link>https://news.example.kr/n1</link><description>소비자들이 이물질을 발견했다.</description></item>
</channel></rss>`;

let server: FixtureServer;
beforeEach(async () => {
  server = await startFixtureServer({ '/rss': respond(200, rss, { 'content-type': 'application/rss+xml' }) });
});
afterEach(() => server.close());

describe('a source marked as media', () => {
  it('marks its posts as news, and a thread from them reaches stage 4', async () => {
    const ctx = { http: createTestHttp(), queries: [], env: {} };
    const plain = createSource(
      sourceSchema.parse({ id: 'blog-feed', type: 'feed', url: `${server.url}/rss` }),
    );
    expect((await plain.fetchPosts(ctx)).posts[0]?.media).toBeUndefined();

    const news = createSource(
      sourceSchema.parse({ id: 'daily', type: 'feed', url: `${server.url}/rss`, media: true }),
    );
    const [post] = (await news.fetchPosts({ ...ctx, http: createTestHttp() })).posts;
    expect(post?.media).toBe(true);

    const thread = createThread({
      id: 't',
      canonicalUrl: post?.url ?? '',
      post: post as NonNullable<typeof post>,
      risk: { score: 50, level: 'medium', category: 'contamination', reasons: [] },
      now: '2026-11-22T00:00:00.000Z',
    });
    expect(thread.media).toBe(true);
    expect(assessThread(thread).stage).toEqual({ stage: 4, reasons: ['picked up by news'] });
  });
});
