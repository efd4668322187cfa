/**
 * Splits a command line written in a spec (`tempconv --to f "-40"`) into words the way a POSIX shell
 * would for plain words and quotes: single quotes keep everything, double quotes keep all but `\"`,
 * `\\`, `\$` and `` \` ``, a backslash outside quotes escapes the next character. A line that needs
 * more of a shell (a pipe, a redirection, a variable, an unclosed quote) cannot be one command's argv:
 * the answer says why instead.
 */

export type ShellWords = { ok: true; words: string[] } | { ok: false; reason: string };

const shellOnly = /[|&;<>()$`*?]/;
// Special only at the start of a word: a home directory, a comment.
const shellAtWordStart = /[~#]/;

export function splitShellWords(line: string): ShellWords {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line.charAt(index);
    if (character === "'") {
      const end = line.indexOf("'", index + 1);
      if (end === -1) return { ok: false, reason: "an unclosed single quote" };
      word += line.slice(index + 1, end);
      inWord = true;
      index = end;
    } else if (character === '"') {
      const quoted = readDoubleQuoted(line, index + 1);
      if ("reason" in quoted) return { ok: false, reason: quoted.reason };
      word += quoted.text;
      inWord = true;
      index = quoted.end;
    } else if (character === "\\") {
      if (index + 1 >= line.length) return { ok: false, reason: "a backslash at the end" };
      word += line.charAt(index + 1);
      inWord = true;
      index += 1;
    } else if (/\s/.test(character)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else if (shellOnly.test(character) || (!inWord && shellAtWordStart.test(character))) {
      return { ok: false, reason: `"${character}" needs a shell to mean anything` };
    } else {
      word += character;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return { ok: true, words };
}

function readDoubleQuoted(
  line: string,
  start: number,
): { text: string; end: number } | { reason: string } {
  let text = "";
  for (let index = start; index < line.length; index += 1) {
    const character = line.charAt(index);
    if (character === '"') return { text, end: index };
    if (character === "$" || character === "`") {
      return { reason: `"${character}" in double quotes needs a shell to mean anything` };
    }
    if (character === "\\" && /["\\$`]/.test(line.charAt(index + 1))) {
      text += line.charAt(index + 1);
      index += 1;
    } else {
      text += character;
    }
  }
  return { reason: "an unclosed double quote" };
}
