import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScanSchedule } from '../../src/scheduler/scan-schedule.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('scan schedule', () => {
  it('skips a tick while the previous scan is still running, then runs again once it is done', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T00:00:00.500Z') });
    const logger = pino({ level: 'silent' });
    let finish: () => void = () => {};
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const schedule = startScanSchedule({ expression: '* * * * * *', timezone: 'Asia/Seoul', run, logger });

    await vi.advanceTimersByTimeAsync(3_000);
    expect(run).toHaveBeenCalledTimes(1);

    finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(2);
    await schedule.stop();
    finish();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('keeps the schedule going after a failing scan', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T00:00:00.500Z') });
    const logger = pino({ level: 'silent' });
    const error = vi.spyOn(logger, 'error');
    const run = vi.fn().mockRejectedValueOnce(new Error('store is locked')).mockResolvedValue(undefined);
    const schedule = startScanSchedule({ expression: '* * * * * *', timezone: 'UTC', run, logger });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.any(Error) }),
      'scheduled scan failed',
    );
    await schedule.stop();
  });

  it('reports the next run in the configured time zone', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T00:30:00Z') });
    const schedule = startScanSchedule({
      expression: '0 9 * * *',
      timezone: 'Asia/Seoul',
      run: async () => {},
      logger: pino({ level: 'silent' }),
    });
    expect(schedule.nextRun()?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    await schedule.stop();
  });
});
