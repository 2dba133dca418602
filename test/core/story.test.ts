import { describe, expect, it } from 'vitest';
import { SAME_STORY, StoryIndex, storySignature, storySimilarity } from '../../src/core/story.js';

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
