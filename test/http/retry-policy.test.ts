import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from '../../src/http/retry-policy.js';

const NOW = Date.parse('2026-03-01T00:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    [' 1 ', 1000],
    ['0', 0],
    ['Sun, 01 Mar 2026 00:00:30 GMT', 30_000],
    ['Sat, 28 Feb 2026 23:59:00 GMT', 0],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('reads %j as %j ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('isRetryableStatus', () => {
  it.each([
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [501, false],
    [505, false],
    [400, false],
    [403, false],
    [404, false],
    [200, false],
  ])('%i → %j', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  const options = { baseMs: 1000, maxMs: 5000 };
  it.each([
    [1, 0, 1000],
    [2, 0, 2000],
    [3, 0, 4000],
    [4, 0, 5000],
    [1, 0.999, 1500],
    [10, 0.5, 6250],
  ])('retry %i with random %f waits %i ms', (retry, r, expected) => {
    expect(backoffDelay(retry, { ...options, random: () => r })).toBe(expected);
  });
});
