import type { Lang } from '../post.js';

/** Korean speech level of a reply: 합쇼체 (-습니다, formal) or 해요체 (-해요, polite and warmer). */
export type Formality = 'formal' | 'polite';

/** Where a customer can give personal details privately; the first one given is offered. */
export interface PrivateContact {
  email?: string | undefined;
  phone?: string | undefined;
  /** KakaoTalk channel, e.g. "@hanbitfoods". */
  kakao?: string | undefined;
  /** A support form or chat page. */
  url?: string | undefined;
}

/** How the company speaks in public replies. */
export interface Voice {
  company: string;
  /** The team that signs, e.g. "고객경험팀" or "Customer Care". */
  team?: string | undefined;
  /** The whole sign-off, when the team wants a person's name on it; replaces company + team. */
  signature?: string | undefined;
  contact?: PrivateContact | undefined;
  formality: Formality;
}

/** Who signs when nothing is configured: the support team, unnamed. */
const UNNAMED: Record<Lang, string> = { ko: '고객지원팀', en: 'Customer Support' };

/** A voice with nothing configured: formal Korean, signed by the company if known, else by "the support team". */
export function defaultVoice(company = ''): Voice {
  return { company, formality: 'formal' };
}

/** The sign-off line: the configured signature, else "company team" ("한빛푸드 고객경험팀 드림"). */
export function signOff(voice: Voice, lang: Lang): string {
  if (voice.signature) return voice.signature;
  const who = [voice.company, voice.team].filter(Boolean).join(' ') || UNNAMED[lang];
  return lang === 'ko' ? `${who} 드림` : `— ${who}`;
}

/** The shortest sign-off, for replies cut to fit a tweet: the company's name alone. */
export function shortSignOff(voice: Voice, lang: Lang): string {
  return `${lang === 'ko' ? '-' : '—'} ${voice.company || UNNAMED[lang]}`;
}

/**
 * How to reach us privately, ready to drop into a sentence: Korean ends with the particle "로"
 * ("카카오톡 채널 @hanbit로"), English is an adverbial ("by email at care@hanbit.example").
 * Falls back to the channel's own private messages when no contact is configured.
 */
export function privateRoute(contact: PrivateContact | undefined, lang: Lang): string {
  if (lang === 'ko') {
    if (contact?.kakao) return `카카오톡 채널 ${contact.kakao}로`;
    if (contact?.email) return `이메일(${contact.email})로`;
    if (contact?.phone) return `전화(${contact.phone})로`;
    if (contact?.url) return `문의 페이지(${contact.url})로`;
    return '1:1 문의로';
  }
  if (contact?.kakao) return `on our KakaoTalk channel ${contact.kakao}`;
  if (contact?.email) return `by email at ${contact.email}`;
  if (contact?.phone) return `by phone on ${contact.phone}`;
  if (contact?.url) return `through ${contact.url}`;
  return 'by private message';
}
