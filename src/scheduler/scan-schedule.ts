import cron from 'node-cron';
import type { Logger } from '../logger.js';

export interface ScanSchedule {
  /** Next planned run, or null when stopped. */
  nextRun(): Date | null;
  stop(): Promise<void>;
}

/**
 * Runs `run` on a cron expression in a time zone. A tick that comes while the previous run is still going
 * is skipped and logged (scans never overlap); a failing run is logged and the schedule goes on.
 */
export function startScanSchedule(options: {
  expression: string;
  timezone: string;
  run: () => Promise<unknown>;
  logger: Logger;
}): ScanSchedule {
  const { logger } = options;
  let busy = false;
  const task = cron.schedule(
    options.expression,
    async () => {
      if (busy) {
        logger.warn('scheduled scan skipped: the previous scan is still running');
        return;
      }
      busy = true;
      try {
        await options.run();
      } catch (error) {
        logger.error({ err: error }, 'scheduled scan failed');
      } finally {
        busy = false;
      }
    },
    {
      timezone: options.timezone,
      name: 'bulssi-scan',
      noOverlap: true,
      // node-cron's own notices (an overlapping tick it blocked, a missed run) go to our log, not the console.
      logger: {
        info: (message) => logger.debug({ cron: true }, message),
        warn: (message) => logger.warn({ cron: true }, `scheduled scan: ${message}`),
        error: (message) => logger.error({ cron: true }, `scheduled scan: ${String(message)}`),
        debug: (message) => logger.debug({ cron: true }, String(message)),
      },
    },
  );
  return {
    nextRun: () => task.getNextRun(),
    stop: async () => {
      await task.stop();
      await task.destroy();
    },
  };
}
