/**
 * The tempconv example: the spec reader accepts it as a cli spec, and its build, run as a real process, passes the
 * spec's worked and inline examples and follows the cli conventions: conversions and precision, absolute
 * zero (exit 1), usage errors (exit 2, one line on stderr, nothing on stdout), --help, `--` and `--name=value`.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cliModelOf, loadExampleSpec, parseCliExample } from "./support/example-spec.js";
import { runModelExamples } from "./support/run-scenarios.js";

const buildFolder = fileURLToPath(new URL("../../examples/tempconv/build/", import.meta.url));
const spec = await loadExampleSpec("tempconv");
const model = cliModelOf(spec);

interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the build as the model says (`node tempconv.mjs`, from the build's folder). */
function tempconv(...args: string[]): Promise<Run> {
  const [program = "node", ...leading] = model.command;
  return new Promise((resolve) => {
    execFile(program, [...leading, ...args], { cwd: buildFolder }, (error, stdout, stderr) => {
      const exitCode = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      resolve({ exitCode, stdout, stderr });
    });
  });
}

describe("the tempconv spec", () => {
  it("is a cli spec whose model says what the prose says", () => {
    expect(spec.frontMatter).toMatchObject({ name: "tempconv", kind: "cli" });
    expect(model.command).toEqual(["node", "tempconv.mjs"]);
    expect(model.options).toMatchObject({
      from: { type: "string", required: true, enum: ["celsius", "fahrenheit", "kelvin"] },
      to: { type: "string", required: true, enum: ["celsius", "fahrenheit", "kelvin"] },
      precision: { type: "integer", min: 0, max: 6, default: 2 },
    });
    expect(model.arguments).toMatchObject([
      { name: "value", type: "number", required: true, min: -1_000_000, max: 1_000_000 },
    ]);
    expect(model.errors).toEqual({ usage: 2, failure: 1 });
  });

  it("has 6 to 8 criteria, all with inline examples, each shown by a worked example", () => {
    expect(spec.criteria.length).toBeGreaterThanOrEqual(6);
    expect(spec.criteria.length).toBeLessThanOrEqual(8);
    expect(spec.criteria.filter((criterion) => criterion.examples.length === 0)).toEqual([]);
    const shown = new Set(model.examples.flatMap((example) => example.criteria));
    expect(spec.criteria.filter((criterion) => !shown.has(criterion.id))).toEqual([]);
  });
});

describe("the tempconv build", () => {
  it("passes every worked example of the spec's model", async () => {
    const results = await runModelExamples(spec, model.examples, {
      kind: "cli",
      buildFolder,
      command: model.command,
    });
    expect(results).toHaveLength(model.examples.length);
    expect(results.filter((result) => !result.pass)).toEqual([]);
  });

  it("does, for every inline example of the criteria, what the spec says", async () => {
    for (const { input, expected } of spec.criteria.flatMap((criterion) => criterion.examples)) {
      const example = parseCliExample(input, expected);
      expect(example.program).toBe("tempconv");
      const run = await tempconv(...example.args);
      expect(run.exitCode, input).toBe(example.exitCode);
      if (example.stdout !== undefined) expect(run.stdout, input).toBe(`${example.stdout}\n`);
    }
  });

  it.concurrent.for([
    [["--from", "celsius", "--to", "fahrenheit", "37"], "98.60"],
    [["--from", "fahrenheit", "--to", "kelvin", "--", "-459.67"], "0.00"],
    [["--from", "kelvin", "--to", "celsius", "0"], "-273.15"],
    [["--from", "celsius", "--to", "fahrenheit", "1000000"], "1800032.00"],
    [["--from", "celsius", "--to", "kelvin", "--precision", "0", "-0.4"], "273"],
    [["--from", "fahrenheit", "--to", "fahrenheit", "--precision", "0", "--", "-0.4"], "0"],
    [["--from", "celsius", "--to", "fahrenheit", "1e2"], "212.00"],
    [["--to", "fahrenheit", "--precision", "3", "--from", "celsius", "-40"], "-40.000"],
    [["--from=celsius", "--to=kelvin", "--precision=6", ".5"], "273.650000"],
  ] as [string[], string][])("converts %j to %s", async ([args, expected], { expect }) => {
    const run = await tempconv(...args);
    expect(run).toEqual({ exitCode: 0, stdout: `${expected}\n`, stderr: "" });
    expect(expected).toMatch(new RegExp(model.output?.pattern ?? "^$"));
  });

  it.concurrent.for([
    ["celsius", "-273.16"],
    ["fahrenheit", "-459.68"],
    ["kelvin", "-0.000001"],
    ["celsius", "-1000000"],
  ] as [string, string][])(
    "refuses a temperature below absolute zero in %s with exit 1",
    async ([unit, value], { expect }) => {
      const run = await tempconv("--from", unit, "--to", "kelvin", "--", value);
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/below absolute zero/);
    },
  );

  it.concurrent.for([
    ["no arguments", []],
    ["an unknown option", ["--from", "celsius", "--to", "kelvin", "--verbose", "1"]],
    ["a short option", ["-f", "celsius", "--to", "kelvin", "1"]],
    ["a missing --from", ["--to", "kelvin", "1"]],
    ["a missing temperature", ["--from", "celsius", "--to", "kelvin"]],
    ["an option without its value", ["--to", "kelvin", "1", "--from"]],
    ["an empty unit", ["--from=", "--to", "kelvin", "1"]],
    ["a unit in capitals", ["--from", "Celsius", "--to", "kelvin", "1"]],
    ["a precision of 7", ["--from", "celsius", "--to", "kelvin", "--precision", "7", "1"]],
    ["a negative precision", ["--from", "celsius", "--to", "kelvin", "--precision", "-1", "1"]],
    ["a precision of 2.5", ["--from", "celsius", "--to", "kelvin", "--precision=2.5", "1"]],
    ["a temperature in words", ["--from", "celsius", "--to", "kelvin", "warm"]],
    ["Infinity", ["--from", "celsius", "--to", "kelvin", "Infinity"]],
    ["a temperature above 1000000", ["--from", "celsius", "--to", "kelvin", "1000000.5"]],
    ["two temperatures", ["--from", "celsius", "--to", "kelvin", "1", "2"]],
    ["an option after --", ["--from", "celsius", "--", "--to", "kelvin", "1"]],
    ["an option given twice", ["--from", "celsius", "--from", "kelvin", "--to", "kelvin", "1"]],
    ["a line break in an option", ["--from", "celsius", "--to", "kelvin", "--x\ny", "1"]],
    ["--help with a value", ["--help=yes"]],
  ] as [string, string[]][])(
    "refuses %s with exit 2, one line on stderr and nothing on stdout",
    async ([, args], { expect }) => {
      const run = await tempconv(...args);
      expect(run.exitCode).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^tempconv: [^\n]+\n$/);
    },
  );

  it("prints the usage on stdout with --help, wherever it is before --", async () => {
    for (const args of [["--help"], ["--from", "celsius", "--help", "1"], ["--bogus", "--help"]]) {
      const run = await tempconv(...args);
      expect(run.exitCode, args.join(" ")).toBe(0);
      expect(run.stdout).toMatch(/^Usage: tempconv --from <unit> --to <unit>/);
      expect(run.stderr).toBe("");
    }
  });

  it("takes a negative temperature without -- too", async () => {
    const run = await tempconv("--from", "celsius", "--to", "fahrenheit", "-40");
    expect(run).toEqual({ exitCode: 0, stdout: "-40.00\n", stderr: "" });
  });
});
