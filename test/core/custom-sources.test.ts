import { describe, expect, it } from 'vitest';
import {
  addCustomSource,
  CUSTOM_SOURCES_MAX,
  customSourceId,
  parseSourceUrl,
  removeCustomSource,
} from '../../src/core/custom-sources.js';
import type { CustomSource } from '../../src/store/store.js';

const NOW = '2026-11-22T00:00:00.000Z';
const CONFIGURED = [
  { id: 'board', url: 'https://board.example/rss' },
  { id: 'naver', url: undefined },
];
const add = (existing: CustomSource[], url: string, name?: string) =>
  addCustomSource(existing, CONFIGURED, { url, name, by: 'U1', now: NOW });

describe('parseSourceUrl', () => {
  it.each([
    ['https://news.example/rss', 'https://news.example/rss'],
    ['  http://news.example/feed?x=1#top ', 'http://news.example/feed?x=1'],
    ['<https://news.example/rss>', 'https://news.example/rss'],
    ['<https://news.example/rss|news.example/rss>', 'https://news.example/rss'],
  ])('reads %j as %s', (input, href) => {
    const parsed = parseSourceUrl(input);
    expect(parsed.ok && parsed.url.href).toBe(href);
  });

  it.each([
    ['', 'invalid_url'],
    ['news.example/rss', 'invalid_url'],
    [`https://news.example/${'a'.repeat(2000)}`, 'invalid_url'],
    ['ftp://news.example/rss', 'not_http'],
    ['file:///etc/passwd', 'not_http'],
    ['javascript:alert(1)', 'not_http'],
    ['https://user:secret@news.example/rss', 'credentials'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(parseSourceUrl(input)).toEqual({ ok: false, reason });
  });
});

describe('addCustomSource and removeCustomSource', () => {
  it('adds a feed under an id derived from its URL, with a tidy name', () => {
    const result = add([], 'https://news.example/rss', '  Daily   News ');
    expect(result).toEqual({
      ok: true,
      source: {
        id: customSourceId('https://news.example/rss'),
        url: 'https://news.example/rss',
        name: 'Daily News',
        addedBy: 'U1',
        addedAt: NOW,
      },
      sources: [expect.objectContaining({ url: 'https://news.example/rss' })],
    });
    expect(customSourceId('https://news.example/rss')).toMatch(/^slack-[0-9a-f]{6}$/);
  });

  it('refuses a feed already scanned, a name too long and one feed too many', () => {
    const first = add([], 'https://news.example/rss');
    if (!first.ok) throw new Error('should add');
    expect(add(first.sources, 'https://news.example/rss#x')).toEqual({ ok: false, reason: 'duplicate' });
    expect(add([], 'https://board.example/rss')).toEqual({ ok: false, reason: 'duplicate' });
    expect(add([], 'https://other.example/rss', 'n'.repeat(81))).toEqual({
      ok: false,
      reason: 'name_too_long',
    });
    const full = Array.from({ length: CUSTOM_SOURCES_MAX }, (_, i) => ({
      id: `slack-${String(i).padStart(6, '0')}`,
      url: `https://feeds.example/${i}`,
      addedBy: 'U1',
      addedAt: NOW,
    }));
    expect(add(full, 'https://other.example/rss')).toEqual({ ok: false, reason: 'too_many' });
  });

  it('removes a feed by id or URL, and never a configured source', () => {
    const first = add([], 'https://news.example/rss');
    if (!first.ok) throw new Error('should add');
    const byId = removeCustomSource(first.sources, CONFIGURED, first.source.id);
    expect(byId).toMatchObject({ ok: true, removed: first.source, sources: [] });
    expect(removeCustomSource(first.sources, CONFIGURED, 'https://news.example/rss')).toMatchObject({
      ok: true,
      sources: [],
    });
    expect(removeCustomSource(first.sources, CONFIGURED, 'board')).toEqual({
      ok: false,
      reason: 'configured',
    });
    expect(removeCustomSource(first.sources, CONFIGURED, 'slack-000000')).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });
});
