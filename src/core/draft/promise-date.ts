import type { Lang } from '../post.js';

const DAY_MS = 86_400_000;

/** Today's calendar date in `timeZone`, as midnight UTC of that date, so days can be counted without DST. */
function localDay(now: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(part('year'), part('month') - 1, part('day')));
}

/**
 * The day `days` working days after `now` as a reply promises it, in the team's time zone:
 * "12월 4일(금)" in Korean, "Friday, December 4" in English. Working days are Monday to Friday in that
 * zone; Saturdays and Sundays are skipped, so 3 working days from a Friday is the next Wednesday, and a
 * promise of a day or more never falls on a weekend.
 */
export function promiseDate(now: Date, days: number, lang: Lang, timeZone: string): string {
  let day = localDay(now, timeZone);
  for (let left = days; left > 0; ) {
    day = new Date(day.getTime() + DAY_MS);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  if (lang === 'en') {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: 'UTC',
      weekday: 'long',
      month: 'long',
      day: 'numeric',
    }).format(day);
  }
  const parts = new Intl.DateTimeFormat('ko-KR', {
    timeZone: 'UTC',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
  }).formatToParts(day);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')}월 ${part('day')}일(${part('weekday')})`;
}
