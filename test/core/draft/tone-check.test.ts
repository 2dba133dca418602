import { describe, expect, it } from 'vitest';
import { checkTone } from '../../../src/core/draft/tone-check.js';

/** Replies that inflame, and the rule each must trip (other rules may trip too). */
const INFLAMING: ReadonlyArray<[reply: string, rule: string, flagged: string]> = [
  [
    '고객님께서 잘못 보관하셔서 생긴 문제로 보입니다. 오늘 다시 안내해 드리겠습니다. 죄송합니다.',
    'ko.blame_customer',
    '고객님께서 잘못',
  ],
  ['규정상 개봉한 제품은 환불이 어렵습니다. 죄송합니다.', 'ko.rules', '규정상'],
  ['약관에 따라 처리되었음을 알려드립니다. 불편을 드려 죄송합니다.', 'ko.rules', '약관에 따라'],
  ['원칙적으로 교환은 7일 이내에만 가능합니다. 죄송합니다.', 'ko.rules', '원칙적으로'],
  [
    '오해가 있으신 것 같아 말씀드립니다. 죄송합니다. 오늘 다시 연락드리겠습니다.',
    'ko.misunderstanding',
    '오해',
  ],
  ['이미 공지한 내용입니다. 죄송합니다. 오늘 다시 안내해 드리겠습니다.', 'ko.as_announced', '이미 공지'],
  ['불편을 느끼셨다면 죄송합니다. 오늘 환불해 드리겠습니다.', 'ko.conditional', '불편을 느끼셨다면'],
  ['기분이 상하셨다면 사과드립니다. 오늘 연락드리겠습니다.', 'ko.conditional', '기분이 상하셨다면'],
  ['이번 일에 대해 유감스럽게 생각합니다. 오늘 점검하겠습니다.', 'ko.regret', '유감스럽'],
  ['죄송합니다만 해당 제품은 정상입니다. 오늘 확인해 알려 드리겠습니다.', 'ko.apology_but', '죄송합니다만'],
  ['일부 고객님께 불편을 드려 죄송합니다. 오늘 복구하겠습니다.', 'ko.some_customers', '일부 고객'],
  ['허위 사실 유포 시 법적 조치를 취하겠습니다.', 'ko.legal_threat', '법적 조치'],
  ['계속 글을 올리시면 명예훼손으로 고소할 수 있습니다.', 'ko.legal_threat', '명예훼손'],
  [
    '죄송합니다. 주문번호와 연락처를 댓글로 남겨 주시면 오늘 확인하겠습니다.',
    'ko.public_personal_data',
    '연락처를 댓글',
  ],
  [
    '죄송합니다. 계좌번호를 남겨 주시면 오늘 환불해 드리겠습니다.',
    'ko.public_personal_data',
    '계좌번호를 남겨',
  ],
  ['고객님의 소중한 의견 감사합니다. 죄송합니다. 오늘 개선하겠습니다.', 'ko.canned_feedback', '소중한 의견'],
  [
    '이용에 불편을 드려 죄송합니다. 더 나은 서비스로 보답하겠습니다.',
    'ko.canned_feedback',
    '이용에 불편을 드려',
  ],
  ['너그러운 양해 부탁드립니다. 죄송합니다. 오늘 복구하겠습니다.', 'ko.canned_feedback', '양해 부탁'],
  ['그럴 리가 없습니다. 저희 공장은 깨끗합니다.', 'ko.denial', '그럴 리가 없'],
  ['확인해 보겠습니다.', 'missing_apology', ''],
  ['불편을 드려 죄송합니다. 확인해 보겠습니다.', 'missing_action', ''],
  [
    'Unfortunately, you did not read the instructions. Sorry. We will call you today.',
    'en.blame_customer',
    'Unfortunately, you',
  ],
  [
    'Per our policy, opened items cannot be refunded. Sorry about that; we will call you today.',
    'en.policy',
    'Per our policy',
  ],
  [
    'As stated on our website, delivery takes 10 days. Sorry. We will update you today.',
    'en.as_stated',
    'As stated',
  ],
  [
    'We are sorry for the misunderstanding. We will call you today.',
    'en.misunderstanding',
    'misunderstanding',
  ],
  ['We regret that you feel this way. We will review it today.', 'en.conditional', 'regret that you feel'],
  ['We are sorry if you were offended. We will review it today.', 'en.conditional', 'sorry if you'],
  ['Mistakes were made. We are sorry and will fix it today.', 'en.conditional', 'Mistakes were made'],
  ['We regret the incident. We will review it today.', 'en.regret', 'We regret'],
  ['We are sorry, but our product is safe. We will test it today.', 'en.apology_but', 'sorry, but'],
  ['Some customers had a delay. Sorry. We will ship today.', 'en.some_customers', 'Some customers'],
  ['Remove this post or our lawyers will contact you. This is defamation.', 'en.legal_threat', 'our lawyers'],
  [
    'Sorry! Please post your order number and phone number below so we can refund you today.',
    'en.public_personal_data',
    'post your order number',
  ],
  [
    'We apologize for any inconvenience. We will fix it today.',
    'en.canned',
    'apologize for any inconvenience',
  ],
  [
    'We take this very seriously. Sorry. We will review it today.',
    'en.canned',
    'We take this very seriously',
  ],
  ['Thank you for your patience. Sorry. We will ship it today.', 'en.canned', 'Thank you for your patience'],
  ['This is simply not true. Our kitchens are clean.', 'en.denial', 'This is simply not true'],
  ['We are looking into it.', 'missing_apology', ''],
  ['We are so sorry about this. We are looking into it.', 'missing_action', ''],
];

/** Replies that own the problem and say what happens next: no findings at all. */
const GOOD: readonly string[] = [
  '바삭맘님, 알려 주셔서 감사합니다. 과자에서 벌레가 나와 정말 죄송합니다. 오늘 제품을 회수해 검사를 맡기고 12월 10일까지 결과를 이 글에 공유하겠습니다. 개인 정보는 이곳에 남기지 마시고 1:1 문의로 보내 주세요. 한빛푸드 고객경험팀 드림',
  '두 번 결제되어 걱정하셨을 텐데 정말 죄송해요. 잘못 결제된 금액은 금요일까지 자동으로 환불해 드릴게요. 주문번호는 DM으로 보내 주세요.',
  '직원이 그렇게 대해 드려 진심으로 사과드립니다. 이번 주 안에 매장 교육을 다시 하고 결과를 말씀드리겠습니다.',
  '제기하신 소송은 오늘 취하하겠습니다. 제품을 시험해 보신 고객님을 상대로 소송을 건 것은 저희 잘못이었습니다. 진심으로 사과드립니다.',
  'Thank you for telling us, Sam. We are sorry we charged you twice. We will refund the second charge automatically by Friday. Please send your order number by DM, not here. — Hanbit Foods',
  'We are so sorry you found glass in our soup. We are collecting the product today and will share the lab results by December 10. — Hanbit Foods Customer Care',
  '정말 죄송합니다. 주소를 1:1 문의로 남겨 주시면 오늘 다시 발송해 드릴게요.',
  '고객님, 기다리시게 해서 죄송합니다. 내일까지 환불 처리하겠습니다.',
  "Hi Sam, so sorry your parcel is late. I've just re-sent it and it will arrive by Friday. DM me your order number and I'll keep an eye on it.",
  'We are sorry the app was down this morning. It is back now, and credits for the lost hours go out automatically within 3 days.',
];

describe('checkTone', () => {
  it.each(INFLAMING)('flags %j (%s)', (reply, rule, flagged) => {
    const findings = checkTone(reply);
    const finding = findings.find(
      (f) => f.rule === rule && f.text.toLowerCase().includes(flagged.toLowerCase()),
    );
    expect(finding, JSON.stringify(findings)).toBeDefined();
    if (!finding) return;
    expect(finding.text.toLowerCase()).toContain(flagged.toLowerCase());
    expect(reply.slice(finding.start, finding.end)).toBe(finding.text);
    expect(finding.why.length).toBeGreaterThan(10);
    expect(finding.suggestion.length).toBeGreaterThan(10);
  });

  it.each(GOOD)('passes %j', (reply) => {
    expect(checkTone(reply)).toEqual([]);
  });

  it('explains in the language of the reply', () => {
    expect(checkTone('규정상 어렵습니다.')[0]?.why).toMatch(/[가-힣]/);
    expect(checkTone('Per our policy we cannot.')[0]?.why).toMatch(/^[\x20-\x7e“”’—]+$/);
  });

  it('flags a reply too long for its channel at the point where it would be cut', () => {
    const reply = `바삭맘님, 정말 죄송합니다. 오늘 환불해 드리겠습니다. ${'늦어진 이유를 자세히 설명드리면 '.repeat(10)}`;
    const findings = checkTone(reply, { channel: 'twitter' });
    const tooLong = findings.find((f) => f.rule === 'too_long');
    expect(tooLong).toBeDefined();
    expect(tooLong?.end).toBe(reply.length);
    expect(tooLong?.start).toBeLessThan(reply.length);
    expect(tooLong?.start).toBeGreaterThan(100);
    expect(checkTone(reply, { channel: 'naver_cafe' }).some((f) => f.rule === 'too_long')).toBe(false);
  });

  it('points at every occurrence, in order', () => {
    const findings = checkTone('오해입니다. 규정상 안 됩니다. 또 오해하셨네요.');
    const spans = findings.filter((f) => f.text).map((f) => f.text);
    expect(spans).toEqual(['오해', '규정상', '오해']);
  });
});
