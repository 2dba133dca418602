import { describe, expect, it } from 'vitest';
import { type ResponseInput, recommendResponse } from '../../../src/core/risk/response.js';

const input = (over: Partial<ResponseInput>): ResponseInput => ({
  text: '',
  category: 'other',
  level: 'medium',
  stage: 1,
  ...over,
});

describe('recommendResponse', () => {
  it.each([
    ['a rave', input({ text: '케이크 진짜 맛있어요', category: 'none', level: 'none' }), 'no_action'],
    [
      'a foreign object',
      input({ text: '과자에서 벌레가 나왔어요', category: 'contamination', level: 'high' }),
      'escalate_now',
    ],
    [
      'a data leak',
      input({ text: 'they leaked my address', category: 'data_breach', level: 'critical' }),
      'escalate_now',
    ],
    [
      'a lawsuit threat',
      input({ text: '소비자원에 신고하고 고소합니다', category: 'legal', level: 'high' }),
      'escalate_now',
    ],
    ['rude service', input({ text: '상담원이 반말하고 끊었어요', category: 'rude_service' }), 'own_it'],
    [
      'a double charge',
      input({ text: 'I was charged twice for one order', category: 'refund_billing' }),
      'own_it',
    ],
    ['pure abuse', input({ text: '쓰레기 회사 망해라', category: 'other', level: 'low' }), 'monitor'],
    [
      'hearsay',
      input({ text: '한빛푸드 과대광고라던데 사실인가요?', category: 'false_advertising' }),
      'correct_facts',
    ],
    [
      'an English rumour',
      input({
        text: 'I heard their cakes are made abroad, misleading labels',
        category: 'false_advertising',
      }),
      'correct_facts',
    ],
  ])('recommends for %s: %s', (_name, given, kind) => {
    expect(recommendResponse(given).kind).toBe(kind);
  });

  it('treats abuse with a concrete grievance as an unhappy customer, not a troll', () => {
    expect(
      recommendResponse(input({ text: '쓰레기 회사, 환불 안 해주네', category: 'refund_billing' })).kind,
    ).toBe('own_it');
  });

  it('says why, and says the clock matters once readers join in', () => {
    const late = recommendResponse(input({ text: '직원이 불친절', category: 'rude_service', stage: 3 }));
    expect(late.why).toMatch(/readers are joining in/);
    expect(recommendResponse(input({ category: 'safety', level: 'low' })).why).toMatch(
      /check with the owner/,
    );
  });
});
