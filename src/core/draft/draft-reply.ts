import type { Category } from '../../config/schema.js';
import { guessLang, type Lang } from '../post.js';
import { CHANNEL_LIMITS, type Channel, replyLength } from './channel.js';
import { promiseDate } from './promise-date.js';
import { EN_TEMPLATES } from './templates-en.js';
import { KO_TEMPLATES, pick } from './templates-ko.js';
import { privateRoute, shortSignOff, signOff, type Voice } from './voice.js';

/** The post a reply answers, as the drafter needs it. Everything here is scraped and untrusted. */
export interface DraftSubject {
  title: string;
  /** The post's text or excerpt. */
  text: string;
  author?: string | undefined;
  lang?: Lang | undefined;
  category: Category;
  channel: Channel;
}

export interface DraftContext {
  voice: Voice;
  /** Now, for the dates the reply promises. */
  now: Date;
  /** IANA zone the promised dates are written in, e.g. "Asia/Seoul". */
  timeZone: string;
}

/** A reply ready for a person to edit: never posted anywhere by Bulssi. */
export interface Draft {
  lang: Lang;
  category: Category;
  channel: Channel;
  text: string;
  /** The day the reply promises the next step by, as written in it (e.g. "12월 4일(금)"). */
  promised: string;
}

/** How much of a reply to keep when the channel is short: everything, short sentences, or the bare minimum. */
type Form = 'full' | 'short' | 'minimal';

const ANONYMOUS = /^(익명|ㅇㅇ|ㅇ|글쓴이|작성자|anonymous|anon|guest|손님|비회원|deleted|\[deleted\])$/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069<>]/g;

/**
 * The author's handle as a greeting can use it, or undefined: no "@", no markup or control characters,
 * nothing that looks like a link or an email, no placeholders such as "익명", at most 30 characters.
 */
export function greetingName(author: string | undefined): string | undefined {
  if (!author) return undefined;
  const name = author.replace(UNSAFE, '').replace(/^@+/, '').replace(/\s+/g, ' ').trim();
  if (!name || ANONYMOUS.test(name) || /[/:@]|\.\w{2,}$/.test(name) || [...name].length > 30)
    return undefined;
  return name;
}

const DOUBLE_CHARGE =
  /double[- ]?charged|charged (?:me )?(?:twice|two times|double)|billed (?:me )?(?:twice|double)|duplicate (?:charges?|payments?)|(?:이중|중복|두 ?번) ?결제|결제 ?(?:가|이)? ?(?:두 ?번|중복으로|이중으로)/i;

/**
 * Which template answers the post: its category, except that a double charge (scored as an outage, since it
 * usually comes from one) is answered as a billing problem: refunded automatically by a date.
 */
export function templateFor(subject: Pick<DraftSubject, 'category' | 'title' | 'text'>): Category {
  if (subject.category === 'outage' && DOUBLE_CHARGE.test(`${subject.title}\n${subject.text}`))
    return 'refund_billing';
  return subject.category;
}

function koreanReply(subject: DraftSubject, context: DraftContext, form: Form): string {
  const { voice } = context;
  const t = KO_TEMPLATES[templateFor(subject)];
  const date = promiseDate(context.now, t.days, 'ko', context.timeZone);
  const say = (formal: string, polite: string) => pick([formal, polite], voice.formality);
  const name = form === 'minimal' ? undefined : greetingName(subject.author);
  const to = name ? `${name}님, ` : '';
  if (form === 'full') {
    return [
      `${to}${say('겪으신 일을 직접 알려 주셔서 감사합니다.', '겪으신 일을 직접 알려 주셔서 감사해요.')}`,
      pick(t.apology, voice.formality),
      pick(t.action(date), voice.formality),
      say(
        `개인정보는 이곳에 남기지 마시고 ${privateRoute(voice.contact, 'ko')} 알려 주시면 담당자가 직접 연락드리겠습니다.`,
        `개인정보는 이곳에 남기지 마시고 ${privateRoute(voice.contact, 'ko')} 알려 주시면 담당자가 직접 연락드릴게요.`,
      ),
      signOff(voice, 'ko'),
    ].join('\n\n');
  }
  const route = subject.channel === 'twitter' ? 'DM으로' : privateRoute(voice.contact, 'ko');
  return [
    form === 'short' ? `${to}${say('알려 주셔서 감사합니다.', '알려 주셔서 감사해요.')}` : '',
    pick(t.apologyShort, voice.formality),
    pick(t.actionShort(date), voice.formality),
    say(`개인정보는 ${route} 부탁드립니다.`, `개인정보는 ${route} 보내 주세요.`),
    form === 'short' ? signOff(voice, 'ko') : shortSignOff(voice, 'ko'),
  ]
    .filter(Boolean)
    .join(' ');
}

function englishReply(subject: DraftSubject, context: DraftContext, form: Form): string {
  const { voice } = context;
  const t = EN_TEMPLATES[templateFor(subject)];
  const date = promiseDate(context.now, t.days, 'en', context.timeZone);
  const name = form === 'minimal' ? undefined : greetingName(subject.author);
  if (form === 'full') {
    return [
      name ? `${name}, thank you for telling us about this.` : 'Thank you for telling us about this.',
      t.apology,
      t.action(date),
      `Please keep personal details out of this thread and reach us ${privateRoute(voice.contact, 'en')}; one of us will take it from there personally.`,
      signOff(voice, 'en'),
    ].join('\n\n');
  }
  const route = subject.channel === 'twitter' ? 'by DM' : privateRoute(voice.contact, 'en');
  return [
    form === 'short' ? (name ? `${name}, thank you for telling us.` : 'Thank you for telling us.') : '',
    t.apologyShort,
    t.actionShort(date),
    `Please send personal details ${route}, not here.`,
    form === 'short' ? signOff(voice, 'en') : shortSignOff(voice, 'en'),
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * A public reply to a post, in the post's language and the company's voice: thanks, naming the customer;
 * an apology that owns the specific problem; what we are doing now and by when; a private route for
 * personal details; a human sign-off. The wording follows the category (contamination, data breach,
 * outage, billing, rude service, false advertising, delivery, defect, …), and the reply is shortened until
 * it fits the channel (a tweet stays within 280 weighted characters). Pure.
 */
export function draftReply(subject: DraftSubject, context: DraftContext): Draft {
  const lang = subject.lang ?? guessLang(`${subject.title} ${subject.text}`);
  const write = lang === 'ko' ? koreanReply : englishReply;
  const limit = CHANNEL_LIMITS[subject.channel];
  let text = '';
  for (const form of ['full', 'short', 'minimal'] as const) {
    text = write(subject, context, form);
    if (replyLength(text, subject.channel) <= limit) break;
  }
  const days = (lang === 'ko' ? KO_TEMPLATES : EN_TEMPLATES)[templateFor(subject)].days;
  const promised = promiseDate(context.now, days, lang, context.timeZone);
  return { lang, category: subject.category, channel: subject.channel, text, promised };
}
