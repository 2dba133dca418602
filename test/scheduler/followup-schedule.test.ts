import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFollowupSchedule } from '../../src/scheduler/followup-schedule.js';
import { silentLogger } from '../helpers/slack-fixtures.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the follow-up schedule', () => {
  it('ticks every interval, skips a tick while one is running, and keeps going after a failure', async () => {
    vi.useFakeTimers();
    let calls = 0;
    let release: (() => void) | undefined;
    const run = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
      if (calls === 2) await new Promise<void>((resolve) => (release = resolve));
    });
    const schedule = startFollowupSchedule({ intervalMs: 60_000, run, logger: silentLogger });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(run).toHaveBeenCalledTimes(2);
    release?.();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(3);
    await schedule.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(run).toHaveBeenCalledTimes(3);
  });
});
