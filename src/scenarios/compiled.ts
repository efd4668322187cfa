/**
 * Compiling what suites write (patterns, expressions, JSON schemas): the outcome is a value or a message
 * saying why not, never an exception, and each text is compiled once.
 */

export type Compiled<T> = { ok: true; value: T } | { ok: false; error: string };

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A cache of compiled things that cannot grow without bound: a pattern rendered from a template differs
 * per trial, so a long run would otherwise keep one entry per trial. Cleared when full, which is rare.
 */
export class CompileCache<T> {
  readonly #entries = new Map<string, Compiled<T>>();
  constructor(readonly capacity = 1000) {}

  get(key: string, compile: () => Compiled<T>): Compiled<T> {
    const cached = this.#entries.get(key);
    if (cached) return cached;
    if (this.#entries.size >= this.capacity) this.#entries.clear();
    const compiled = compile();
    this.#entries.set(key, compiled);
    return compiled;
  }
}
