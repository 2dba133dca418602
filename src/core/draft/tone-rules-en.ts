import type { ToneRule } from './tone-rule.js';

const PRIVATE_EN =
  /\b(dm|dms|direct message|private(ly)?|e-?mail|inbox|message us|kakao(talk)?|call us|phone us|support form|out of (this|the) (thread|post|comments)|don't|do not|never|not)\b/i;

/** English wording that lectures, blames, threatens or sounds like a script. */
export const EN_TONE_RULES: readonly ToneRule[] = [
  {
    id: 'en.blame_customer',
    kind: 'blame',
    lang: 'en',
    pattern:
      /\bunfortunately,?\s+you\b|\byou should have\b|\byou (failed|neglected|forgot) to\b|\b(customer|user|your) (error|mistake|fault)\b|\byou did(n't| not) (read|follow|check)\b/gi,
    why: 'Putting the fault on the customer turns a complaint into a fight.',
    suggestion: 'Own our part first, e.g. "We should have made this clearer."',
  },
  {
    id: 'en.policy',
    kind: 'lecture',
    lang: 'en',
    pattern:
      /\b(as )?per (our )?(company )?(policy|policies|terms)\b|\baccording to our (terms|policy|policies|t&cs|rules)\b|\bour terms (of service|and conditions)\b|\bin line with our policy\b/gi,
    why: 'Quoting policy at an upset customer reads as a lecture.',
    suggestion: 'Say what we will do for them now, e.g. "We will refund this order today."',
  },
  {
    id: 'en.as_stated',
    kind: 'lecture',
    lang: 'en',
    pattern:
      /\bas (previously |clearly )?(stated|mentioned|explained|noted|outlined)\b|\bclearly (states|stated|says)\b|\bplease (refer to|read|review) (our|the)\b/gi,
    why: '"As stated" tells the customer they did not read; it lectures instead of helping.',
    suggestion: 'Repeat what they need in one plain sentence, and own it if our wording was unclear.',
  },
  {
    id: 'en.misunderstanding',
    kind: 'misunderstanding',
    lang: 'en',
    pattern:
      /\bmisunderstand(ing|ings)?\b|\bmisunderstood\b|\bmiscommunication\b|\bconfusion on your (part|end)\b/gi,
    why: '"Misunderstanding" says the customer got it wrong and turns the apology into an excuse.',
    suggestion: 'Say "We did not explain this well, and that is on us."',
  },
  {
    id: 'en.conditional',
    kind: 'conditional_apology',
    lang: 'en',
    pattern:
      /\b(sorry|apologi[sz]e|apologies)\b[^.!?\n]{0,20}?\bif (you|anyone|this|we|it)\b|\b(regret|sorry) (that )?you (feel|felt)\b|\bif you (were|felt) (offended|upset|hurt|inconvenienced)\b|\b(mistakes|errors) were made\b/gi,
    why: 'A conditional or passive apology ("if you were offended", "mistakes were made") reads as no apology.',
    suggestion: 'Apologise plainly for what we did, e.g. "We are sorry we charged you twice."',
  },
  {
    id: 'en.regret',
    kind: 'not_an_apology',
    lang: 'en',
    pattern: /\bwe (deeply |sincerely )?regret\b|\bregrettabl[ey]\b/gi,
    unless: /\b(sorry|apologi[sz]e|apolog(y|ies))\b/i,
    why: '"We regret" sounds like a statement about an accident, not an apology.',
    suggestion: 'Say "We are sorry" and name what went wrong.',
  },
  {
    id: 'en.apology_but',
    kind: 'apology_but',
    lang: 'en',
    pattern: /\b(sorry|apologi[sz]e|apologies)\b[^.!?\n]{0,40}?\bbut\b/gi,
    why: 'A "but" after an apology takes it back.',
    suggestion: 'End the sentence with the apology; explain in the next sentence what we are doing.',
  },
  {
    id: 'en.some_customers',
    kind: 'minimising',
    lang: 'en',
    pattern:
      /\b(some|a few|a small number of|a handful of|a minority of) (of our )?(customers|users|people|guests)\b|\bisolated (incident|case)\b/gi,
    why: '"Some customers" and "isolated incident" shrink the problem; readers hear that we do not care.',
    suggestion: 'Speak to the person who posted, e.g. "We are sorry this happened to you."',
  },
  {
    id: 'en.legal_threat',
    kind: 'legal_threat',
    lang: 'en',
    pattern:
      /\blegal action\b|\bour (lawyers|attorneys|legal team)\b|\bdefamat(ory|ion)\b|\blibel(lous|ous)?\b|\bslander(ous)?\b|\bcease and desist\b|\bsue (you|them)\b|\b(all|any) (available )?legal (remedies|options)\b/gi,
    unless: /\b(withdraw|withdrawing|drop|dropping|will not|won't)\b/i,
    unlessAnywhere: true,
    why: 'Threatening a customer with the law turns one post into a boycott and a news story.',
    suggestion: 'Leave the law out; if something is wrong, say calmly that we will share the facts.',
  },
  {
    id: 'en.public_personal_data',
    kind: 'public_personal_data',
    lang: 'en',
    pattern:
      /\b(post|share|reply with|comment|leave|include|provide|give us|tell us|write)\b[^.!?\n]{0,30}?\b(order (number|no\.?|id)|account (number|no\.?)|card (number|details)|credit card|social security|ssn|phone number|(home )?address|date of birth|password|full name)\b/gi,
    unless: PRIVATE_EN,
    why: 'Asking for personal details in public puts the customer at risk.',
    suggestion: 'Move it private, e.g. "Please send your order details by DM, not here."',
  },
  {
    id: 'en.canned',
    kind: 'canned',
    lang: 'en',
    pattern:
      /\b(we )?apologi[sz]e for any inconvenience\b|\bany inconvenience (this|that)? ?(may|might)? ?(have)? ?caused\b|\bwe value your (feedback|business)\b|\byour (feedback|call|business) is (important|valuable) to us\b|\bwe take (this|these|your concerns|customer|matters like this)[^.!?\n]{0,20}?seriously\b|\bthank you for your (patience|understanding)\b|\bwe strive to\b|\bwe pride ourselves\b|\bplease be assured\b|\bwe appreciate your understanding\b/gi,
    why: 'Script phrases tell the customer nobody is really listening.',
    suggestion: 'Say in your own words what went wrong and what we will do, and by when.',
  },
  {
    id: 'en.denial',
    kind: 'denial',
    lang: 'en',
    pattern:
      /\b(this|that) (is|was) (simply )?(not (true|possible)|impossible)\b|\bthis (never|doesn't|does not) happen\b|\bthere is no (problem|issue) with (our|the)\b/gi,
    why: 'Denying before checking loses all trust the moment evidence appears.',
    suggestion: 'Say "We are checking this now and will tell you what we find by <date>."',
  },
];
