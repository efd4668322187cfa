/**
 * Where a payload string can travel. A command line cannot hold a NUL character, and undici refuses a
 * header value with CR, LF, NUL or a character outside Latin-1, so generators pick payloads by these flags.
 */

export interface PayloadSafety {
  /** The string can be passed as a command-line argument: it has no NUL character. */
  argvSafe: boolean;
  /** The string can be sent as an HTTP header value: only visible ASCII and spaces. */
  headerSafe: boolean;
}

const visibleAsciiAndSpaces = /^[\x20-\x7e]*$/;

export function payloadSafety(value: string): PayloadSafety {
  return {
    argvSafe: !value.includes("\u0000"),
    headerSafe: visibleAsciiAndSpaces.test(value),
  };
}
