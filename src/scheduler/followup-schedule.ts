import type { Logger } from '../logger.js';

export interface FollowupSchedule {
  stop(): Promise<void>;
}

/**
 * Runs the follow-up clock every `intervalMs` (setInterval, so vitest fake timers drive it in tests).
 * A tick that comes while the previous one is running is skipped; a failing tick is logged and the clock goes on.
 * `stop` waits for a running tick.
 */
export function startFollowupSchedule(options: {
  intervalMs: number;
  run: () => Promise<unknown>;
  logger: Logger;
}): FollowupSchedule {
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = options
      .run()
      .catch((error: unknown) => options.logger.error({ err: error }, 'follow-up tick failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
