import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ShopfloorError } from "../contracts/errors.js";
import { InvalidInputError } from "../contracts/invalid-input.js";
import { InvalidSuiteError } from "./invalid-suite-error.js";
import { loadSuite } from "./load-suite.js";

const fixtures = resolve("test/fixtures/suites");
const options = { workingDirectory: fixtures };

async function rejection(path: string): Promise<InvalidSuiteError> {
  const error: unknown = await loadSuite(join(fixtures, path), options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (error instanceof InvalidSuiteError) return error;
  throw new Error(`expected an InvalidSuiteError, got ${String(error)}`);
}

function problemLines(error: InvalidSuiteError): string[] {
  return error.message.split("\n");
}

describe("loadSuite, valid suites", () => {
  it("reads a folder: the suite file, then the other files in sorted order, recursively", async () => {
    const suite = await loadSuite(join(fixtures, "todo-http"));
    expect(suite.header).toMatchObject({
      name: "todo-api",
      version: "1",
      target: "http",
      defaults: { timeoutMs: 5000, repeat: 1, headers: { accept: "application/json" } },
    });
    expect(suite.scenarios.map((scenario) => scenario.id)).toEqual([
      "normal/list-todos",
      "normal/create-read-delete",
      "malicious/script-in-title",
      "edge/template-probe",
    ]);
    expect(suite.folder).toBe(join(fixtures, "todo-http"));
  });

  it("applies the defaults of the contract to scenarios and steps", async () => {
    const suite = await loadSuite(join(fixtures, "todo-http"));
    const [list, crud] = suite.scenarios;
    expect(list?.tags).toEqual([]);
    expect(crud?.repeat).toBe(3);
    expect(crud?.steps[1]).toEqual({
      request: { method: "GET", path: "{{ location }}" },
      expect: [
        { status: 200 },
        { json: { id: "{{ created.id }}", title: "buy milk {{ trial.unique }}", done: false } },
        { expression: "body.id == {{ created.id }} and body.done == false" },
      ],
    });
  });

  it("reads a cli suite from one file", async () => {
    const suite = await loadSuite(join(fixtures, "greet-cli.yaml"));
    expect(suite.header.target).toBe("cli");
    expect(suite.header.defaults.command).toEqual(["node", "greet.mjs"]);
    expect(suite.scenarios[0]?.steps[0]).toMatchObject({
      run: { args: ["--name", "Ada"] },
      capture: { greeting: "stdout" },
    });
    expect(suite.folder).toBe(fixtures);
  });

  it("reads a function suite from one file", async () => {
    const suite = await loadSuite(join(fixtures, "math-function.yaml"));
    expect(suite.header).toMatchObject({
      target: "function",
      version: "2",
      defaults: { module: "math.mjs" },
    });
    expect(suite.scenarios[1]).toMatchObject({
      robustness: false,
      steps: [{ expect: [{ throws: { name: "RangeError", message: "^cannot divide by zero" } }] }],
    });
  });
});

describe("loadSuite, invalid suites", () => {
  it("names the file, line and field of every problem, precisely for the suite's kind", async () => {
    const error = await rejection("invalid/http-problems.yaml");
    expect(problemLines(error)).toEqual([
      'invalid/http-problems.yaml:11: field "scenarios[0].steps[0].request.method": Invalid option: expected one of "GET"|"HEAD"|"POST"|"PUT"|"PATCH"|"DELETE"|"OPTIONS"',
      'invalid/http-problems.yaml:13: field "scenarios[0].steps[0].expect[0].stauts": unknown assertion "stauts"; did you mean "status"?',
      'invalid/http-problems.yaml:18: field "scenarios[1].steps[0]": this is a cli step (run:) in a http suite; a http suite\'s steps have request:, expect:, capture:',
      'invalid/http-problems.yaml:19: field "scenarios[2].title": required (string)',
      'invalid/http-problems.yaml:20: field "scenarios[2].category": Invalid option: expected one of "normal"|"edge"|"malicious"',
      'invalid/http-problems.yaml:21: field "scenarios[2].titel": unknown key "titel"; did you mean "title"?',
      'invalid/http-problems.yaml:25: field "scenarios[2].steps[0].expect[0].exitCode": "exitCode" does not apply to a http step; a http step\'s assertions are status, header, json, jsonSubset, jsonSchema, matches, contains, notContains, latencyUnderMs, expression, predicate, llmJudge',
      expect.stringMatching(
        /^invalid\/http-problems\.yaml:26: field "scenarios\[2\]\.steps\[0\]\.expect\[1\]\.matches": invalid regular expression \/\(unclosed\/: /,
      ),
      'invalid/http-problems.yaml:28: field "scenarios[2].steps[0].capture.id": a http step\'s captures read one of status, headers, header, body, bodyText, durationMs (e.g. status), not "bodyy"',
    ]);
    expect(error.line).toBe(11);
    expect(error.path).toBe("invalid/http-problems.yaml");
    expect(error.field).toBe("scenarios[0].steps[0].request.method");
  });

  it("checks templates once the rest of a scenario is valid", async () => {
    const directory = await mkdtemp(join(tmpdir(), "shopfloor-suite-"));
    const file = join(directory, "suite.yaml");
    await writeFile(
      file,
      [
        "suite: { name: t, version: 1, target: http }",
        "scenarios:",
        "  - id: normal/t",
        "    category: normal",
        "    title: templates",
        "    steps:",
        '      - request: { method: GET, path: "/a/{{ later.id }}" }',
        "      - request: { method: POST, path: /a }",
        "        capture: { later: body }",
        '      - request: { method: GET, path: "/a/{{ latr.id }}?n={{ 7*7 }}" }',
      ].join("\n"),
    );
    const error: unknown = await loadSuite(file, { workingDirectory: directory }).catch(
      (thrown: unknown) => thrown,
    );
    await rm(directory, { recursive: true });
    expect(error).toBeInstanceOf(InvalidSuiteError);
    expect(error instanceof InvalidSuiteError && problemLines(error)).toEqual([
      'suite.yaml:7: field "scenarios[0].steps[0].request.path": template "{{ later.id }}": "later" is captured by step 2, so step 1 cannot use it yet',
      'suite.yaml:10: field "scenarios[0].steps[2].request.path": template "{{ latr.id }}": no variable "latr"; the variables here are scenario, trial, later',
      'suite.yaml:10: field "scenarios[0].steps[2].request.path": template "{{ 7*7 }}": no variable "7*7"; the variables here are scenario, trial, later; write \\{{ for a literal "{{"',
    ]);
  });

  it("collects the problems of all files, and names both places of a duplicate id", async () => {
    // The file with a syntax error is written here: as a fixture it would break the formatter's check.
    const directory = await mkdtemp(join(tmpdir(), "shopfloor-multi-"));
    const folder = join(directory, "multi-file");
    await cp(join(fixtures, "invalid/multi-file"), folder, { recursive: true });
    await writeFile(
      join(folder, "broken.yaml"),
      "scenarios:\n  - id: normal/second\n   category: normal\n",
    );
    const error: unknown = await loadSuite(folder, { workingDirectory: directory }).catch(
      (thrown: unknown) => thrown,
    );
    await rm(directory, { recursive: true });
    if (!(error instanceof InvalidSuiteError))
      throw new Error(`expected an InvalidSuiteError, got ${String(error)}`);
    expect(problemLines(error)).toEqual([
      expect.stringMatching(
        /^multi-file\/broken\.yaml:3: field "\(syntax\)": not valid YAML or JSON: /,
      ),
      'multi-file/more/again.yaml:7: field "scenarios[1].id": duplicate scenario id "normal/first"; it is also the id of the scenario at multi-file/suite.yaml:7',
    ]);
    expect(error.problems.map((problem) => problem.file)).toEqual([
      "multi-file/broken.yaml",
      "multi-file/more/again.yaml",
    ]);
  });

  it("needs a command for every cli step, and only cli assertions", async () => {
    const error = await rejection("invalid/cli-no-command.yaml");
    expect(problemLines(error)).toEqual([
      'invalid/cli-no-command.yaml:12: field "scenarios[0].steps[1].run": no command to run: give this step run.command, or the suite defaults.command (e.g. ["node", "cli.js"])',
      'invalid/cli-no-command.yaml:14: field "scenarios[0].steps[1].expect[0].status": "status" does not apply to a cli step; a cli step\'s assertions are exitCode, stdoutMatches, stdoutContains, stderrMatches, stderrContains, matches, contains, notContains, latencyUnderMs, expression, predicate, llmJudge',
    ]);
    const withoutAssertion = await rejectionOfText(
      "cli.yaml",
      "suite: { name: c, version: 1, target: cli }\nscenarios:\n  - { id: a, category: normal, title: t, steps: [ { run: { args: [] } } ] }\n",
    );
    expect(problemLines(withoutAssertion)).toEqual([
      'cli.yaml:3: field "scenarios[0].steps[0].run": no command to run: give this step run.command, or the suite defaults.command (e.g. ["node", "cli.js"])',
    ]);
  });

  it("needs a module for every function call, and predicate modules that exist", async () => {
    const error = await rejection("invalid/function-no-module.yaml");
    expect(problemLines(error)).toEqual([
      'invalid/function-no-module.yaml:11: field "scenarios[0].steps[0].call": no module to call: give this step call.module, or the suite defaults.module',
    ]);
    const withModule = await rejectionOfText(
      "f.yaml",
      "suite: { name: f, version: 1, target: function, defaults: { module: m.mjs } }\nscenarios:\n  - id: a\n    category: normal\n    title: t\n    steps:\n      - call: { export: add }\n        expect: [ { predicate: checks/missing.mjs } ]\n",
    );
    expect(withModule.problems).toEqual([
      {
        file: "f.yaml",
        line: 8,
        field: "scenarios[0].steps[0].expect[0].predicate",
        message: expect.stringMatching(
          /^no predicate module at .*checks\/missing\.mjs \(predicates are relative to the suite folder\)$/,
        ),
      },
    ]);
  });

  it("rejects a suite without scenarios and a header with problems", async () => {
    const empty = await rejectionOfText(
      "empty.yaml",
      "suite: { name: e, version: 1, target: http }\nscenarios: []\n",
    );
    expect(problemLines(empty)).toEqual([
      'empty.yaml:2: field "scenarios": a suite has at least one scenario',
    ]);
    const header = await rejectionOfText(
      "header.yaml",
      "suite:\n  name: h\n  target: grpc\nscenarios: []\n",
    );
    expect(problemLines(header)).toEqual([
      'header.yaml:2: field "suite.version": required (string or number)',
      'header.yaml:3: field "suite.target": Invalid option: expected one of "http"|"cli"|"function"',
    ]);
  });

  it("says what a file is for when its keys are wrong", async () => {
    const error = await rejectionOfText(
      "s.json",
      '{"suite": {"name": "s", "version": "1", "target": "http"}, "scenario": []}',
    );
    expect(problemLines(error)).toEqual([
      's.json:1: field "scenarios": required (array)',
      's.json:1: field "scenario": unknown key "scenario"; did you mean "scenarios"?',
    ]);
  });
});

describe("loadSuite, what is not a suite", () => {
  let directory = "";
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "shopfloor-not-suite-"));
    await writeFile(join(directory, "notes.txt"), "hello");
  });
  afterAll(async () => {
    await rm(directory, { recursive: true });
  });

  it("reports a missing path as not found", async () => {
    const error: unknown = await loadSuite(join(directory, "nothing.yaml")).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ShopfloorError);
    expect(error instanceof ShopfloorError && error.code).toBe("not-found");
  });

  it("rejects files of other kinds and folders without a suite file", async () => {
    await expect(loadSuite(join(directory, "notes.txt"))).rejects.toThrow(
      /a suite is a \.yaml, \.yml or \.json file/,
    );
    await expect(loadSuite(directory)).rejects.toThrow(InvalidInputError);
    await expect(loadSuite(directory)).rejects.toThrow(/has a suite\.yaml/);
  });
});

async function rejectionOfText(name: string, text: string): Promise<InvalidSuiteError> {
  const directory = await mkdtemp(join(tmpdir(), "shopfloor-suite-"));
  try {
    await writeFile(join(directory, name), text);
    const error: unknown = await loadSuite(join(directory, name), {
      workingDirectory: directory,
    }).catch((thrown: unknown) => thrown);
    if (error instanceof InvalidSuiteError) return error;
    throw new Error(`expected an InvalidSuiteError, got ${String(error)}`);
  } finally {
    await rm(directory, { recursive: true });
  }
}

describe("loadSuite, rules of the contract", () => {
  it("accepts a version YAML reads as a number", async () => {
    const directory = await mkdtemp(join(tmpdir(), "shopfloor-version-"));
    const file = join(directory, "v.yaml");
    await writeFile(
      file,
      "suite: { name: v, version: 1.2, target: http }\nscenarios:\n  - { id: a, category: normal, title: t, steps: [ { request: { method: get, path: / } } ] }\n",
    );
    const suite = await loadSuite(file);
    await rm(directory, { recursive: true });
    expect(suite.header.version).toBe("1.2");
    expect(suite.scenarios[0]?.steps[0]).toEqual({
      request: { method: "GET", path: "/" },
      expect: [],
    });
  });

  it("rejects captures named like built-in variables, and contradictory header checks", async () => {
    const error = await rejectionOfText(
      "c.yaml",
      [
        "suite: { name: c, version: 1, target: http }",
        "scenarios:",
        "  - id: a",
        "    category: normal",
        "    title: t",
        "    steps:",
        "      - request: { method: GET, path: / }",
        "        expect:",
        "          - header: { name: x-powered-by, present: false, equals: Express }",
        "        capture: { trial: body }",
      ].join("\n"),
    );
    expect(problemLines(error)).toEqual([
      'c.yaml:9: field "scenarios[0].steps[0].expect[0].header.present": present: false cannot be combined with equals, contains or matches',
      'c.yaml:10: field "scenarios[0].steps[0].capture.trial": "scenario" and "trial" are built-in template variables; choose another capture name',
    ]);
  });
});
