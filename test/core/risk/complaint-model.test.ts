import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/post.js';
import { FEATURE_BUCKETS, featureBuckets } from '../../../src/core/risk/complaint-features.js';
import {
  complaintProbability,
  packModel,
  predictNormalized,
  unpackModel,
} from '../../../src/core/risk/complaint-model.js';

const bucketsOf = (text: string, lang: Lang) => [...featureBuckets(text, lang)];

describe('featureBuckets', () => {
  it('gives the same buckets for the same text every time', () => {
    for (const [text, lang] of [
      ['배송이 너무 늦어요 ㅠㅠ', 'ko'],
      ['@acme my order never arrived http://x.y/z !!', 'en'],
    ] as const) {
      expect(bucketsOf(text, lang)).toEqual(bucketsOf(text, lang));
    }
  });

  it('keeps every bucket inside the weight table', () => {
    const long = '불량품 환불해 주세요 ㅈㄴ 짜증 '.repeat(200);
    for (const b of [...featureBuckets(long, 'ko'), ...featureBuckets(long.toLowerCase(), 'en')]) {
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(FEATURE_BUCKETS);
    }
  });

  it('treats runs of spaces and different digits alike', () => {
    expect(bucketsOf('order  1234   late', 'en')).toEqual(bucketsOf('order 9876 late', 'en'));
  });

  it('shares a 초성 feature between a word and its 초성 spelling', () => {
    const word = new Set(featureBuckets('존나', 'ko'));
    const initials = featureBuckets('ㅈㄴ', 'ko');
    expect([...initials].some((b) => word.has(b))).toBe(true);
  });

  it('returns no features for an empty text', () => {
    expect(featureBuckets('', 'ko').length).toBe(0);
    expect(featureBuckets('   ', 'en').length).toBe(0);
  });
});

describe('packModel and unpackModel', () => {
  it('round-trips weights within half a quantization step, with long runs of zeros', () => {
    const weights = new Float64Array(FEATURE_BUCKETS);
    weights[0] = -2;
    weights[7] = 0.5;
    weights[200_000] = 1.27;
    weights[FEATURE_BUCKETS - 1] = -0.01;
    const packed = packModel(weights, 0.25);
    const model = unpackModel(packed);
    expect(model.bias).toBe(0.25);
    for (const i of [0, 1, 7, 100_000, 200_000, FEATURE_BUCKETS - 1]) {
      expect(Math.abs((model.weights[i] as number) - (weights[i] as number))).toBeLessThanOrEqual(
        packed.scale / 2 + 1e-9,
      );
    }
    expect(packed.weights.length).toBeLessThan(40);
  });

  it('rejects packed weights that do not fill the table', () => {
    const packed = packModel(new Float64Array(FEATURE_BUCKETS), 0);
    expect(() => unpackModel({ ...packed, weights: Buffer.from([1, 2, 3]).toString('base64') })).toThrow(
      /weights/,
    );
  });

  it('predicts from the bias alone when a text has no features', () => {
    const model = unpackModel(packModel(new Float64Array(FEATURE_BUCKETS), Math.log(3)));
    expect(predictNormalized(model, '', 'en')).toBeCloseTo(0.75, 5);
  });
});

describe('complaintProbability with the built-in model', () => {
  // biome-ignore format: one case per line reads as a table
  it.each<[string, string, Lang]>([
    ['empty', '', 'en'],
    ['emoji only', '🎂🎂🎂', 'ko'],
    ['very long', '환불 '.repeat(5_000), 'ko'],
    ['control characters', '\u0000\u0007\u202e', 'en'],
    ['Korean read as English', '최악이에요', 'en'],
  ])('stays between 0 and 1 for %s text', (_name, text, lang) => {
    const p = complaintProbability(text, lang);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  });

  // biome-ignore format: one case per line reads as a table
  it.each<[string, string, string, Lang]>([
    ['Korean: waste of money vs. will buy again', '이 돈 주고 살 물건은 아니네요', '정말 만족해요! 또 살게요', 'ko'],
    ['Korean: flimsy vs. sturdy', '기대했는데 너무 얇고 금방 늘어나요', '가성비 좋고 튼튼합니다', 'ko'],
    ['Korean: worst vs. a gift they liked', '최악이에요 다시는 안 사요', '선물했는데 다들 좋아해요 ㅎㅎ', 'ko'],
    ['English: late order vs. thanks', '@acme my order is three weeks late and nobody answers', 'Thanks @acme, the new store looks great!', 'en'],
    ['English: worst service vs. loving it', '@acme worst service ever, I want my money back', 'Loving my new running shoes, best purchase this year', 'en'],
  ])('rates the complaint above the praise (%s)', (_name, complaint, praise, lang) => {
    const negative = complaintProbability(complaint, lang);
    const positive = complaintProbability(praise, lang);
    expect(negative).toBeGreaterThan(0.5);
    expect(positive).toBeLessThan(0.5);
  });

  it('gives the same answer for decomposed Hangul as for composed', () => {
    const text = '최악이에요 다시는 안 사요';
    expect(complaintProbability(text.normalize('NFD'), 'ko')).toBeCloseTo(
      complaintProbability(text, 'ko'),
      10,
    );
  });
});
