/**
 * The scenario format: what people (and generators) write to describe how a piece of software must
 * behave. A suite is a header (name, version, target kind, defaults) and scenarios; each scenario is a
 * sequence of steps of the suite's kind (http requests, command-line runs, function calls), each step with
 * assertions. Strict: an unknown key is a typo, reported with its file, line and field.
 */
import { z } from "zod";
import { ScenarioCategory } from "./scenario-category.js";

export const targetKinds = ["http", "cli", "function"] as const;
export const TargetKind = z.enum(targetKinds);
export type TargetKind = z.infer<typeof TargetKind>;

const Milliseconds = z.int().positive();
const StringMap = z.record(z.string(), z.string());

/** `201`, `[200, 201]` or a class such as `"4xx"`. */
export const StatusExpectation = z.union([
  z.int().min(100).max(599),
  z.array(z.int().min(100).max(599)).min(1),
  z.string().regex(/^[1-5]xx$/, 'a status class is written like "2xx" or "4xx"'),
]);

/** With none of equals/contains/matches/present, the header must be present. */
export const HeaderExpectation = z
  .strictObject({
    name: z.string().min(1),
    equals: z.string().optional(),
    contains: z.string().optional(),
    matches: z.string().optional(),
    present: z.boolean().optional(),
  })
  .refine(
    (header) =>
      header.present !== false ||
      (header.equals === undefined &&
        header.contains === undefined &&
        header.matches === undefined),
    {
      message: "present: false cannot be combined with equals, contains or matches",
      path: ["present"],
    },
  );

export const ThrowsExpectation = z.strictObject({
  name: z.string().optional(),
  /** A regular expression the error message must match. */
  message: z.string().optional(),
});

/**
 * One assertion: an object with exactly one key. Text assertions (`matches`, `contains`) apply to the
 * response body of an http step, the stdout of a cli step, and the JSON of a function's return value.
 */
export const Assertion = z.union([
  z.strictObject({ status: StatusExpectation }),
  z.strictObject({ header: HeaderExpectation }),
  /** Deep equality with the JSON body (http) or the return value (function). */
  z.strictObject({ json: z.unknown() }),
  /**
   * Every key given must be present and match (recursively); other keys may exist. Arrays must have the same
   * length and match element by element, each element as a subset.
   */
  z.strictObject({ jsonSubset: z.unknown() }),
  z.strictObject({ jsonSchema: z.record(z.string(), z.unknown()) }),
  z.strictObject({ matches: z.string() }),
  z.strictObject({ contains: z.string() }),
  z.strictObject({ notContains: z.string() }),
  z.strictObject({ stdoutMatches: z.string() }),
  z.strictObject({ stdoutContains: z.string() }),
  z.strictObject({ stderrMatches: z.string() }),
  z.strictObject({ stderrContains: z.string() }),
  z.strictObject({ exitCode: z.int().min(0).max(255) }),
  z.strictObject({ latencyUnderMs: Milliseconds }),
  z.strictObject({ throws: z.union([z.literal(true), ThrowsExpectation]) }),
  /** A safe expression over the observation, e.g. `status == 200 and body.items.length > 0`. */
  z.strictObject({ expression: z.string().min(1) }),
  /** A JS module, relative to the suite, whose default export gets the observation and returns true or a reason. */
  z.strictObject({ predicate: z.string().min(1) }),
  /** A natural-language expectation a language model judges the response against ("satisfaction"). */
  z.strictObject({ llmJudge: z.string().min(1) }),
]);
export type Assertion = z.infer<typeof Assertion>;

/** Template variables the runner provides itself; a capture of the same name would hide them. */
export const reservedCaptureNames: readonly string[] = ["scenario", "trial"];

/** Values captured from a step for later steps: a name → a path such as `body.id` or `header.location`. */
const Capture = z.record(
  z
    .string()
    .regex(/^[A-Za-z_][\w]*$/, "a capture name is a word")
    .refine((name) => !reservedCaptureNames.includes(name), {
      message: `"scenario" and "trial" are built-in template variables; choose another capture name`,
    }),
  z.string().min(1),
);

export const HttpRequest = z
  .strictObject({
    method: z
      .string()
      .transform((method) => method.toUpperCase())
      .pipe(z.enum(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])),
    path: z.string().min(1),
    headers: StringMap.optional(),
    query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    json: z.unknown().optional(),
    body: z.string().optional(),
  })
  .refine((request) => request.json === undefined || request.body === undefined, {
    message: "a request has either json or body, not both",
    path: ["body"],
  });
export type HttpRequest = z.infer<typeof HttpRequest>;

export const HttpStep = z.strictObject({
  request: HttpRequest,
  expect: z.array(Assertion).default([]),
  capture: Capture.optional(),
});
export type HttpStep = z.infer<typeof HttpStep>;

export const CliRun = z.strictObject({
  /** The program and its leading arguments; defaults to the suite's `defaults.command`. */
  command: z.array(z.string()).min(1).optional(),
  args: z.array(z.string()).default([]),
  stdin: z.string().optional(),
  env: StringMap.optional(),
  /** Relative to the suite's working directory. */
  cwd: z.string().optional(),
});

export const CliStep = z.strictObject({
  run: CliRun,
  expect: z.array(Assertion).default([]),
  capture: Capture.optional(),
});
export type CliStep = z.infer<typeof CliStep>;

export const FunctionCall = z.strictObject({
  /** Path of the module, relative to the suite; defaults to the suite's `defaults.module`. */
  module: z.string().min(1).optional(),
  export: z.string().min(1),
  args: z.array(z.unknown()).default([]),
});

export const FunctionStep = z.strictObject({
  call: FunctionCall,
  expect: z.array(Assertion).default([]),
  capture: Capture.optional(),
});
export type FunctionStep = z.infer<typeof FunctionStep>;

export const Step = z.union([HttpStep, CliStep, FunctionStep]);
export type Step = z.infer<typeof Step>;

export const Scenario = z.strictObject({
  id: z.string().regex(/^[\w.\-/]+$/, "an id is letters, digits, '.', '-', '_' and '/'"),
  category: ScenarioCategory,
  title: z.string().min(1),
  tags: z.array(z.string()).default([]),
  /** How many trials of this scenario to run; repeats measure flakiness. */
  repeat: z.int().positive().optional(),
  timeoutMs: Milliseconds.optional(),
  /** The built-in robustness checks; on by default for edge and malicious scenarios. */
  robustness: z.boolean().optional(),
  /** The acceptance criteria of the spec this scenario shows, by id (`AC1`). */
  covers: z.array(z.string().min(1)).optional(),
  steps: z.array(Step).min(1),
});
export type Scenario = z.infer<typeof Scenario>;

export const SuiteDefaults = z.strictObject({
  timeoutMs: Milliseconds.default(10_000),
  repeat: z.int().positive().default(1),
  /** http: headers sent with every request. */
  headers: StringMap.default({}),
  /** cli: the program under test, e.g. ["node", "cli.js"]. */
  command: z.array(z.string()).min(1).optional(),
  /** function: the module under test, relative to the suite. */
  module: z.string().min(1).optional(),
});
export type SuiteDefaults = z.infer<typeof SuiteDefaults>;

/** An acceptance criterion of the spec a suite was generated from. */
export const SuiteCriterion = z.strictObject({ id: z.string().min(1), text: z.string().min(1) });
export type SuiteCriterion = z.infer<typeof SuiteCriterion>;

/** How a generated suite was made, so that it can be made again and its evidence traced. */
export const SuiteProvenance = z.strictObject({
  spec: z.strictObject({ name: z.string().min(1), hash: z.string().min(1) }),
  seed: z.int(),
  /** Requested scenarios per category. */
  counts: z.strictObject({
    normal: z.int().nonnegative(),
    edge: z.int().nonnegative(),
    malicious: z.int().nonnegative(),
  }),
  /** `offline`, and `llm:<provider>/<model>` when a model added scenarios. */
  generators: z.array(z.string().min(1)).min(1),
  /** What the LLM proposed and what became of it: never trusted, always validated. */
  llm: z
    .strictObject({
      proposed: z.int().nonnegative(),
      accepted: z.int().nonnegative(),
      repaired: z.int().nonnegative(),
      dropped: z.int().nonnegative(),
    })
    .optional(),
});
export type SuiteProvenance = z.infer<typeof SuiteProvenance>;

export const SuiteHeader = z.strictObject({
  name: z.string().min(1),
  // YAML reads `version: 1.2` as a number, so numbers are accepted; quote it to keep "1.10" as written.
  version: z.union([z.string().min(1), z.number().nonnegative()]).transform(String),
  target: TargetKind,
  description: z.string().optional(),
  defaults: SuiteDefaults.default({ timeoutMs: 10_000, repeat: 1, headers: {} }),
  /** The spec's acceptance criteria; scenarios say which they cover. */
  criteria: z.array(SuiteCriterion).optional(),
  generated: SuiteProvenance.optional(),
});
export type SuiteHeader = z.infer<typeof SuiteHeader>;

export interface Suite {
  header: SuiteHeader;
  scenarios: Scenario[];
  /** The folder relative paths in the suite resolve against (modules, predicates, cwd). */
  folder: string;
}
