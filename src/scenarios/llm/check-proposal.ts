/**
 * A model's proposed scenario is never trusted: it gets an id, its `covers` lose the ids that are not the
 * spec's criteria, and it is validated by the same strict per-kind schema as a hand-written scenario.
 * Beyond the schema, a proposal may not choose what runs (its own command, working directory or module),
 * load code (`predicate`), send a request off the service (`//host/…`) or repeat a title.
 */
import { z } from "zod";
import { fieldPath } from "../../contracts/invalid-input.js";
import type { Scenario, SuiteHeader } from "../../contracts/scenario.js";
import { knownKeysIn } from "../known-keys.js";
import { scenarioSchemaFor } from "../scenario-schema.js";
import { parseMessages, problemsFromIssues } from "../zod-problems.js";
import { scenarioIdBase } from "./scenario-id.js";

/** What the provider is asked for: loose enough for every structured-output mode. */
export const ProposedScenarios = z.object({
  scenarios: z.array(
    z.object({
      category: z.enum(["normal", "edge", "malicious"]),
      title: z.string().describe("what the scenario shows, in one sentence"),
      covers: z.array(z.string()).describe("ids of the acceptance criteria it shows, e.g. AC1"),
      steps: z.array(z.record(z.string(), z.unknown())).describe("steps in the format given"),
    }),
  ),
});

export type ProposalCheck =
  | { valid: true; scenario: Scenario; removedCovers: string[] }
  | { valid: false; problems: string[] };

export interface ProposalContext {
  header: SuiteHeader;
  /** The ids of the spec's acceptance criteria. */
  criteria: ReadonlySet<string>;
  /** Lower-cased titles already in the suite or accepted in this run. */
  takenTitles: ReadonlySet<string>;
}

const AnyObject = z.record(z.string(), z.unknown());

export function checkProposal(raw: unknown, context: ProposalContext): ProposalCheck {
  const fields = AnyObject.safeParse(raw).data;
  if (fields === undefined) return { valid: false, problems: ["a scenario is a JSON object"] };
  const category = typeof fields.category === "string" ? fields.category : "";
  const title = typeof fields.title === "string" ? fields.title.trim() : "";
  const proposedCovers = Array.isArray(fields.covers) ? fields.covers : [];
  const covers = proposedCovers.filter(
    (id): id is string => typeof id === "string" && context.criteria.has(id),
  );
  const removedCovers = proposedCovers
    .filter((id) => !covers.includes(id as string))
    .map((id) => String(id));
  const candidate = {
    id: scenarioIdBase(category, title),
    category: fields.category,
    title,
    tags: ["llm"],
    ...(covers.length > 0 ? { covers: [...new Set(covers)] } : {}),
    steps: fields.steps,
  };
  const problems = [...trustProblems(candidate.steps), ...titleProblems(title, context)];
  const parsed = scenarioSchemaFor(context.header).safeParse(candidate, { error: parseMessages });
  if (!parsed.success) {
    // Located as in a suite file, for the loader's "did you mean", then shown from the scenario down.
    const knownKeys = knownKeysIn([], context.header.target);
    const located = problemsFromIssues(parsed.error.issues, knownKeys, ["scenarios", 0]);
    problems.push(
      ...located.map((problem) => `${fieldPath(problem.path.slice(2))}: ${problem.message}`),
    );
  }
  if (problems.length > 0 || !parsed.success) return { valid: false, problems };
  return { valid: true, scenario: parsed.data, removedCovers };
}

function titleProblems(title: string, context: ProposalContext): string[] {
  if (title === "") return [];
  if (!context.takenTitles.has(title.toLowerCase())) return [];
  return [
    `title: "${title}" is the title of a scenario already written; write a different scenario`,
  ];
}

/** What a hand-written suite may do and a model's may not. */
function trustProblems(steps: unknown): string[] {
  if (!Array.isArray(steps)) return [];
  const problems: string[] = [];
  steps.forEach((step, index) => {
    const fields = AnyObject.safeParse(step).data;
    if (fields === undefined) return;
    const at = `steps[${index}]`;
    const run = AnyObject.safeParse(fields.run).data;
    for (const key of ["command", "cwd"]) {
      if (run?.[key] !== undefined)
        problems.push(
          `${at}.run.${key}: leave it out; steps run the suite's command in its folder`,
        );
    }
    if (AnyObject.safeParse(fields.call).data?.module !== undefined) {
      problems.push(`${at}.call.module: leave it out; steps call the suite's module`);
    }
    const path = AnyObject.safeParse(fields.request).data?.path;
    if (typeof path === "string" && path.startsWith("//")) {
      problems.push(
        `${at}.request.path: a path starts with a single "/"; requests stay on the service`,
      );
    }
    if (Array.isArray(fields.expect) && fields.expect.some((item) => hasKey(item, "predicate"))) {
      problems.push(
        `${at}.expect: "predicate" loads a module of the suite; use "expression" instead`,
      );
    }
  });
  return problems;
}

function hasKey(value: unknown, key: string): boolean {
  return typeof value === "object" && value !== null && Object.hasOwn(value, key);
}

/**
 * The scenarios of an answer the SDK could not read as a whole (one bad field fails all of them): the
 * JSON, without a Markdown fence, when it holds a list of scenarios. Each is then checked on its own.
 */
export function salvageProposals(text: string | undefined): unknown[] | undefined {
  if (text === undefined) return undefined;
  const unfenced = text.trim().replace(/^```(?:json)?\s*\n?([\s\S]*?)\n?```$/, "$1");
  let value: unknown;
  try {
    value = JSON.parse(unfenced);
  } catch {
    return undefined;
  }
  if (Array.isArray(value)) return value;
  const scenarios = AnyObject.safeParse(value).data?.scenarios;
  return Array.isArray(scenarios) ? scenarios : undefined;
}
