import { guessLang, type Lang } from '../post.js';
import { CHANNEL_LIMITS, type Channel, overflowOffset, replyLength } from './channel.js';
import { EN_TONE_RULES } from './tone-rules-en.js';
import { KO_TONE_RULES } from './tone-rules-ko.js';
import type { ToneRule } from './tone-rule.js';

/**
 * One thing in a reply that would inflame, with where it is. `start`/`end` are UTF-16 offsets into the
 * reply (as String.prototype.slice takes them); a finding about what is missing has start = end.
 */
export interface ToneFinding {
  start: number;
  end: number;
  text: string;
  why: string;
  suggestion: string;
  /** Stable id of the rule, e.g. "ko.misunderstanding", "missing_apology". */
  rule: string;
}

export interface ToneCheckOptions {
  /** Language of the reply; guessed from its script when absent. */
  lang?: Lang | undefined;
  /** Where it will be posted; enables the length check. */
  channel?: Channel | undefined;
}

const RULES: readonly ToneRule[] = [...KO_TONE_RULES, ...EN_TONE_RULES];

const APOLOGY =
  /면목(이)?\s*없|죄송|사과(드|를|의|\s*말씀)|송구|미안|\bsorry\b|\bapologi[sz]e|\bapolog(y|ies)\b/i;

const WHEN =
  /(하루|이틀|사흘|나흘|일주일)\s*(안|이내|내|만에)|당일|오전|오후|\d+\s*시\b|영업일|(월|화|수|목|금|토|일)요일\s*(전|까지|중|오전|오후)|\bby (the )?end of (the )?(day|week)\b|\b(by )?eod\b|\bby \d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\bwithin (the|an|one|a) (hour|day)\b|\bin (an?|one|two|three|four|five|\d+) (business |working )?(hours?|days?)\b|\b(over|within) the next \d+|\bfirst thing\b|\b(on|this|next) (mon|tues|wednes|thurs|fri|satur|sun)day\b|\bby \d{1,2}(:\d\d)? ?(am|pm)\b|오늘|내일|모레|이번\s*주|다음\s*주|주말|\d+\s*(일|시간|분|주)\s*(안|이내|내|뒤|후)|\d+월\s*\d+일|까지|즉시|바로|지금|\b(today|tonight|tomorrow|this week|next week|right away|immediately|now)\b|\bwithin \d+|\bin \d+ (hours?|days?)\b|\bby (mon|tues|wednes|thurs|fri|satur|sun)day\b|\bby (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d+|\bby the end of\b/i;
const ACTION =
  /(알려|연락|말씀|보내|전화|안내|바꿔|돌려|잡아|만들어|답변)\s*드[리릴렸려]|재예약|\b(cancel|revers|reimburs|waiv|reissu|resched|re-?plac|re-?ship|remov|e-?mail)\w*|회수|검사|환불|교환|수리|조사|점검|복구|공유|공개|알려\s*드[리릴렸]|연락\s*드[리릴렸]|말씀\s*드[리릴렸]|교육|고치|고칠|수정|바로잡|취소|보내\s*드[리릴렸]|발송|배송|입금|지급|처리|보상|막았|차단|취하|철회|중단|멈추|\b(refund|replac|recall|collect|inspect|investigat|test|fix|restor|repair|ship|send|sent|shar|publish|review|coach|train|correct|credit|audit|trac|reset|clos|call|contact|updat|tell|reply|replied|withdraw|drop|stop|paus)\w*/i;

const MISSING: Record<Lang, Record<'apology' | 'action', { why: string; suggestion: string }>> = {
  ko: {
    apology: {
      why: '사과가 없습니다. 화난 고객이 가장 먼저 기다리는 말은 사과입니다.',
      suggestion: '무엇이 잘못됐는지 짚어 사과해 주세요. 예: "제품에서 이물질이 나와 정말 죄송합니다."',
    },
    action: {
      why: '지금 무엇을 언제까지 하는지가 없습니다. "확인 중"만으로는 기다리라는 말로 들립니다.',
      suggestion:
        '구체적인 조치와 시점을 넣어 주세요. 예: "오늘 제품을 회수해 검사하고, 결과를 12월 10일까지 공유하겠습니다."',
    },
  },
  en: {
    apology: {
      why: 'There is no apology. It is the first thing an upset customer is waiting for.',
      suggestion: 'Apologise for the specific problem, e.g. "We are sorry we charged you twice."',
    },
    action: {
      why: 'It does not say what we are doing or by when; "we are looking into it" reads as "wait".',
      suggestion:
        'Name the action and the time, e.g. "We will refund the second charge automatically by Friday."',
    },
  },
};

function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(
    before.lastIndexOf('.'),
    before.lastIndexOf('!'),
    before.lastIndexOf('?'),
    before.lastIndexOf('\n'),
  );
  const rest = text.slice(end).search(/[.!?\n]/);
  return text.slice(from + 1, rest < 0 ? text.length : end + rest);
}

function ruleFindings(text: string): ToneFinding[] {
  const findings: ToneFinding[] = [];
  for (const rule of RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (rule.unless?.test(rule.unlessAnywhere ? text : sentenceAround(text, start, end))) continue;
      findings.push({
        start,
        end,
        text: match[0],
        why: rule.why,
        suggestion: rule.suggestion,
        rule: rule.id,
      });
    }
  }
  return findings;
}

function lengthFinding(text: string, channel: Channel, lang: Lang): ToneFinding | undefined {
  const offset = overflowOffset(text, channel);
  if (offset === undefined) return undefined;
  const limit = CHANNEL_LIMITS[channel];
  const length = replyLength(text, channel);
  const unit =
    channel === 'twitter'
      ? lang === 'ko'
        ? '자(한글은 2자로 계산)'
        : ' weighted characters'
      : lang === 'ko'
        ? '자'
        : ' characters';
  return {
    start: offset,
    end: text.length,
    text: text.slice(offset),
    why:
      lang === 'ko'
        ? `${channel}에 올리기에 깁니다: ${length}${unit}, 권장 ${limit}${unit} 이하.`
        : `Too long for ${channel}: ${length}${unit}, keep it within ${limit}.`,
    suggestion:
      lang === 'ko'
        ? '사과, 지금 하는 조치와 시점, 비공개 연락 창구만 남기고 줄여 주세요.'
        : 'Keep the apology, the action with its time, and the private contact; cut the rest.',
    rule: 'too_long',
  };
}

/**
 * Flags wording in a public reply that would inflame: blame and lectures, "misunderstanding", conditional
 * apologies, legal threats, requests for personal data in public, script phrases, denial; a missing apology
 * or concrete action; and length past what the channel takes. Pure; findings are in reply order.
 */
export function checkTone(reply: string, options: ToneCheckOptions = {}): ToneFinding[] {
  const lang = options.lang ?? guessLang(reply);
  const findings = ruleFindings(reply);
  const end = reply.length;
  if (!APOLOGY.test(reply))
    findings.push({ start: 0, end: 0, text: '', rule: 'missing_apology', ...MISSING[lang].apology });
  if (!(WHEN.test(reply) && ACTION.test(reply)))
    findings.push({ start: end, end, text: '', rule: 'missing_action', ...MISSING[lang].action });
  if (options.channel) {
    const tooLong = lengthFinding(reply, options.channel, lang);
    if (tooLong) findings.push(tooLong);
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
