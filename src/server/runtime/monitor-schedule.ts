/**
 * `shopfloor serve --monitor`: monitor cycles every interval in the server's process, as `shopfloor
 * monitor` runs them, until the server stops. A cycle that fails (the host daemon restarting, the line
 * being reopened on new settings) is reported and tried again at the next interval: the watch must not
 * stop for it. The fix items a breach opens are worked by the server's worker, like any other item.
 */
import { setTimeout as delay } from "node:timers/promises";
import type { MonitorCycleReport } from "../../line/factory-line.js";

export interface MonitorScheduleOptions {
  /** One cycle on the line as it is now (it may have been reopened since the last one). */
  cycle(): Promise<MonitorCycleReport>;
  intervalMs: number;
  onReport(report: MonitorCycleReport): void;
  onFailure(error: unknown): void;
  /** Resolves after this many milliseconds, or as soon as the signal aborts. Default: a timer. */
  wait?(milliseconds: number, signal: AbortSignal): Promise<void>;
}

export interface MonitorSchedule {
  /** Lets a running cycle finish, then stops. */
  stop(): Promise<void>;
}

export function scheduleMonitorCycles(options: MonitorScheduleOptions): MonitorSchedule {
  const controller = new AbortController();
  const wait = options.wait ?? waitUnlessAborted;
  const loop = async () => {
    while (!controller.signal.aborted) {
      try {
        options.onReport(await options.cycle());
      } catch (error) {
        options.onFailure(error);
      }
      if (controller.signal.aborted) return;
      await wait(options.intervalMs, controller.signal);
    }
  };
  const done = loop();
  return {
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

async function waitUnlessAborted(milliseconds: number, signal: AbortSignal): Promise<void> {
  try {
    await delay(milliseconds, undefined, { signal });
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}
