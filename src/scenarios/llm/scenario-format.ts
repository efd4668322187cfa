/**
 * What a model is told about the scenario format of one kind of suite: the shape of a step, the
 * assertions it may use, templates and captures, one valid example, and the conventions of
 * docs/spec-conventions.md that every generated test relies on. Concise on purpose: every line is paid
 * for in input tokens on every call.
 */
import type { SuiteHeader, TargetKind } from "../../contracts/scenario.js";
import { viewNames } from "../observation-view.js";

const stepShapes: Record<TargetKind, (header: SuiteHeader) => string[]> = {
  http: (header) => [
    'A step: {"request": {"method": "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS", "path": "/todos/7",',
    '"headers"?: {"name": "value"}, "query"?: {"page": 1}, "json"?: <a JSON body> or "body"?: "<raw text>"},',
    '"expect": [assertions], "capture"?: {"name": "path"}}. Paths are relative to the service under test.',
    ...(Object.keys(header.defaults.headers).length > 0
      ? [`Every request also sends ${JSON.stringify(header.defaults.headers)}.`]
      : []),
    "Assertions, each an object with one key:",
    '{"status": 201} or {"status": [200, 204]} or {"status": "4xx"};',
    '{"header": {"name": "content-type", "contains": "json"}} (or "equals", "matches", "present": false);',
    '{"json": <the exact body>}; {"jsonSubset": <keys that must match>}; {"jsonSchema": <a JSON Schema>};',
    '{"contains": "text"}, {"notContains": "text"}, {"matches": "regex"} on the body text;',
  ],
  cli: (header) => [
    'A step: {"run": {"args": ["--name", "Ada"], "stdin"?: "text", "env"?: {"NAME": "value"}},',
    '"expect": [assertions], "capture"?: {"name": "path"}}.',
    `The program is always the suite's command ${JSON.stringify(header.defaults.command ?? [])}: give only its arguments.`,
    "Assertions, each an object with one key:",
    '{"exitCode": 0}; {"stdoutContains": "text"}, {"stdoutMatches": "regex"};',
    '{"stderrContains": "text"}, {"stderrMatches": "regex"};',
    '{"contains": "text"}, {"notContains": "text"}, {"matches": "regex"} on stdout;',
  ],
  function: (header) => [
    'A step: {"call": {"export": "add", "args": [2, 3]}, "expect": [assertions], "capture"?: {"name": "path"}}.',
    `The module is always the suite's module ${JSON.stringify(header.defaults.module ?? "")}: give the export and its arguments as JSON values.`,
    "Assertions, each an object with one key:",
    '{"json": <the exact return value>}; {"jsonSubset": <keys that must match>}; {"jsonSchema": <a JSON Schema>};',
    '{"throws": true} or {"throws": {"name": "RangeError", "message": "regex"}} when the call must throw;',
    '{"contains": "text"}, {"notContains": "text"}, {"matches": "regex"} on the return value as JSON;',
  ],
};

const examples: Record<TargetKind, unknown> = {
  http: {
    category: "normal",
    title: "A created item can be read back by its id",
    covers: ["AC1"],
    steps: [
      {
        request: { method: "POST", path: "/items", json: { name: "Item {{ trial.unique }}" } },
        expect: [{ status: 201 }, { jsonSubset: { name: "Item {{ trial.unique }}" } }],
        capture: { created: "body.id" },
      },
      {
        request: { method: "GET", path: "/items/{{ created }}" },
        expect: [{ status: 200 }, { expression: "body.id == {{ created }}" }],
      },
    ],
  },
  cli: {
    category: "edge",
    title: "An unknown option is a usage error",
    covers: ["AC2"],
    steps: [
      {
        run: { args: ["--colour", "red"] },
        expect: [{ exitCode: 2 }, { stderrMatches: "colour" }, { matches: "^$" }],
      },
    ],
  },
  function: {
    category: "edge",
    title: "A negative amount is refused",
    covers: ["AC3"],
    steps: [
      {
        call: { export: "withdraw", args: [-5] },
        expect: [{ throws: { name: "RangeError" } }],
      },
    ],
  },
};

const conventions: Record<TargetKind, string[]> = {
  http: [
    "Every response body is JSON except 204. POST creates (201, the stored record with its id and defaults);",
    "GET {path}/{id} reads (200, or notFound); GET {path}?page=&limit= lists ({items, page, limit, total}, in",
    "creation order); PATCH updates some fields (200, the whole record); DELETE answers 204, then the id is",
    "notFound. Validation errors (wrong JSON type, missing required field, out of range, unknown or read-only",
    "field, bad page/limit) answer the validation status and change nothing; a duplicate unique value answers",
    "conflict. Error bodies are JSON objects whose message field says what was wrong, never a stack trace or",
    "an internal path. A body over the size limit answers 413. No input, however hostile, gets a 5xx or",
    "changes another record; text is stored and returned exactly as sent.",
  ],
  cli: [
    "Options are --name value or --name=value; a boolean option is a flag; -- ends the options. A valid",
    "command line exits 0 and prints its result on stdout; --help exits 0 with the usage on stdout. A bad",
    "command line (unknown option, missing or invalid argument, too many arguments) exits the usage code",
    "(default 2) with a one-line message on stderr and nothing on stdout. A valid command whose work fails",
    "exits the failure code (default 1). No input is run by a shell or crashes the program.",
  ],
  function: [
    "Each function is called with its parameters in order. A valid call returns a value that satisfies its",
    "returns; an invalid argument (wrong type, outside its constraints, missing when required) throws an",
    "error whose name is the function's throws (default Error). No call throws anything else, hangs, or",
    "changes the behaviour of a later call (prototype pollution included).",
  ],
};

/** The format of a scenario of the suite's kind, with one valid example. */
export function scenarioFormat(header: SuiteHeader): string {
  const kind = header.target;
  return [
    'A scenario: {"category": "normal" | "edge" | "malicious", "title": "what it shows, one sentence",',
    '"covers": ["AC1"], "steps": [step, ...]}. Steps run in order; the first failing step ends the trial.',
    ...stepShapes[kind](header),
    `{"expression": "…"} over ${viewNames[kind].join(", ")} (filtrex syntax: == != < > and or not, ~= for a`,
    'regex match, exists(x), strings in double quotes), e.g. "exitCode == 0" or "body.total == 2";',
    '{"latencyUnderMs": 2000}; {"llmJudge": "a natural-language expectation"}, only when nothing exact fits.',
    `Captures read ${viewNames[kind].join(", ")}: {"created": "${capturePath[kind]}"}; later steps use {{ created }}.`,
    "Templates: {{ name }} is replaced by a capture of an earlier step or a built-in: {{ trial.unique }}",
    "(distinct per trial: use it for values that must not collide, such as unique fields), {{ trial.token }}",
    "(10 lower-case letters and digits), {{ trial.attempt }}, {{ scenario.id }}. Any other name makes the",
    'scenario invalid. To send a literal "{{" (a template-injection probe, say) write \\{{, in JSON "\\\\{{".',
    "An example (its names are made up; use the spec's):",
    JSON.stringify(examples[kind]),
  ].join("\n");
}

const capturePath: Record<TargetKind, string> = {
  http: "body.id",
  cli: "stdout",
  function: "returned.id",
};

/** What the built software promises, whatever the spec says besides: the tests may rely on it. */
export function conventionsFor(kind: TargetKind): string {
  return conventions[kind].join("\n");
}

/** The example shown for a kind, for tests that check it is itself a valid scenario. */
export function exampleScenario(kind: TargetKind): unknown {
  return examples[kind];
}
