import { describe, expect, it } from 'vitest';
import { overflowOffset, replyLength } from '../../../src/core/draft/channel.js';
import { checkTone } from '../../../src/core/draft/tone-check.js';

const FAMILY = '👨‍👩‍👧‍👦';

/** UTF-16 offsets where a grapheme cluster starts or `text` ends. */
function clusterBoundaries(text: string): Set<number> {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return new Set([...Array.from(segmenter.segment(text), ({ index }) => index), text.length]);
}

describe('X (Twitter) length', () => {
  it.each([
    ['a ZWJ family', FAMILY, 2],
    ['a thumb with a skin tone', '👍🏽', 2],
    ['a flag', '🇰🇷', 2],
    ['a keycap', '1️⃣', 2],
    ['a plain emoji', '🙏', 2],
    ['a heart with its emoji variation selector', '❤️', 2],
    ['Hangul', '죄송합니다', 10],
    ['Latin', 'sorry', 5],
    ['a URL', 'https://hanbit.example/help/very/long/path/to/the/page', 23],
  ])('counts %s as X does', (_name, text, weight) => {
    expect(replyLength(text, 'twitter')).toBe(weight);
  });

  it('counts a whole emoji as 2, so thirty family emoji and an apology fit in a tweet', () => {
    const tweet = `${FAMILY.repeat(30)} sorry, we will refund today.`;
    expect(replyLength(tweet, 'twitter')).toBe(60 + 29);
    expect(overflowOffset(tweet, 'twitter')).toBeUndefined();
    expect(checkTone(tweet, { lang: 'en', channel: 'twitter' }).some((f) => f.rule === 'too_long')).toBe(
      false,
    );
  });

  it.each([
    ['ZWJ family emoji', FAMILY, FAMILY.repeat(200), 280],
    ['skin-toned emoji', '👍🏽', '👍🏽'.repeat(200), 280],
    ['flags', '🇰🇷', '🇰🇷'.repeat(200), 280],
    ['emoji after Latin text', FAMILY, `${'a'.repeat(279)}${FAMILY.repeat(3)}`, 279],
  ])('points a too-long finding of %s at a cluster boundary', (_name, emoji, text, fittingWeight) => {
    const offset = overflowOffset(text, 'twitter');
    expect(offset).toBeDefined();
    expect(clusterBoundaries(text).has(offset ?? -1)).toBe(true);
    expect(replyLength(text.slice(0, offset), 'twitter')).toBe(fittingWeight);
    const finding = checkTone(text, { lang: 'en', channel: 'twitter' }).find((f) => f.rule === 'too_long');
    expect(finding?.start).toBe(offset);
    expect(finding?.text.startsWith(emoji)).toBe(true);
  });

  it('never cuts a ZWJ sequence on other channels either', () => {
    const text = FAMILY.repeat(100);
    const offset = overflowOffset(text, 'youtube');
    expect(clusterBoundaries(text).has(offset ?? -1)).toBe(true);
    expect(offset).toBe(FAMILY.length * Math.floor(500 / [...FAMILY].length));
  });

  it('points at the first character that does not fit in plain text', () => {
    expect(overflowOffset(`${'가'.repeat(140)}나`, 'twitter')).toBe(140);
    expect(overflowOffset('a'.repeat(280), 'twitter')).toBeUndefined();
    expect(overflowOffset(`${'a'.repeat(280)}b`, 'twitter')).toBe(280);
  });
});
