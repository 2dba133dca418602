import type { Category } from '../config/schema.js';
import type { Lang } from '../core/post.js';
import { guessLang } from '../core/post.js';
import type { Thread } from '../core/thread-schema.js';

const ISSUE: Record<Lang, Record<Category, string>> = {
  ko: {
    contamination: '제품 위생 및 이물질 문제',
    safety: '제품 안전 문제',
    data_breach: '고객님의 개인정보와 관련된 문제',
    outage: '서비스 이용 장애',
    rude_service: '직원 응대 과정에서의 문제',
    false_advertising: '광고 및 안내 내용과 관련된 문제',
    refund_billing: '환불 및 결제 과정의 문제',
    legal: '제기해 주신 문제',
    boycott: '고객님들께서 우려하시는 문제',
    astroturfing: '제기된 의혹',
    discrimination: '차별로 느끼신 응대',
    defect: '제품 결함 문제',
    delivery: '배송 과정의 문제',
    other: '말씀해 주신 문제',
    none: '말씀해 주신 문제',
  },
  en: {
    contamination: 'the hygiene and foreign-object issue with our product',
    safety: 'the safety concern about our product',
    data_breach: 'the issue involving your personal data',
    outage: 'the service disruption',
    rude_service: 'how you were treated by our staff',
    false_advertising: 'the concern about our advertising',
    refund_billing: 'the refund and billing problem',
    legal: 'the matter you raised',
    boycott: 'the concerns many of you have shared',
    astroturfing: 'the concerns that have been raised',
    discrimination: 'treatment that felt discriminatory',
    defect: 'the product defect',
    delivery: 'the delivery problem',
    other: 'the problem you described',
    none: 'the problem you described',
  },
};

/**
 * A sound starting draft of a public apology, in the post's language (its detected language, else guessed
 * from its text). People edit it before anything is published; Bulssi never publishes it.
 */
export function draftApology(thread: Thread, company: string): { lang: Lang; text: string } {
  const lang = thread.lang ?? guessLang(`${thread.title} ${thread.excerpt}`);
  const issue = ISSUE[lang][thread.risk.category];
  if (lang === 'ko') {
    return {
      lang,
      text: [
        `안녕하세요, ${company}입니다.`,
        '',
        `${issue}로 고객님께 불편과 걱정을 끼쳐 드려 진심으로 사과드립니다.`,
        '현재 사실관계를 꼼꼼히 확인하고 있으며, 확인되는 대로 원인과 조치 내용을 숨김없이 알려 드리겠습니다.',
        '피해를 입으신 고객님께서는 고객센터로 연락 주시면 개별적으로 성실히 도와드리겠습니다.',
        '같은 일이 반복되지 않도록 재발 방지 대책도 함께 마련하겠습니다.',
        '',
        '다시 한 번 깊이 사과드립니다.',
        `${company} 드림`,
      ].join('\n'),
    };
  }
  return {
    lang,
    text: [
      `We at ${company} are truly sorry for ${issue}.`,
      '',
      'We are looking into exactly what happened and will share what we find and what we are doing about it as soon as we can.',
      'If you were affected, please contact our customer support team and we will help you personally.',
      'We will also put measures in place so this does not happen again.',
      '',
      'We apologize again.',
      `— ${company}`,
    ].join('\n'),
  };
}
