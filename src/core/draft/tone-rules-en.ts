import type { ToneRule } from './tone-rule.js';

/** Wording that sends personal details somewhere private, or says not to post them here. */
const PRIVATE_EN =
  /\b(by|via|over|through|in|to) (a )?(dm|dms|direct message|e-?mail|private message|our inbox)\b|\b(dm|message) us\b|\bprivately\b|\b(don't|do not|never|not)\b[^.!?\n]{0,25}\b(here|publicly|below|in (the )?comments)\b|\bnot here\b/i;

/** English wording that lectures, blames, threatens or sounds like a script. */
export const EN_TONE_RULES: readonly ToneRule[] = [
  {
    id: 'en.blame_customer',
    kind: 'blame',
    lang: 'en',
    pattern:
      /\bunfortunately,?\s+you\b|\byou should(?:'ve| have)\b(?!\s+(received|got|gotten|heard|been (told|given|sent|refunded)))|\byou (failed|neglected|forgot) to\b|\b(customer|user|your) (error|mistake|fault)\b|\byou did(n't| not) (read|follow|check)\b|\byou (may|might|must) have (misread|missed|overlooked|selected the wrong|entered the wrong|ordered the wrong)\b/gi,
    why: 'Putting the fault on the customer turns a complaint into a fight.',
    suggestion: 'Own our part first, e.g. "We should have made this clearer."',
  },
  {
    id: 'en.policy',
    kind: 'lecture',
    lang: 'en',
    pattern:
      /\b(as )?per (our )?(company |store )?(policy|policies|terms|t&cs?|t's ?& ?c's|terms (and|&) conditions|terms of (service|sale))(?![a-z])|\b(according to|under|in line with|in accordance with) our ([a-z]+ )?(terms|policy|policies|t&cs|rules)(?![a-z])|\bour ([a-z]+ )?(policy|policies|terms) (does not|doesn't|do not|don't|states?|says?|requires?)\b|\bour terms (of service|and conditions)\b/gi,
    why: 'Quoting policy at an upset customer reads as a lecture.',
    suggestion: 'Say what we will do for them now, e.g. "We will refund this order today."',
  },
  {
    id: 'en.as_stated',
    kind: 'lecture',
    lang: 'en',
    pattern:
      /\bas (previously |clearly )?(stated|mentioned|explained|noted|outlined)\b|\bclearly (states|stated|says)\b|\bplease (refer to|read|review) (our|the)\b|\b(is|are|was) (clearly )?(explained|stated|outlined|listed|noted|mentioned) (in|on) our\b|\b(encourage|recommend|suggest) (you|that you) (to )?(check|read|review)\b|\bif you (check|read|look at) our (faq|terms|policy)/gi,
    why: '"As stated" tells the customer they did not read; it lectures instead of helping.',
    suggestion: 'Repeat what they need in one plain sentence, and own it if our wording was unclear.',
  },
  {
    id: 'en.misunderstanding',
    kind: 'misunderstanding',
    lang: 'en',
    pattern:
      /\bmisunderstand(ing|ings)?\b|\bmisunderstood\b|\bmiscommunication\b|\bconfusion on your (part|end)\b|\b(there (has|have) been|there was|seems to (be|have been)|appears to (be|have been)) (some |a )?(confusion|mix-?up)\b/gi,
    unless: /\b(wasn't|was not|isn't|is not|not)\s+(a|any|your)\s+misunderstand/i,
    why: '"Misunderstanding" says the customer got it wrong and turns the apology into an excuse.',
    suggestion: 'Say "We did not explain this well, and that is on us."',
  },
  {
    id: 'en.conditional',
    kind: 'conditional_apology',
    lang: 'en',
    pattern:
      /\b(sorry|apologi[sz]e|apologies)\b[^.!?\n]{0,20}?\bif (you|anyone|this|we|it|our|that|there|any)\b(?!\s*(dm|message|email|send|reply|call|contact|can|could|want|need|'d|would|still|haven't|have not|don't)\b)|\b(regret|sorry)( to hear)?( that)? you( feel| felt|'re| are| were)( so)? (that way|unhappy|disappointed|upset|frustrated|dissatisfied)\b|\b(regret|sorry) (that )?you (feel|felt)\b|\bif you (were|felt) (offended|upset|hurt|inconvenienced)\b|\b(mistakes|errors) were made\b/gi,
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
    unless: /\bnot (just|only|merely)\b[^.!?\n]{0,40}\bbut\b/i,
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
      /\blegal action\b|\bour (lawyers|attorneys|solicitors|legal (team|department|dept|counsel))\b|\b(forwarded|passed|referred|escalated)\b[^.!?\n]{0,20}\bto (our )?legal\b|\breserve (the|our|all) rights?\b|\bpursue (legal )?(remedies|action)\b|\bdefamat(ory|ion)\b|\blibel(lous|ous)?\b|\bslander(ous)?\b|\bcease and desist\b|\bsue (you|them)\b|\b(all|any) (available )?legal (remedies|options)\b/gi,
    unless:
      /\b(withdraw|withdrawing|drop|dropping)\b[^.!?\n]{0,30}\b(claim|suit|lawsuit|case|complaint|action|notice|takedown)\b|\b(will not|won't) (be )?(taking|take|pursue|pursuing|sue|suing)\b/i,
    unlessAnywhere: true,
    why: 'Threatening a customer with the law turns one post into a boycott and a news story.',
    suggestion: 'Leave the law out; if something is wrong, say calmly that we will share the facts.',
  },
  {
    id: 'en.public_personal_data',
    kind: 'public_personal_data',
    lang: 'en',
    pattern:
      /\b(post|share|reply with|comment|leave|include|provide|give us|tell us|write|drop|put|pop|type|paste|send)\b[^.!?\n]{0,30}?\b(order (number|no\.?|id|#)|order ?#|account (number|no\.?|details)|card (number|details)|credit card|social security|ssn|phone number|e-?mail( address)?|(home )?address|date of birth|password|full name)(?![a-z])/gi,
    unless: PRIVATE_EN,
    why: 'Asking for personal details in public puts the customer at risk.',
    suggestion: 'Move it private, e.g. "Please send your order details by DM, not here."',
  },
  {
    id: 'en.canned',
    kind: 'canned',
    lang: 'en',
    pattern:
      /\b(we )?apologi[sz]e for (any|the) inconvenience\b|\b(sorry|apologies) for (any|the) inconvenience\b|\binconvenience caused\b|\bany inconvenience (this|that)? ?(may|might)? ?(have)? ?caused\b|\bwe value your (feedback|business)\b|\byour (feedback|call|business) is (important|valuable) to us\b|\bwe take (this|these|your concerns|customer|matters like this)[^.!?\n]{0,20}?seriously\b|\bthank you for your (patience|understanding)\b|\bwe strive to\b|\bwe pride ourselves\b|\bplease be assured\b|\bwe appreciate your understanding\b/gi,
    why: 'Script phrases tell the customer nobody is really listening.',
    suggestion: 'Say in your own words what went wrong and what we will do, and by when.',
  },
  {
    id: 'en.denial',
    kind: 'denial',
    lang: 'en',
    pattern:
      /\b(this|that|it)(?: is|'s| was) (simply )?(not (true|possible|accurate)|impossible|false|untrue)\b|\bthis (never|doesn't|does not) happen\b|\bthere(?: is|'s) no (problem|issue|defect|fault) with our\b/gi,
    why: 'Denying before checking loses all trust the moment evidence appears.',
    suggestion: 'Say "We are checking this now and will tell you what we find by <date>."',
  },
];
