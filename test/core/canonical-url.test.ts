import { describe, expect, it } from 'vitest';
import { canonicalUrl, threadIdFor } from '../../src/core/canonical-url.js';
import { BotError } from '../../src/errors.js';

describe('canonicalUrl', () => {
  // biome-ignore format: one case per line reads as a table
  it.each([
    ['lower-cases the host and drops www', 'https://WWW.Example.COM/Post/1', 'https://example.com/Post/1'],
    ['upgrades http to https', 'http://example.com/a', 'https://example.com/a'],
    ['folds the mobile Naver blog host', 'https://m.blog.naver.com/hanbit/2231', 'https://blog.naver.com/hanbit/2231'],
    ['folds the mobile Naver café host', 'https://m.cafe.naver.com/momcafe/991', 'https://cafe.naver.com/momcafe/991'],
    ['folds mobile.twitter.com', 'https://mobile.twitter.com/a/status/1', 'https://twitter.com/a/status/1'],
    ['folds x.com onto twitter.com', 'https://x.com/a/status/1?s=20&t=abc', 'https://twitter.com/a/status/1'],
    ['folds m.youtube.com', 'https://m.youtube.com/watch?v=abc&feature=share', 'https://youtube.com/watch?v=abc'],
    ['turns youtu.be links into watch links', 'https://youtu.be/abc?si=xyz', 'https://youtube.com/watch?v=abc'],
    ['maps Naver blog PostView links onto the short form', 'https://m.blog.naver.com/PostView.naver?blogId=hanbit&logNo=2231&proxyReferer=x', 'https://blog.naver.com/hanbit/2231'],
    ['strips utm, fbclid, gclid, igshid, NaPm and ref parameters', 'https://example.com/p?utm_source=x&utm_medium=y&fbclid=1&gclid=2&igshid=3&NaPm=ct%3D1&ref=home&id=7', 'https://example.com/p?id=7'],
    ['sorts the remaining parameters', 'https://example.com/p?b=2&a=1&c=3', 'https://example.com/p?a=1&b=2&c=3'],
    ['drops the fragment', 'https://example.com/p#comment-5', 'https://example.com/p'],
    ['keeps a #! hash route, which names the post', 'https://board.example/#!/post/12', 'https://board.example/#!/post/12'],
    ['keeps a #/ hash route', 'http://www.board.example/app#/view/3?x=1', 'https://board.example/app#/view/3?x=1'],
    ['drops a bare #/', 'https://board.example/app#/', 'https://board.example/app'],
    ['drops the default port', 'https://example.com:443/p', 'https://example.com/p'],
    ['keeps a non-default port', 'https://example.com:8443/p', 'https://example.com:8443/p'],
    ['drops a trailing slash', 'https://example.com/board/12/', 'https://example.com/board/12'],
    ['keeps the root slash', 'https://example.com', 'https://example.com/'],
    ['drops credentials', 'https://user:secret@example.com/p', 'https://example.com/p'],
    ['keeps s as a real query off Twitter', 'https://shop.example.com/search?s=kimbap', 'https://shop.example.com/search?s=kimbap'],
    ['percent-encodes Korean paths the same way every time', 'https://example.com/게시판/1', 'https://example.com/%EA%B2%8C%EC%8B%9C%ED%8C%90/1'],
  ])('%s', (_name, input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it('gives the same answer for a mobile share link and the desktop link', () => {
    const shared = canonicalUrl('http://m.blog.naver.com/hanbit/2231/?utm_source=kakao#top');
    expect(shared).toBe(canonicalUrl('https://blog.naver.com/hanbit/2231'));
  });

  // biome-ignore format: one case per line reads as a table
  it.each([
    ['text that is not a URL', 'not a url'],
    ['a relative path', '/board/12'],
    ['a non-web scheme', 'mailto:help@example.com'],
    ['an empty string', ''],
  ])('rejects %s with ERR_INVALID_URL', (_name, input) => {
    expect(() => canonicalUrl(input)).toThrow(BotError);
    try {
      canonicalUrl(input);
    } catch (error) {
      expect((error as BotError).code).toBe('ERR_INVALID_URL');
      expect((error as BotError).message).toMatch(/post link/);
    }
  });

  it('keeps passwords out of the error message', () => {
    expect(() => canonicalUrl('ftp://user:hunter2@example.com/x')).toThrow(/^(?!.*hunter2)/);
  });
});

describe('threadIdFor', () => {
  it('is 12 hex digits and stable for the same canonical URL', () => {
    const id = threadIdFor('https://blog.naver.com/hanbit/2231');
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(threadIdFor('https://blog.naver.com/hanbit/2231')).toBe(id);
  });

  it('differs for different URLs', () => {
    expect(threadIdFor('https://example.com/a')).not.toBe(threadIdFor('https://example.com/b'));
  });
});
