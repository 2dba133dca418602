import type { Lang } from '../post.js';

const DAY_MS = 86_400_000;

/**
 * The day `days` after `now` as a reply promises it, in the team's time zone:
 * "12월 5일(토)" in Korean, "Saturday, December 5" in English.
 */
export function promiseDate(now: Date, days: number, lang: Lang, timeZone: string): string {
  const day = new Date(now.getTime() + days * DAY_MS);
  if (lang === 'en') {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'long',
      month: 'long',
      day: 'numeric',
    }).format(day);
  }
  const parts = new Intl.DateTimeFormat('ko-KR', {
    timeZone,
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
  }).formatToParts(day);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')}월 ${part('day')}일(${part('weekday')})`;
}
