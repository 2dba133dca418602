import { afterEach, describe, expect, it } from 'vitest';
import { sourceSchema } from '../../src/config/schema.js';
import { SAMPLE_ENV, sampleConfig } from '../../src/sample/sample-config.js';
import { type SampleInternet, startSampleInternet } from '../../src/sample/sample-internet.js';
import { BOARD_POSTS } from '../../src/sample/sample-posts.js';
import { createSource } from '../../src/sources/create-source.js';
import { createTestHttp } from '../helpers/test-http.js';

describe('the bundled sample sources', () => {
  let sample: SampleInternet | undefined;
  afterEach(async () => {
    await sample?.close();
    sample = undefined;
  });

  it('all read cleanly through their adapters, Korean text intact', async () => {
    const now = () => new Date('2026-11-20T06:00:00Z');
    sample = await startSampleInternet({ now });
    const configs = (sampleConfig(sample.url).sources ?? []).map((input) => sourceSchema.parse(input));
    const ctx = { http: createTestHttp(), queries: ['한빛푸드', 'Hanbit Foods'], env: SAMPLE_ENV };

    const results = new Map<string, Awaited<ReturnType<ReturnType<typeof createSource>['fetchPosts']>>>();
    for (const config of configs) results.set(config.id, await createSource(config, { now }).fetchPosts(ctx));

    for (const [id, result] of results) {
      expect(result.warnings, id).toEqual([]);
      expect(result.posts.length, id).toBeGreaterThan(0);
    }
    const board = results.get('sample-board')?.posts ?? [];
    expect(board.map((p) => p.title)).toEqual(BOARD_POSTS.map((p) => p.title));
    const first = BOARD_POSTS[0];
    expect(board[0]).toMatchObject({
      text: first?.body,
      author: first?.author,
      publishedAt: new Date(now().getTime() - (first?.ageMinutes ?? 0) * 60_000).toISOString(),
      metrics: { views: first?.views, comments: first?.comments, likes: first?.likes },
    });
  });
});
