import { collapseWhitespace } from './text.js';
import { localParts } from '../core/followup/local-time.js';

export interface DateContext {
  /** The moment relative labels ("3분 전", "어제", "14:32") count back from. */
  now: Date;
  /**
   * IANA time zone of labels that name no zone, and of the days "오늘", "어제" and "14:32" fall on.
   * Korea by default, since the boards that print bare dates are Korean.
   */
  timeZone?: string | undefined;
  /** A fixed offset from UTC instead of a zone, minutes (an API that prints UTC without saying so). */
  utcOffsetMinutes?: number | undefined;
}

/** The zone of sources that do not say otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

/** A zone's offset from UTC at a moment, minutes. */
type Zone = (utcMs: number) => number;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const RELATIVE_UNITS: Record<string, number> = {
  초: 1_000,
  분: MINUTE,
  시간: HOUR,
  일: DAY,
  주: 7 * DAY,
  달: 30 * DAY,
  개월: 30 * DAY,
  년: 365 * DAY,
  s: 1_000,
  sec: 1_000,
  second: 1_000,
  m: MINUTE,
  min: MINUTE,
  minute: MINUTE,
  h: HOUR,
  hr: HOUR,
  hour: HOUR,
  d: DAY,
  day: DAY,
  w: 7 * DAY,
  week: 7 * DAY,
  month: 30 * DAY,
  y: 365 * DAY,
  year: 365 * DAY,
};

const DAY_WORDS: Record<string, number> = { 오늘: 0, today: 0, 어제: 1, yesterday: 1, 그제: 2, 그저께: 2 };

const TIME = String.raw`(?:(오전|오후|am|pm)\s*)?(\d{1,2})\s*[:시]\s*(\d{1,2})\s*분?(?:\s*:\s*(\d{1,2}))?(?:\s*(am|pm))?`;
const ZONED = /(?:\d(?:z|[+-]\d{2}:?\d{2})|\b(?:gmt|utc|ut|kst|[ecmp][sd]t)(?:[+-]\d{1,4})?)$/i;
const RELATIVE_KO = /^(\d+)\s*(초|분|시간|일|주|달|개월|년)\s*(?:전|前)$/;
const RELATIVE_EN =
  /^(\d+)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|y|years?)\s*(?:ago)?$/i;
const DAY_WORD = new RegExp(`^(오늘|today|어제|yesterday|그저께|그제)(?:\\s+${TIME})?$`, 'i');
const FULL_DATE = new RegExp(
  String.raw`^(\d{4}|\d{2})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})\s*[.일]?(?:\s*\([^)]*\))?(?:\s*T?\s*${TIME})?(?:\.\d+)?$`,
  'i',
);
const MONTH_DAY = new RegExp(String.raw`^(\d{1,2})\s*[.\-/월]\s*(\d{1,2})\s*[.일]?(?:\s+${TIME})?$`, 'i');
const TIME_ONLY = new RegExp(`^${TIME}$`, 'i');
/** "2026-12-07 09:00:00 +09:00": a date and time, a space, then the offset. */
const SPACED_OFFSET = /^(.*\d)\s+([+-])(\d{2}):?(\d{2})$/;
const MONTH_NAME = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const DAY_OF_MONTH = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const AND_TIME = String.raw`(?:,?\s*(?:at\s+)?${TIME})?`;
/** "Dec 5", "December 5th, 2:05 PM": no year. */
const MONTH_NAME_DAY = new RegExp(`^${WEEKDAY}${MONTH_NAME}\\s+${DAY_OF_MONTH}${AND_TIME}$`, 'i');
/** "5 Dec", "Sat, 5 December 14:05": no year. */
const DAY_MONTH_NAME = new RegExp(`^${WEEKDAY}${DAY_OF_MONTH}\\s+${MONTH_NAME}${AND_TIME}$`, 'i');
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The offset of an IANA zone at any moment, daylight saving included, to the minute (the team's calendar in
 * local-time.ts reads the same zone data). Throws RangeError on an unknown zone.
 */
function namedZone(timeZone: string): Zone {
  localParts(0, timeZone); // an unknown zone fails here, not at the first date read
  return (utcMs) => {
    const p = localParts(utcMs, timeZone);
    const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    return Math.round((local - Math.floor(utcMs / MINUTE) * MINUTE) / MINUTE);
  };
}

/** The moment a wall-clock time (as UTC milliseconds of its fields) names in `zone`. */
function fromWallClock(localMs: number, zone: Zone): number {
  const guess = localMs - zone(localMs) * MINUTE;
  return localMs - zone(guess) * MINUTE;
}

/** A wall-clock time in the source's zone; undefined when a field is out of range (Feb 30, 25:00). */
function wallClock(
  fields: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  zone: Zone,
): number | undefined {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = fields;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(utc).getUTCDate() !== day) return undefined;
  return fromWallClock(utc, zone);
}

/** Hours, minutes and seconds of a TIME match starting at `i`, with 오전/오후 and am/pm applied. */
function timeFields(
  match: RegExpMatchArray,
  i: number,
): { hour: number; minute: number; second: number } | undefined {
  const hourText = match[i + 1];
  if (hourText === undefined) return { hour: 0, minute: 0, second: 0 };
  let hour = Number(hourText);
  const meridiem = (match[i] ?? match[i + 4] ?? '').toLowerCase();
  if (meridiem && (hour < 1 || hour > 12)) return undefined;
  if (meridiem === '오후' || meridiem === 'pm') hour = hour === 12 ? 12 : hour + 12;
  if ((meridiem === '오전' || meridiem === 'am') && hour === 12) hour = 0;
  return { hour, minute: Number(match[i + 2]), second: Number(match[i + 3] ?? 0) };
}

/**
 * A date printed without its year ("11-20", "Dec 5"): this year in the source's zone, or last year's when
 * this year's would be more than a day ahead ("12-31" read on 1 January).
 */
function yearless(
  fields: { month: number; day: number; hour: number; minute: number; second: number },
  now: Date,
  zone: Zone,
): number | undefined {
  const { year } = localDay(now, zone);
  const thisYear = wallClock({ year, ...fields }, zone);
  return thisYear !== undefined && thisYear > now.getTime() + DAY
    ? wallClock({ year: year - 1, ...fields }, zone)
    : thisYear;
}

/** The calendar date in the source's zone `daysBack` days before `now`. */
function localDay(now: Date, zone: Zone, daysBack = 0): { year: number; month: number; day: number } {
  const local = new Date(now.getTime() + zone(now.getTime()) * MINUTE);
  const day = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - daysBack));
  return { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
}

/**
 * Whether Date.parse made the year up: it fills in 2001 for a label without one ("Dec 5 GMT", "Foo 5"),
 * which is no date worth keeping.
 */
function yearGuessed(ms: number, label: string): boolean {
  const year = new Date(ms).getUTCFullYear();
  return (year === 2000 || year === 2001 || year === 2002) && !/\b(?:20)?0[0-2]\b/.test(label);
}

function relativeUnit(unit: string): number | undefined {
  const key = unit.toLowerCase();
  return RELATIVE_UNITS[key] ?? RELATIVE_UNITS[key.replace(/s$/, '')];
}

function parseToMs(label: string, now: Date, zone: Zone): number | undefined {
  if (/^(?:방금(?:\s*전)?|지금|just now|now)$/i.test(label)) return now.getTime();

  const relative = RELATIVE_KO.exec(label) ?? RELATIVE_EN.exec(label);
  if (relative) {
    const unit = relativeUnit(relative[2] ?? '');
    return unit === undefined ? undefined : now.getTime() - Number(relative[1]) * unit;
  }

  const dayWord = DAY_WORD.exec(label);
  if (dayWord) {
    const daysBack = DAY_WORDS[(dayWord[1] ?? '').toLowerCase()] ?? 0;
    if (daysBack === 0 && dayWord[3] === undefined) return now.getTime();
    const time = timeFields(dayWord, 2);
    return time && wallClock({ ...localDay(now, zone, daysBack), ...time }, zone);
  }

  if (ZONED.test(label)) {
    const ms = Date.parse(label.replace(/\bkst$/i, '+0900'));
    if (!Number.isNaN(ms)) return yearGuessed(ms, label) ? undefined : ms;
  }

  const spaced = SPACED_OFFSET.exec(label);
  const spacedDate = spaced && FULL_DATE.exec(spaced[1] ?? '');
  if (spaced && spacedDate?.[5] !== undefined) {
    const offset = (spaced[2] === '-' ? -1 : 1) * (Number(spaced[3]) * 60 + Number(spaced[4]));
    const yearText = spacedDate[1] ?? '';
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    const time = timeFields(spacedDate, 4);
    const fields = { year, month: Number(spacedDate[2]), day: Number(spacedDate[3]), ...time };
    return time && wallClock(fields, () => offset);
  }

  const full = FULL_DATE.exec(label);
  if (full) {
    const yearText = full[1] ?? '';
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    const time = timeFields(full, 4);
    return time && wallClock({ year, month: Number(full[2]), day: Number(full[3]), ...time }, zone);
  }

  const monthDay = MONTH_DAY.exec(label);
  if (monthDay) {
    const time = timeFields(monthDay, 3);
    if (!time) return undefined;
    return yearless({ month: Number(monthDay[1]), day: Number(monthDay[2]), ...time }, now, zone);
  }

  const named = MONTH_NAME_DAY.exec(label);
  const dayNamed = named ? undefined : DAY_MONTH_NAME.exec(label);
  if (named || dayNamed) {
    const [monthName, day] = named ? [named[1], named[2]] : [dayNamed?.[2], dayNamed?.[1]];
    const month = MONTHS.indexOf((monthName ?? '').slice(0, 3).toLowerCase()) + 1;
    const time = timeFields((named ?? dayNamed) as RegExpMatchArray, 3);
    return time && yearless({ month, day: Number(day), ...time }, now, zone);
  }

  const timeOnly = TIME_ONLY.exec(label);
  if (timeOnly) {
    const time = timeFields(timeOnly, 1);
    if (!time) return undefined;
    const today = wallClock({ ...localDay(now, zone), ...time }, zone);
    // "23:50" read at 00:10 is yesterday's; allow a few minutes of clock skew.
    return today !== undefined && today > now.getTime() + 10 * MINUTE
      ? wallClock({ ...localDay(now, zone, 1), ...time }, zone)
      : today;
  }

  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(label);
  if (compact)
    return wallClock({ year: Number(compact[1]), month: Number(compact[2]), day: Number(compact[3]) }, zone);

  if (/^\d{10}$/.test(label)) return Number(label) * 1_000;
  if (/^\d{13}$/.test(label)) return Number(label);

  // "Tue, 10 Nov 2026 09:00:00" or "Nov 20, 2026" without a zone: read in the source's zone.
  if (/[a-z]{3}/i.test(label)) {
    const ms = Date.parse(`${label} GMT`);
    if (!Number.isNaN(ms) && !yearGuessed(ms, label)) return fromWallClock(ms, zone);
  }
  return undefined;
}

/**
 * A post date as ISO 8601 (UTC), from the labels feeds and boards print: RFC 822 and ISO 8601 with a zone,
 * "2026-11-20 14:32:00 +09:00", "2026.11.20", "2026-11-20 14:32", "26.11.20", "2026년 11월 20일 오후 2:32",
 * "11-20", "11.20 14:32", "Nov 20", "20 November", "14:32",
 * "3분 전", "2시간 전", "어제", "어제 14:32", "방금", "5 minutes ago". Labels without a zone are read in
 * `timeZone` (Korea by default) or at `utcOffsetMinutes`. Undefined when the label is not a date.
 */
export function parseDate(label: string | undefined, context: DateContext): string | undefined {
  if (!label) return undefined;
  const text = collapseWhitespace(label);
  if (!text) return undefined;
  const fixed = context.utcOffsetMinutes;
  const zone = fixed !== undefined ? () => fixed : namedZone(context.timeZone ?? DEFAULT_TIME_ZONE);
  const ms = parseToMs(text, context.now, zone);
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
