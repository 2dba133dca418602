import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/core/match.js';
import { addWatchTerm, applyWatchOverrides, removeWatchTerm } from '../../src/core/watch-overrides.js';

const watch = {
  brands: [{ name: '한빛푸드', aliases: ['Hanbit Foods'], misspellings: ['한빗푸드'] }],
  exclude: ['한빛푸드뱅크'],
};
const none = { added: [], removed: [] };

describe('watch overrides', () => {
  it('matches added terms and stops matching removed aliases', () => {
    const match = createMatcher(
      applyWatchOverrides(watch, { added: ['빛나라 과자'], removed: ['hanbit foods'] }),
    );
    expect(match({ title: '빛나라 과자 리콜', text: '' }).matched).toBe(true);
    expect(match({ title: 'Hanbit Foods recall', text: '' }).matched).toBe(false);
    expect(match({ title: '한빛푸드 리콜', text: '' }).matched).toBe(true);
  });

  it.each([
    ['add', '  빛나라   과자 ', { ok: true, overrides: { added: ['빛나라 과자'], removed: [] } }],
    ['add', 'hanbit foods', { ok: false, reason: 'already_watched' }],
    ['add', '', { ok: false, reason: 'empty' }],
    ['add', 'x'.repeat(61), { ok: false, reason: 'too_long' }],
    ['remove', '한빗푸드', { ok: true, overrides: { added: [], removed: ['한빗푸드'] } }],
    ['remove', '한빛푸드', { ok: false, reason: 'brand_name' }],
    ['remove', '삼성', { ok: false, reason: 'not_watched' }],
  ] as const)('%s %j', (verb, term, expected) => {
    const change = verb === 'add' ? addWatchTerm(watch, none, term) : removeWatchTerm(watch, none, term);
    expect(change).toEqual(expected);
  });

  it('restores a removed alias when it is added back, and removes a term added earlier', () => {
    expect(addWatchTerm(watch, { added: [], removed: ['한빗푸드'] }, '한빗푸드')).toEqual({
      ok: true,
      overrides: { added: [], removed: [] },
    });
    expect(removeWatchTerm(watch, { added: ['빛나라'], removed: [] }, '빛나라')).toEqual({
      ok: true,
      overrides: { added: [], removed: [] },
    });
  });
});
