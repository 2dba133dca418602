import { describe, expect, it } from 'vitest';
import { promiseDate } from '../../../src/core/draft/promise-date.js';

const SEOUL = 'Asia/Seoul';
/** Friday 4 December 2026, 10:00 in Seoul. */
const FRIDAY = new Date('2026-12-04T01:00:00Z');
/** Wednesday 2 December 2026, 10:00 in Seoul. */
const WEDNESDAY = new Date('2026-12-02T01:00:00Z');

describe('promiseDate', () => {
  it('counts working days, skipping the weekend: a Friday + 3 is the next Wednesday', () => {
    expect(promiseDate(FRIDAY, 3, 'ko', SEOUL)).toBe('12월 9일(수)');
    expect(promiseDate(FRIDAY, 3, 'en', SEOUL)).toBe('Wednesday, December 9');
  });

  it('stays in the same week when no weekend is crossed: a Wednesday + 2 is that Friday', () => {
    expect(promiseDate(WEDNESDAY, 2, 'ko', SEOUL)).toBe('12월 4일(금)');
    expect(promiseDate(WEDNESDAY, 2, 'en', SEOUL)).toBe('Friday, December 4');
  });

  it('counts from the day it is in the team’s time zone, not in UTC', () => {
    // Thursday 23:30 UTC is already Friday 08:30 in Seoul.
    const lateThursdayUtc = new Date('2026-12-03T23:30:00Z');
    expect(promiseDate(lateThursdayUtc, 3, 'ko', SEOUL)).toBe('12월 9일(수)');
  });

  it('never promises a weekend: one working day from a Saturday is the Monday', () => {
    const saturday = new Date('2026-12-05T01:00:00Z');
    expect(promiseDate(saturday, 1, 'en', SEOUL)).toBe('Monday, December 7');
  });
});
