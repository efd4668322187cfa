/**
 * Regular expressions written in suites (`matches`, `stdoutMatches`, a header's `matches`, a thrown
 * message): compiled once and cached, and a pattern that does not compile is a message, not a crash.
 */
import { CompileCache, type Compiled, errorText } from "./compiled.js";

const cache = new CompileCache<RegExp>();

/**
 * Compiles with the `u` flag, so `\p{L}` and astral characters work; a pattern only valid without it
 * (such as an escaped `\-` outside a class) is compiled without flags rather than rejected.
 */
export function compilePattern(pattern: string): Compiled<RegExp> {
  return cache.get(pattern, () => compileUncached(pattern));
}

function compileUncached(pattern: string): Compiled<RegExp> {
  try {
    return { ok: true, value: new RegExp(pattern, "u") };
  } catch {
    try {
      return { ok: true, value: new RegExp(pattern) };
    } catch (error) {
      return { ok: false, error: `invalid regular expression /${pattern}/: ${errorText(error)}` };
    }
  }
}
