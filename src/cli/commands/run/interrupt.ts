/**
 * Ctrl-C for `shopfloor run`: the first SIGINT (or SIGTERM) aborts the line's work cleanly (it stops
 * leasing jobs, aborts running ones and releases their leases); the handlers are then removed, so a
 * second Ctrl-C ends the process at once.
 */
export interface Interrupt {
  signal: AbortSignal;
  dispose(): void;
}

export interface SignalSource {
  once(name: "SIGINT" | "SIGTERM", listener: () => void): unknown;
  off(name: "SIGINT" | "SIGTERM", listener: () => void): unknown;
}

export function interruptOn(source: SignalSource = process): Interrupt {
  const controller = new AbortController();
  const dispose = () => {
    source.off("SIGINT", stop);
    source.off("SIGTERM", stop);
  };
  function stop() {
    dispose();
    controller.abort(new Error("interrupted"));
  }
  source.once("SIGINT", stop);
  source.once("SIGTERM", stop);
  return { signal: controller.signal, dispose };
}
