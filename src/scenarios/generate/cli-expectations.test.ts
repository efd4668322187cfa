import { describe, expect, it } from "vitest";
import { CliErrorBehaviour } from "../../contracts/spec.js";
import { compileViewExpression } from "../expression.js";
import { renderTemplate } from "../template.js";
import { compilePattern } from "../text-pattern.js";
import {
  escapeRegExp,
  exactOutputExpectations,
  helpExpectations,
  successExpectations,
  successOrFailureExpectations,
  trimmedOutputPattern,
  usageExpectations,
} from "./cli-expectations.js";

/** The pattern as the runner applies it: rendered, then compiled. */
function matcher(pattern: string): RegExp {
  const compiled = compilePattern(String(renderTemplate(pattern, {})));
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.value;
}

describe("trimmedOutputPattern", () => {
  const number = matcher(trimmedOutputPattern("^-?[0-9]+(\\.[0-9]+)?$"));

  it("accepts the output with surrounding whitespace and a final newline", () => {
    expect(number.test("212\n")).toBe(true);
    expect(number.test("  -40.5 \r\n")).toBe(true);
    expect(number.test("212")).toBe(true);
  });

  it("still applies the pattern to the whole trimmed output", () => {
    expect(number.test("212 degrees\n")).toBe(false);
    expect(number.test("\n\nabc 1\n")).toBe(false);
    expect(number.test("")).toBe(false);
  });

  it("anchors a pattern written without anchors, and keeps ^ and $ inside classes and escapes", () => {
    const word = matcher(trimmedOutputPattern("[a-z]+"));
    expect(word.test("hello\n")).toBe(true);
    expect(word.test("hello world\n")).toBe(false);
    const special = matcher(trimmedOutputPattern("^[^$]+\\$$"));
    expect(special.test("costs 5$\n")).toBe(true);
    expect(special.test("$5$\n")).toBe(false);
  });

  it("gives alternatives with their own anchors the trimmed ends", () => {
    const either = matcher(trimmedOutputPattern("^yes$|^no$"));
    expect(either.test(" no\n")).toBe(true);
    expect(either.test("yes no\n")).toBe(false);
  });

  it("keeps a literal {{ in the model's pattern through the runner's templates", () => {
    const [, output] = successExpectations({ pattern: "^\\{{2}$" });
    expect(output).toEqual({ stdoutMatches: expect.stringContaining("\\{{") });
    const pattern = (output as { stdoutMatches: string }).stdoutMatches;
    expect(matcher(pattern).test("{{\n")).toBe(true);
  });
});

describe("expectations", () => {
  it("expects exit 0 and, with a pattern, output matching it", () => {
    expect(successExpectations(undefined)).toEqual([{ exitCode: 0 }]);
    expect(successExpectations({ pattern: "^ok$" })).toHaveLength(2);
  });

  it("expects the usage exit code, nothing on stdout and a message on stderr for a bad line", () => {
    const errors = CliErrorBehaviour.parse({ usage: 64 });
    expect(usageExpectations(errors)).toEqual([
      { exitCode: 64 },
      { stdoutMatches: "^$" },
      { stderrMatches: "\\S" },
    ]);
  });

  it("expects --help to exit 0 and print something", () => {
    expect(helpExpectations()).toEqual([{ exitCode: 0 }, { stdoutMatches: "\\S" }]);
  });

  it("expects an example's exact output, special characters and templates included", () => {
    const [, output] = exactOutputExpectations(" 3.5 * (2+1) = {{x}} ");
    const pattern = matcher((output as { stdoutMatches: string }).stdoutMatches);
    expect(pattern.test("3.5 * (2+1) = {{x}}\n")).toBe(true);
    expect(pattern.test("3.5 * (2+1) = 7\n")).toBe(false);
    expect(pattern.test("35 * (2+1) = {{x}}\n")).toBe(false);
  });

  it("escapes only what a Unicode pattern allows to be escaped", () => {
    expect(escapeRegExp("a-b/c.d")).toBe("a-b/c\\.d");
    expect(() => new RegExp(escapeRegExp("-/[](){}^$|?*+.\\"), "u")).not.toThrow();
  });
});

describe("successOrFailureExpectations", () => {
  const errors = CliErrorBehaviour.parse({ failure: 3 });

  /** Whether the one expression assertion holds for a run with these results. */
  function holds(assertions: ReturnType<typeof successOrFailureExpectations>, run: object) {
    expect(assertions).toHaveLength(1);
    const [assertion] = assertions as [{ expression: string }];
    const compiled = compileViewExpression(assertion.expression);
    if (!compiled.ok) throw new Error(compiled.error);
    const outcome = compiled.value({ signal: null, stdout: "", stderr: "", durationMs: 1, ...run });
    if (!outcome.ok) throw new Error(outcome.error);
    return outcome.value;
  }

  it("accepts success with matching output, or the failure code with a message on stderr", () => {
    const number = successOrFailureExpectations({ pattern: '^-?\\d+(\\.\\d+)?$|^"q"$' }, errors);
    expect(holds(number, { exitCode: 0, stdout: "-40.5\n" })).toBe(true);
    expect(holds(number, { exitCode: 0, stdout: '"q"\n' })).toBe(true);
    expect(holds(number, { exitCode: 3, stderr: "too cold\n" })).toBe(true);
    expect(holds(number, { exitCode: 0, stdout: "about 40\n" })).toBe(false);
    expect(holds(number, { exitCode: 3 })).toBe(false);
    expect(holds(number, { exitCode: 2, stderr: "usage\n" })).toBe(false);
  });

  it("checks only the exit code when the pattern needs the Unicode flag, or there is none", () => {
    const letters = successOrFailureExpectations({ pattern: "^\\p{L}+$" }, errors);
    expect(letters[0]).toEqual({ expression: "exitCode == 0 or (exitCode == 3 and stderr != '')" });
    expect(holds(successOrFailureExpectations(undefined, errors), { exitCode: 0 })).toBe(true);
  });
});
