import type { Category } from '../../config/schema.js';

/** What an English reply says about one kind of problem; `date` is the promised day, e.g. "Friday, December 4". */
export interface EnTemplate {
  /** Owns the specific problem, no conditions, no "some customers". */
  apology: string;
  /** What we do now, with a time. */
  action: (date: string) => string;
  /** For X (Twitter): the same in a few words. */
  apologyShort: string;
  actionShort: (date: string) => string;
  /** Working days (Monday to Friday) from now to the promised date; see promiseDate. */
  days: number;
}

const generic = (problem: string): EnTemplate => ({
  apology: `We are truly sorry for ${problem}. It is ours to put right, and we will.`,
  action: (date) =>
    `Today our team started looking into what happened, and by ${date}, we will reply here with the cause and what we have changed.`,
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
      `As soon as you send us your details we will collect the product, and today we will send others from the same batch to an accredited independent lab. We will share the results and the cause here by ${date}.`,
    apologyShort: 'We are so sorry you found something in our product.',
    actionShort: (date) =>
      `We will collect it once we have your details, test the batch today and share the results by ${date}.`,
    days: 7,
  },
  safety: {
    apology:
      'We are so sorry our product harmed you or put you at risk. Keeping you safe is the first promise we make, and we broke it.',
    action: (date) =>
      `Please stop using it first, and have a doctor check anything that feels wrong; we will pay for treatment this has caused. Today we will collect it and start a safety inspection, and by ${date}, we will share the results and what we are changing here.`,
    apologyShort: 'We are so sorry our product put you at risk.',
    actionShort: (date) =>
      `Please stop using it. We will collect it today and share the inspection results by ${date}.`,
    days: 7,
  },
  data_breach: {
    apology:
      "We are sorry we failed to protect your personal data. Keeping it safe was our job and no one else's.",
    action: (date) =>
      `Today we will publish what happened and exactly which data was affected. Please change your password now, and anywhere else you use the same one. Do not click links in messages that claim to be from us. We have closed the gap that was used to get in, and by ${date}, we will share here what we have fixed and the extra protection we are adding.`,
    apologyShort: 'We are sorry we failed to protect your data.',
    actionShort: (date) =>
      `Please change your password. We have closed the gap and will share what we fixed by ${date}.`,
    days: 3,
  },
  outage: {
    apology:
      'We are sorry the service went down when you needed it. It was our job to prevent that, and we did not.',
    action: (date) =>
      `We are restoring it now and will post progress here. By ${date}, we will automatically credit you for the downtime and refund any charge the outage caused; there is nothing you need to do.`,
    apologyShort: 'We are sorry the service went down when you needed it.',
    actionShort: (date) => `We are restoring it now; credits and refunds go out automatically by ${date}.`,
    days: 3,
  },
  refund_billing: {
    apology:
      'We are sorry we charged you wrongly and left you worrying about your money. The mistake is ours.',
    action: (date) =>
      `We will refund the wrong charge in full, automatically, by ${date}; there is nothing you need to do. Today we are also checking every payment to find anyone else it happened to.`,
    apologyShort: 'We are sorry we charged you wrongly.',
    actionShort: (date) => `We will refund it in full, automatically, by ${date}.`,
    days: 3,
  },
  rude_service: {
    apology:
      'We are sorry for how you were treated by our staff. No one should be spoken to that way, whatever the situation.',
    action: (date) =>
      `Today we are going through what happened with the store manager, and by ${date}, we will coach the team again and tell you what we changed.`,
    apologyShort: 'We are sorry for how our staff treated you.',
    actionShort: (date) =>
      `We are reviewing it today, and by ${date}, we will coach the team again and update you.`,
    days: 7,
  },
  false_advertising: {
    apology:
      'We are sorry our advertising promised something the product does not deliver. You trusted what we said, and it was wrong.',
    action: (date) =>
      `Today we are correcting the claim everywhere we sell. Anyone who bought because of it can have a full refund, with no time limit; ask now and it will be with you by ${date}.`,
    apologyShort: 'We are sorry our advertising was wrong.',
    actionShort: (date) =>
      `We are correcting the claim today; ask for a full refund now and it will be with you by ${date}.`,
    days: 7,
  },
  delivery: {
    apology: 'We are sorry your order did not arrive when we promised. Keeping that date was on us.',
    action: (date) =>
      `Today we are tracing the parcel and will send a replacement so it reaches you by ${date}, or refund you right away, whichever you prefer. Shipping is on us.`,
    apologyShort: 'We are sorry your order is late.',
    actionShort: (date) => `We are tracing it today and will get a replacement to you by ${date}.`,
    days: 2,
  },
  defect: {
    apology:
      'We are sorry the product you bought does not work as it should. We should have caught the fault before it left us.',
    action: (date) =>
      `Today we will arrange a pick-up, and by ${date}, we will replace it or refund you in full, whichever you prefer. We will test the one you send back to find the cause and fix it at the source.`,
    apologyShort: 'We are sorry the product you bought is faulty.',
    actionShort: (date) => `We will replace or refund it by ${date}.`,
    days: 5,
  },
  discrimination: {
    apology:
      'We are sorry for how you were treated in our store. No one should be treated that way, and it is on us that you were.',
    action: (date) =>
      `Today we started reviewing what happened, and we are retraining our staff and rewriting our service standards; we will share what we changed here by ${date}.`,
    apologyShort: 'We are sorry for how you were treated in our store.',
    actionShort: (date) => `We started reviewing it today and will share what we changed by ${date}.`,
    days: 7,
  },
  astroturfing: {
    apology:
      'We are sorry we gave you reason to doubt our reviews and promotion. Any review we paid for should have said so, and that is on us.',
    action: (date) =>
      `Starting today we are auditing every review and promotion we paid for, and we will publish the full list and what we did about it by ${date}.`,
    apologyShort: 'We are sorry we gave you reason to doubt our reviews.',
    actionShort: (date) => `We are auditing every paid review and will publish the list by ${date}.`,
    days: 7,
  },
  legal: {
    ...generic('the trouble this caused you'),
    apology:
      'We are truly sorry this has put you through so much. We will look at every point you have raised and answer each one properly.',
    apologyShort: 'We are sorry this has put you through so much.',
  },
  boycott: {
    ...generic('letting you down'),
    action: (date) =>
      `Today our leadership is going through what you have told us, and by ${date}, we will say here what we are changing.`,
    actionShort: (date) =>
      `Our leadership is going through it today, and by ${date}, we will say here what we are changing.`,
  },
  other: generic('the trouble this caused you'),
  none: generic('the trouble this caused you'),
};
