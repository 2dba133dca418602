import { describe, expect, it } from 'vitest';
import { sourceSchema } from '../../src/config/schema.js';
import { createSource } from '../../src/sources/create-source.js';

describe('createSource', () => {
  it.each([
    [{ id: 'news', type: 'feed', url: 'https://news.example.kr/rss' }],
    [{ id: 'board', type: 'html', url: 'https://b.example.kr/list', selectors: { item: 'tr', title: 'a' } }],
    [{ id: 'naver', type: 'naver' }],
    [{ id: 'hn', type: 'hn' }],
  ])('builds the adapter for %o with its id and type', (input) => {
    const config = sourceSchema.parse(input);
    const source = createSource(config);
    expect(source).toMatchObject({ id: config.id, type: config.type });
    expect(typeof source.fetchPosts).toBe('function');
  });
});
