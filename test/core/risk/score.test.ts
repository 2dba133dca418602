import { describe, expect, it } from 'vitest';
import { LEVELS, type Level } from '../../../src/config/schema.js';
import type { Metrics } from '../../../src/core/post.js';
import { levelAtLeast } from '../../../src/core/risk/level.js';
import type { LexiconTerm } from '../../../src/core/risk/lexicon.js';
import { createScorer, scorePost, tonePoints } from '../../../src/core/risk/score.js';
import { BotError } from '../../../src/errors.js';

const score = (text: string, metrics: Metrics = {}) => scorePost({ text, metrics });
const levelIndex = (level: Level) => LEVELS.indexOf(level);

/** [sentence, text, lowest level, highest level, category (when it matters)] */
type Row = [string, string, Level, Level, string?];

describe('scorePost on crisis posts', () => {
  // biome-ignore format: one case per line reads as a table
  it.each<Row>([
    ['a foreign object in a kimbap', '한빛푸드 김밥에서 이물질이 나왔어요', 'medium', 'high', 'contamination'],
    ['a bug found in a lunch box', '도시락 반찬에 벌레가 들어 있었어요. 사진 첨부합니다', 'medium', 'high', 'contamination'],
    ['mould on bread with particles and spacing', '빵에 곰팡이가 피어 있었어요', 'medium', 'high', 'contamination'],
    ['food poisoning that ended in the emergency room', '아이가 먹고 식중독으로 응급실 갔어요', 'high', 'critical', 'contamination'],
    ['a burn from a product', '전기포트 쓰다가 손에 화상 입었습니다', 'medium', 'high', 'safety'],
    ['an allergic reaction', 'Got an allergic reaction from the "nut free" bar, ended up in the ER', 'high', 'critical', 'safety'],
    ['a personal data leak with spacing', '개인 정보 유출 됐다는 문자 받았어요', 'high', 'critical', 'data_breach'],
    ['a hacked account with unauthorized charges', 'My account was hacked and there are unauthorized charges', 'high', 'critical', 'data_breach'],
    ['a double charge', 'I was double charged for one order', 'low', 'medium', 'outage'],
    ['a payment outage in Korean', '결제 오류로 이중 결제 됐는데 앱은 먹통이에요', 'medium', 'high', 'outage'],
    ['rude staff and a hang-up', 'The manager was rude and hung up on me', 'medium', 'high', 'rude_service'],
    ['rude staff in Korean with 반말', '직원이 반말하고 불친절해요', 'medium', 'high', 'rude_service'],
    ['false advertising', '광고랑 완전 다름. 허위광고 아닌가요', 'medium', 'high', 'false_advertising'],
    ['a refused refund', '환불을 거부당했어요. 소비자원에 신고할 거예요', 'high', 'critical', 'legal'],
    ['a threat to sue', "If this isn't fixed I'm going to sue, my lawyer has the receipts", 'medium', 'high', 'legal'],
    ['a boycott call', '이 회사 불매합니다. 퍼가세요', 'medium', 'high', 'boycott'],
    ['fake reviews', 'Their five-star ratings are fake reviews from paid reviewers', 'medium', 'high', 'astroturfing'],
    ['racist treatment', 'The guard followed me around the store, pure racist profiling', 'medium', 'critical', 'discrimination'],
    ['a broken product', '받자마자 고장. 불량품이네요', 'low', 'medium', 'defect'],
    ['a parcel that never arrived', 'My package never arrived and still no response from support', 'low', 'medium', 'delivery'],
    ['a slow delivery', '배송이 너무 늦어요', 'low', 'low', 'delivery'],
    ['plain anger in slang', '개빡치네 진짜 최악 ㅡㅡ', 'low', 'medium', 'other'],
    ['a scam call', 'This company is a scam, never again', 'low', 'medium', 'other'],
    ['a refund-time slang post', '이건 환불각이다', 'low', 'low', 'refund_billing'],
  ])('rates %s', (_name, text, lowest, highest, category) => {
    const result = score(text);
    expect(
      levelIndex(result.level),
      `${result.level} ${JSON.stringify(result.reasons)}`,
    ).toBeGreaterThanOrEqual(levelIndex(lowest));
    expect(levelIndex(result.level), `${result.level} ${JSON.stringify(result.reasons)}`).toBeLessThanOrEqual(
      levelIndex(highest),
    );
    if (category) expect(result.category).toBe(category);
  });

  it('keeps a quiet early foreign-object post with 40 views at medium or above', () => {
    expect(levelAtLeast(score('한빛푸드 김밥에서 이물질 나옴', { views: 40 }).level, 'medium')).toBe(true);
  });
});

describe('scorePost on harmless posts', () => {
  // biome-ignore format: one case per line reads as a table
  it.each<[string, string]>([
    ['praise that says the cake kills', '이 케이크 진짜 죽인다'],
    ['explosive popularity', '폭발적인 인기! 오늘도 완판이래요'],
    ['taste described as crazy', '맛이 미쳤다 진짜'],
    ['nutty taste, which shares letters with a lawsuit', '고소한 맛이 좋아요'],
    ['buying, which shares letters with a scam', '가격이 착해서 사기 좋아요'],
    ['product differentiation', '차별화된 디자인이 좋아요'],
    ['a video call', '화상 회의 때 쓰기 좋은 카메라'],
    ['a killer cake', 'That killer cake at Hanbit was amazing'],
    ['a cake that is the bomb', 'this cake is the bomb'],
    ['a recipe hacked together', 'I hacked together a recipe from their meal kit'],
    ['an explosion in a game', 'the boss fight had an amazing explosion in the new game'],
    ['a character dying in a film', 'the main character died in the movie and I cried'],
    ['a phone battery that died', 'my phone died before I could order lol'],
    ['an ordinary happy review', '배송 빠르고 맛있어요 재구매할게요'],
    ['a post saying there was no problem', '문제 없이 잘 쓰고 있어요'],
  ])('ignores %s', (_name, text) => {
    const result = score(text);
    expect(result.level, JSON.stringify(result.reasons)).toBe('none');
  });

  // biome-ignore format: one case per line reads as a table
  it.each<[string, string]>([
    ['no foreign object', '이물질은 없었어요 깨끗해요'],
    ['a rude denial in English', 'The staff was not rude at all'],
    ['no bugs', 'No bugs in the new app update, runs fine'],
    ['안 before a word', '직원분들 안 불친절하고 좋았어요'],
    ['a box that was not broken', "The box wasn't broken, everything arrived fine"],
    ['a complaint word followed by 않다', '불친절하지 않고 친절했어요'],
  ])('does not count a negated term: %s', (_name, text) => {
    const result = score(text);
    expect(result.level).toBe('none');
    expect(result.reasons.some((r) => r.startsWith('negated:'))).toBe(true);
  });
});

describe('scorePost amplifiers and engagement', () => {
  it('does not lift a post with no crisis signal to medium however many people saw it', () => {
    const result = score('이 케이크 진짜 죽인다', {
      views: 50_000,
      comments: 900,
      likes: 4_000,
      shares: 300,
    });
    expect(levelAtLeast(result.level, 'medium')).toBe(false);
  });

  it('adds engagement on a log scale, capped, and names the counts', () => {
    const quiet = score('이물질이 나왔어요');
    const loud = score('이물질이 나왔어요', { views: 1_240, comments: 85 });
    const viral = score('이물질이 나왔어요', { views: 5_000_000, comments: 90_000, likes: 1e6, shares: 1e5 });
    expect(loud.score).toBeGreaterThan(quiet.score);
    expect(viral.score - quiet.score).toBeLessThanOrEqual(20);
    expect(loud.reasons).toContainEqual(
      expect.stringMatching(/^engagement: 1,240 views, 85 comments \(\+\d+\)$/),
    );
  });

  it('adds a little for intensity, spread calls, evidence and an unanswered first contact', () => {
    const plain = score('불친절해요');
    const loud = score('진짜 너무 불친절해요!!! 영수증 사진 있어요. 고객센터는 연결이 안 되고요. 퍼가세요');
    expect(loud.score).toBeGreaterThan(plain.score);
    for (const kind of ['intensity', 'evidence', 'spread', 'no reply']) {
      expect(loud.reasons.some((r) => r.startsWith(`${kind}:`))).toBe(true);
    }
  });

  it('counts shouting in capitals as intensity', () => {
    const result = score('WORST SERVICE EVER, THEY WERE RUDE');
    expect(result.reasons).toContainEqual(expect.stringContaining('ALL CAPS'));
  });

  it('names each matched word and what it added', () => {
    expect(score('이물질이 나왔어요').reasons).toEqual(['contamination: "이물질" (+40)']);
  });

  it('reads the title as well as the body', () => {
    expect(scorePost({ title: '식중독 의심', text: '어제 먹고 밤새 아팠어요' }).category).toBe(
      'contamination',
    );
  });

  it('returns none with no reasons for an empty post', () => {
    expect(score('')).toEqual({ score: 0, level: 'none', category: 'none', reasons: [] });
  });

  it('always returns an integer score from 0 to 100', () => {
    const everything =
      '식중독 응급실 화상 폭발 개인정보 유출 해킹 소송 고소장 불매 인종차별 허위광고 환불 거부 먹통 불친절 불량 오배송 최악 사기 퍼가세요 진단서';
    const result = score(everything, { views: 1e7, comments: 1e5, shares: 1e5 });
    expect(Number.isInteger(result.score)).toBe(true);
    expect(result.score).toBeLessThanOrEqual(100);
    expect(result.level).toBe('critical');
  });
});

describe('createScorer with company terms', () => {
  const extra: LexiconTerm[] = [
    {
      category: 'safety',
      lang: 'ko',
      pattern: '배터리 ?(?:가|이)? ?부풀',
      weight: 50,
      label: '배터리 부풀음',
    },
    { category: 'defect', lang: 'en', pattern: 'soggy', weight: 25, label: 'soggy' },
  ];

  it('adds a new term and replaces a built-in one with the same label', () => {
    const scorer = createScorer({ extraTerms: extra });
    expect(scorer({ text: 'The fries were soggy' }).category).toBe('defect');
    expect(scorer({ text: '배터리가 부풀었어요' }).reasons).toContain('safety: "배터리가 부풀" (+50)');
    expect(scorePost({ text: 'The fries were soggy' }).level).toBe('none');
  });

  it('caches the compiled lexicon per extraTerms array', () => {
    expect(scorePost({ text: 'so soggy' }, { extraTerms: extra }).category).toBe('defect');
  });

  // biome-ignore format: one case per line reads as a table
  it.each<[string, string]>([
    ['an invalid expression', '(unclosed'],
    ['a capturing group', '(soggy)'],
    ['a pattern that can match nothing', 'x?'],
  ])('rejects a company term with %s', (_name, pattern) => {
    const bad: LexiconTerm = { category: 'defect', lang: 'en', pattern, weight: 10, label: 'bad' };
    expect(() => createScorer({ extraTerms: [bad] })).toThrow(BotError);
  });
});

describe('scorePost complaint tone', () => {
  const toned = (p: number) => createScorer({ complaintProbability: () => p });

  // biome-ignore format: one case per line reads as a table
  it.each<[number, number]>([
    [0, 0], [0.49, 0], [0.5, 20], [0.75, 25], [1, 30],
  ])('turns probability %d into %d points', (p, points) => {
    expect(tonePoints(p)).toBe(points);
  });

  it('lifts a complaint with no crisis word to low and says why', () => {
    const result = toned(0.9)({ text: 'Three weeks and still waiting' });
    expect(result).toEqual({
      score: 28,
      level: 'low',
      category: 'other',
      reasons: ['complaint tone: 0.90 (+28)'],
    });
  });

  it('adds only what matched terms do not already give, so crisis terms keep the points', () => {
    expect(toned(1)({ text: '이물질이 나왔어요' }).reasons).toEqual(['contamination: "이물질" (+40)']);
    expect(toned(1)({ text: '이건 환불각이다' }).reasons).toContain('complaint tone: 1.00 (+5)');
  });

  it('ignores the tone of a post whose problem words are all negated', () => {
    const result = toned(0.95)({ text: 'The staff was not rude at all' });
    expect(result.level).toBe('none');
    expect(result.reasons).toContainEqual(expect.stringMatching(/^complaint tone 0\.95 ignored/));
  });

  it('ignores the tone of a post that praises with crisis-sounding slang', () => {
    expect(toned(0.95)({ text: '이 케이크 진짜 죽인다' }).level).toBe('none');
    expect(toned(0.95)({ text: 'That killer cake was amazing' }).level).toBe('none');
  });

  it('rates a plain unhappy review with the built-in model at low', () => {
    const result = score('이 돈 주고 살 물건은 아니네요');
    expect(result.level).toBe('low');
    expect(result.reasons).toContainEqual(expect.stringMatching(/^complaint tone: 0\.\d\d \(\+\d+\)$/));
  });

  it('keeps a happy review at none with the built-in model', () => {
    expect(score('선물했는데 다들 좋아해요 ㅎㅎ').level).toBe('none');
    expect(score('Thanks @acme, the new store looks great!').level).toBe('none');
  });
});
