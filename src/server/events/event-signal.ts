/**
 * A wake-up call for event streams: the line's `onEvent` fires it when this process writes an event, so a
 * stream reads the log at once instead of at its next poll. It carries no data; the log is the data.
 */
export class EventSignal {
  readonly #listeners = new Set<() => void>();

  /** Returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  fire(): void {
    for (const listener of this.#listeners) listener();
  }
}
