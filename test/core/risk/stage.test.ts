import { describe, expect, it } from 'vitest';
import { assessStage, growthPerHour, type StageInput } from '../../../src/core/risk/stage.js';

const base: StageInput = {
  text: '한빛푸드 과자 맛이 이상해요',
  category: 'defect',
  metrics: [{ at: '2026-11-22T00:00:00Z', views: 40, comments: 1 }],
  sites: 1,
};

describe('assessStage', () => {
  it.each([
    ['a quiet first post', base, 1],
    ['the same story on a second site', { ...base, sites: 2 }, 2],
    ['a call to spread', { ...base, text: '한빛푸드 과자 맛이 이상해요. 널리 알려주세요, 퍼가세요' }, 2],
    [
      '"please share" in English',
      { ...base, text: 'Hanbit chips taste off, please share', category: 'defect' as const },
      2,
    ],
    [
      'views climbing fast',
      {
        ...base,
        metrics: [
          { at: '2026-11-22T00:00:00Z', views: 40 },
          { at: '2026-11-22T01:00:00Z', views: 1_200 },
        ],
      },
      2,
    ],
    [
      'readers saying "저도요"',
      { ...base, text: '한빛푸드 과자 맛이 이상해요. 댓글: 저도요 저도 같은 일 있었어요' },
      3,
    ],
    ['many comments', { ...base, metrics: [{ at: '2026-11-22T00:00:00Z', comments: 45 }] }, 3],
    ['"me too" in English', { ...base, text: 'Same thing happened to my order, me too' }, 3],
    ['a photo as evidence', { ...base, text: '한빛푸드 과자에서 이물질, 사진 첨부합니다' }, 4],
    ['a news article', { ...base, fromNews: true }, 4],
    ['a boycott call', { ...base, text: '한빛푸드 불매합시다', category: 'boycott' as const }, 4],
  ])('puts %s at stage %s', (_name, input, stage) => {
    expect(assessStage(input).stage).toBe(stage);
  });

  it('names the signals behind the stage, most advanced first', () => {
    const result = assessStage({
      ...base,
      text: '이물질 나왔어요 사진 있어요. 저도요! 퍼가세요',
      sites: 3,
      metrics: [{ at: '2026-11-22T00:00:00Z', comments: 40 }],
    });
    expect(result.stage).toBe(4);
    expect(result.reasons).toEqual([
      'evidence posted ("사진")',
      'readers joining in ("저도요")',
      '40 comments',
      'on 3 sites',
      'call to spread ("퍼가세요")',
    ]);
  });

  it('does not count news about nothing as media pickup', () => {
    expect(assessStage({ ...base, category: 'none', fromNews: true }).stage).toBe(1);
  });
});

describe('growthPerHour', () => {
  it('measures gain per hour between the first and last snapshot with the count', () => {
    const metrics = [
      { at: '2026-11-22T00:00:00Z', comments: 10 },
      { at: '2026-11-22T00:30:00Z' },
      { at: '2026-11-22T02:00:00Z', comments: 70 },
    ];
    expect(growthPerHour(metrics, 'comments')).toBe(30);
    expect(growthPerHour(metrics, 'views')).toBe(0);
    expect(growthPerHour([{ at: '2026-11-22T00:00:00Z', comments: 5 }], 'comments')).toBe(0);
  });
});
