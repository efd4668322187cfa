/**
 * A bounded memo of values that are expensive to make and never change under their key (a parsed spec
 * by its text's hash, a stored suite by NAME@VERSION): the value of a key is made once, and callers that
 * ask while it is being made share the same promise. The least recently used key goes when the cache
 * is full; a value whose making failed is not kept, so the next caller tries again.
 */
import { InvalidArgumentError } from "../../contracts/errors.js";

export class MemoCache<Value> {
  readonly capacity: number;
  /** In order of use, least recent first (a Map keeps insertion order). */
  readonly #entries = new Map<string, Promise<Value>>();

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new InvalidArgumentError(
        `a cache's capacity is a positive integer, not ${capacity}`,
        "capacity",
      );
    }
    this.capacity = capacity;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value under `key`, made by `make` when the cache does not hold it. */
  get(key: string, make: () => Promise<Value>): Promise<Value> {
    const held = this.#entries.get(key);
    if (held !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, held);
      return held;
    }
    const made = make();
    this.#keep(key, made);
    made.catch(() => {
      if (this.#entries.get(key) === made) this.#entries.delete(key);
    });
    return made;
  }

  /** Stores a value made elsewhere (a spec parsed when it was submitted). */
  set(key: string, value: Value): void {
    this.#entries.delete(key);
    this.#keep(key, Promise.resolve(value));
  }

  #keep(key: string, value: Promise<Value>): void {
    this.#entries.set(key, value);
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}
