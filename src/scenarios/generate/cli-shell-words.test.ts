import { describe, expect, it } from "vitest";
import { splitShellWords } from "./cli-shell-words.js";

describe("splitShellWords", () => {
  it("splits on whitespace and keeps quoted text together", () => {
    expect(splitShellWords(`tempconv --to   fahrenheit "-40" 'a  b' c"d e"f`)).toEqual({
      ok: true,
      words: ["tempconv", "--to", "fahrenheit", "-40", "a  b", "cd ef"],
    });
  });

  it("keeps empty quoted words and applies backslash escapes", () => {
    expect(splitShellWords(`greet "" a\\ b "say \\"hi\\" \\\\" 'it\\'`)).toEqual({
      ok: true,
      words: ["greet", "", "a b", 'say "hi" \\', "it\\"],
    });
  });

  it("keeps characters a shell would interpret when they are quoted", () => {
    expect(splitShellWords(`run '$HOME | ; > *'`)).toEqual({
      ok: true,
      words: ["run", "$HOME | ; > *"],
    });
    expect(splitShellWords("a~b x#y")).toEqual({ ok: true, words: ["a~b", "x#y"] });
  });

  it("says why a line needs a shell", () => {
    for (const line of [
      "a | b",
      "a > out",
      "a; b",
      "echo $HOME",
      'echo "$HOME"',
      "ls *.txt",
      "cd ~",
      "a # comment",
      "a 'unclosed",
      'a "unclosed',
      "a \\",
    ]) {
      const split = splitShellWords(line);
      expect(split.ok, line).toBe(false);
      if (!split.ok) expect(split.reason).not.toBe("");
    }
  });

  it("gives no words for an empty line", () => {
    expect(splitShellWords("   ")).toEqual({ ok: true, words: [] });
  });
});
