import type { Category } from '../../config/schema.js';

/** What an English reply says about one kind of problem; `date` is the promised day, e.g. "Saturday, December 5". */
export interface EnTemplate {
  /** Owns the specific problem, no conditions, no "some customers". */
  apology: string;
  /** What we do now, with a time. */
  action: (date: string) => string;
  /** For X (Twitter): the same in a few words. */
  apologyShort: string;
  actionShort: (date: string) => string;
  /** Days from now to the promised date. */
  days: number;
}

const generic = (problem: string): EnTemplate => ({
  apology: `We are truly sorry for ${problem}. It is ours to put right, and we will.`,
  action: (date) =>
    `Our team started looking into what happened today, and we will reply here with the cause and what we changed by ${date}.`,
  apologyShort: `We are sorry for ${problem}.`,
  actionShort: (date) => `We started looking into it today and will reply here by ${date}.`,
  days: 3,
});

/** English reply templates per crisis category. */
export const EN_TEMPLATES: Readonly<Record<Category, EnTemplate>> = {
  contamination: {
    apology:
      'We are so sorry you found something in our product that should never have been there. Our production and checks should have caught it, and they did not.',
    action: (date) =>
      `Today we will collect the product from you and send it, with others from the same batch, to an independent lab. We will share the results and the cause here by ${date}.`,
    apologyShort: 'We are so sorry you found something in our product.',
    actionShort: (date) => `We will collect it today, have it tested and share the results by ${date}.`,
    days: 7,
  },
  safety: {
    apology:
      'We are so sorry our product harmed you or put you at risk. Keeping you safe is the first promise we make, and we broke it.',
    action: (date) =>
      `Please stop using it. Today we will collect it and start a safety inspection; we will share the results and what we are changing here by ${date}, and we will cover any medical costs.`,
    apologyShort: 'We are so sorry our product put you at risk.',
    actionShort: (date) =>
      `Please stop using it. We will collect it today and share the inspection results by ${date}.`,
    days: 7,
  },
  data_breach: {
    apology:
      'We are sorry we failed to protect your personal data. Keeping it safe is our responsibility alone.',
    action: (date) =>
      `Today we will publish what happened and exactly which data was affected. Please change your password now and do not click links in messages that claim to be from us. We have closed the access that was misused, and we will share what we fixed and the extra protection we are adding here by ${date}.`,
    apologyShort: 'We are sorry we failed to protect your data.',
    actionShort: (date) =>
      `Please change your password. We closed the access and will share what we fixed by ${date}.`,
    days: 3,
  },
  outage: {
    apology:
      'We are sorry the service went down when you needed it. Preventing that was our job, and we did not.',
    action: (date) =>
      `We are restoring it now and will post progress here. The time you lost will be credited and any charge caused by the outage refunded automatically by ${date}; you do not need to ask.`,
    apologyShort: 'We are sorry the service went down on you.',
    actionShort: (date) => `We are restoring it now; credits and refunds go out automatically by ${date}.`,
    days: 3,
  },
  refund_billing: {
    apology: 'We are sorry we charged you wrongly and gave you money to worry about. The mistake is ours.',
    action: (date) =>
      `We will refund the wrong charge in full, automatically, by ${date}; you do not need to ask. Today we are also checking every payment to find anyone else it happened to.`,
    apologyShort: 'We are sorry we charged you wrongly.',
    actionShort: (date) => `We will refund it in full, automatically, by ${date}.`,
    days: 3,
  },
  rude_service: {
    apology:
      'We are sorry for how you were treated by our staff. No one should be spoken to that way, whatever the situation.',
    action: (date) =>
      `Today we are going through what happened with the store manager, and the team will be coached again this week. We will tell you what we changed by ${date}.`,
    apologyShort: 'We are sorry for how our staff treated you.',
    actionShort: (date) =>
      `We are reviewing it today, coaching the team this week, and will update you by ${date}.`,
    days: 7,
  },
  false_advertising: {
    apology:
      'We are sorry our advertising promised something the product does not deliver. You trusted what we said, and it was wrong.',
    action: (date) =>
      `Today we are correcting the claim everywhere we sell. Anyone who bought because of it can have a full refund by ${date}.`,
    apologyShort: 'We are sorry our advertising was wrong.',
    actionShort: (date) =>
      `We are correcting the claim today; full refunds for anyone who wants one by ${date}.`,
    days: 7,
  },
  delivery: {
    apology: 'We are sorry your order did not arrive when we promised. Keeping that date was on us.',
    action: (date) =>
      `Today we are tracing the parcel and will send a replacement so it reaches you by ${date}, or refund you right away if you prefer. Shipping is on us.`,
    apologyShort: 'We are sorry your order is late.',
    actionShort: (date) => `We are tracing it today and will get a replacement to you by ${date}.`,
    days: 2,
  },
  defect: {
    apology:
      'We are sorry the product you bought does not work as it should. We should have caught the fault before it left us.',
    action: (date) =>
      `Today we will arrange a pick-up, and by ${date} we will replace it or refund you in full, whichever you prefer. We will test the returned unit to find the cause and fix it.`,
    apologyShort: 'We are sorry the product you bought is faulty.',
    actionShort: (date) => `We will replace or refund it by ${date}.`,
    days: 5,
  },
  discrimination: {
    apology:
      'We are sorry you were made to feel discriminated against in our store. No one should be treated that way.',
    action: (date) =>
      `Today we started reviewing what happened, and we are retraining our staff and rewriting our service standards; we will share what we changed here by ${date}.`,
    apologyShort: 'We are sorry for how you were treated in our store.',
    actionShort: (date) => `We started reviewing it today and will share what we changed by ${date}.`,
    days: 7,
  },
  astroturfing: {
    apology:
      'We are sorry our reviews and promotion have cost us your trust. Any review we paid for should have said so, and that is on us.',
    action: (date) =>
      `Starting today we are auditing every review and promotion we paid for, and we will publish the full list and what we did about it by ${date}.`,
    apologyShort: 'We are sorry our promotion cost us your trust.',
    actionShort: (date) => `We are auditing every paid review and will publish the list by ${date}.`,
    days: 7,
  },
  legal: generic('how this has gone'),
  boycott: {
    ...generic('letting you down'),
    action: (date) =>
      `Our leadership is going through what you have told us today, and we will say here what we are changing by ${date}.`,
  },
  other: generic('the trouble this caused you'),
  none: generic('the trouble this caused you'),
};
