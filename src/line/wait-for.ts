/** Waiting that a stop cuts short: resolves after the time, or at once when the signal aborts (never rejects). */
export function waitFor(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((settle) => {
    if (signal.aborted) {
      settle();
      return;
    }
    const timer = setTimeout(done, milliseconds);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      settle();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
