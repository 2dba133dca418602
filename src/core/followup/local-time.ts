import type { TimeWindow } from '../../config/followup-schema.js';

/** Wall-clock parts of an instant in an IANA time zone; `weekday` is ISO (1 Monday … 7 Sunday). */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local date and time of `ms` (ms since epoch) in `timeZone`. */
export function localParts(ms: number, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    weekday: WEEKDAYS[get('weekday')] ?? 1,
  };
}

/** Minutes since local midnight of an "HH:MM" string. */
export function minutesOfDay(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/**
 * The instant (ms since epoch) when it is `hhmm` on the local calendar day `dayOffset` days after the day of
 * `ms`, in `timeZone`. Across a DST gap the nearest valid instant is returned.
 */
export function localTimeOn(ms: number, dayOffset: number, hhmm: string, timeZone: string): number {
  const today = localParts(ms, timeZone);
  const minutes = minutesOfDay(hhmm);
  const wall = Date.UTC(
    today.year,
    today.month - 1,
    today.day + dayOffset,
    Math.floor(minutes / 60),
    minutes % 60,
  );
  return instantOfWallTime(wall, timeZone);
}

/** The instant when the local calendar date `year-month-day` begins in `timeZone` (month 1–12). */
export function localDayStart(year: number, month: number, day: number, timeZone: string): number {
  return instantOfWallTime(Date.UTC(year, month - 1, day), timeZone);
}

/** The instant whose wall-clock time in `timeZone` is `wall` (a wall time written as if it were UTC). */
function instantOfWallTime(wall: number, timeZone: string): number {
  // The zone's offset at a guess, corrected once more for a DST change between the guess and the answer.
  let guess = wall;
  for (let i = 0; i < 2; i += 1) {
    const p = localParts(guess, timeZone);
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess = wall - (asUtc - guess);
  }
  return guess;
}

/** True when `ms` falls inside the daily window in `timeZone` (a window whose start is after its end wraps midnight). */
export function inWindow(ms: number, window: TimeWindow, timeZone: string): boolean {
  const p = localParts(ms, timeZone);
  const now = p.hour * 60 + p.minute;
  const start = minutesOfDay(window.start);
  const end = minutesOfDay(window.end);
  if (start === end) return window.days ? window.days.includes(p.weekday) : true;
  if (start < end) return now >= start && now < end && (!window.days || window.days.includes(p.weekday));
  // Wrapping window: the evening part belongs to today, the morning part to the day before.
  if (now >= start) return !window.days || window.days.includes(p.weekday);
  if (now < end) return !window.days || window.days.includes(p.weekday === 1 ? 7 : p.weekday - 1);
  return false;
}
