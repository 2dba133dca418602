import { describe, expect, it } from 'vitest';
import {
  MAX_COPIES_TOLD,
  SAME_STORY,
  StoryIndex,
  storySignature,
  storySimilarity,
} from '../../src/core/story.js';

const original =
  '한빛푸드 바삭칩에서 검은 이물질이 나왔습니다. 사진 첨부합니다. 고객센터에 전화했는데 연결이 안 되네요.';
const repost = `[펌] ${original} 다들 조심하세요!! https://cafe.example.kr/123`;
const other = '한빛푸드 딸기케이크 진짜 맛있어요. 주말에 가족이랑 먹었는데 다들 좋아했어요.';

describe('story signatures', () => {
  it('find a repost with a line added as the same story', () => {
    expect(storySimilarity(storySignature(original), storySignature(repost))).toBeGreaterThanOrEqual(
      SAME_STORY,
    );
  });

  it('keep a different post about the same brand apart', () => {
    expect(storySimilarity(storySignature(original), storySignature(other))).toBeLessThan(0.2);
  });

  it('are the same for the same text, and empty for text too short to compare', () => {
    expect(storySignature(original)).toEqual(storySignature(original));
    expect(storySignature('한빛푸드 최악')).toEqual([]);
    expect(storySimilarity([], [])).toBe(0);
  });

  it('ignore spacing, punctuation and case', () => {
    const a = storySignature('Hanbit Foods app leaked customer addresses!');
    const b = storySignature('hanbit foods app — leaked customer addresses');
    expect(storySimilarity(a, b)).toBe(1);
  });
});

describe('StoryIndex', () => {
  it('returns earlier copies from other sources only', () => {
    const index = new StoryIndex();
    index.add('t1', 'board', storySignature(original));
    index.add('t2', 'blog', storySignature(other));
    expect(index.sameStory('cafe', storySignature(repost))).toEqual([{ threadId: 't1', sourceId: 'board' }]);
    expect(index.sameStory('board', storySignature(repost))).toEqual([]);
  });

  it('keeps only the most recent stories', () => {
    const index = new StoryIndex(2);
    index.add('t1', 'a', storySignature(original));
    index.add('t2', 'b', storySignature(other));
    index.add('t3', 'c', storySignature(`${other} 재구매 의사 있습니다`));
    expect(index.size).toBe(2);
    expect(index.sameStory('z', storySignature(original))).toEqual([]);
  });
});

describe('StoryIndex.link', () => {
  const story = storySignature(
    '한빛푸드 도시락 먹고 아이가 응급실에 갔습니다. 식중독 같아요. 진단서 있습니다.',
  );

  it('gives every site carrying the story and tells the oldest copy on each site once', () => {
    const index = new StoryIndex();
    index.add('b1', 'board', story);
    index.add('b2', 'board', story);
    index.add('c1', 'cafe', story);
    const first = index.link('news', story);
    expect(first.sites.sort()).toEqual(['board', 'cafe', 'news']);
    expect(first.tell).toEqual([
      { threadId: 'b1', sourceId: 'board' },
      { threadId: 'c1', sourceId: 'cafe' },
    ]);
    index.add('n1', 'news', story, first.sites);
    // Another copy on the same new site: every site already knows it, nothing to rewrite.
    expect(index.link('news', story).tell).toEqual([]);
    // A new site: the news thread knows every site, and gets told of the new one like the others.
    expect(index.link('blog', story).tell.map((t) => t.threadId)).toEqual(['b1', 'c1', 'n1']);
  });

  it('rewrites at most a bounded number of copies however viral the story', () => {
    const index = new StoryIndex();
    for (let n = 0; n < 300; n += 1) index.add(`t${n}`, `site-${n}`, story);
    const linked = index.link('new-site', story);
    expect(linked.sites).toHaveLength(301);
    expect(linked.tell).toHaveLength(MAX_COPIES_TOLD);
  });
});

describe('StoryIndex.link on a story spread over many sites', () => {
  it('stops telling copies about a site once enough of them know it', () => {
    const story = storySignature(
      '한빛푸드 도시락 먹고 아이가 응급실에 갔습니다. 식중독 같아요. 진단서 있습니다.',
    );
    const index = new StoryIndex();
    for (let n = 0; n < 100; n += 1) index.add(`t${n}`, `site-${n}`, story);
    const first = index.link('new-site', story);
    expect(first.tell).toHaveLength(MAX_COPIES_TOLD);
    index.add('n1', 'new-site', story, first.sites);
    expect(index.link('new-site', story).tell).toEqual([]);
  });
});
