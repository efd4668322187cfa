/**
 * The `missing-error-behaviour` rule: what the software does when an operation fails is the part a
 * builder most often guesses. For an http-service model, each operation and action of each entity needs
 * a criterion or a prose paragraph that names a refusal, an error or a 4xx for it; a cli (or a library)
 * needs a criterion about bad input. A spec without a model needs error behaviour somewhere.
 */
import type { LintFinding } from "../../contracts/lint.js";
import type {
  CrudOperation,
  EntityDefinition,
  HttpServiceModel,
  Spec,
} from "../../contracts/spec.js";
import { spokenNames } from "./model-fields.js";
import type { SpecText } from "./spec-text.js";

const errorWords =
  /(?<![\w-])(?:refus\w*|reject\w*|errors?|invalid|4\d\d|4xx|not\s+found|conflicts?|fails?|failure|denied|forbidden|unauthori[sz]ed|bad\s+request|too\s+(?:long|large|many|big))(?![\w-])/i;
const notFoundWords =
  /(?<![\w-])(?:404|not\s+found|no\s+such|does\s+not\s+exist|unknown\s+id|that\s+no\s+\w+\s+has)(?![\w-])/i;
/** Outcomes that read like operations ("nothing changes") are not about updating. */
const outcomePhrases =
  /(?<![\w-])(?:nothing\s+changes|changes?\s+nothing|does\s+not\s+change|no\s+change|is\s+unchanged)(?![\w-])/gi;
const operationWords: Record<CrudOperation, RegExp> = {
  create: /(?<![\w-])(?:creat\w*|add\w*|post|new|insert\w*|register\w*|submit\w*)(?![\w-])/i,
  read: /(?<![\w-])(?:read\w*|get|fetch\w*|retriev\w*|look\w*\s+up|view\w*)(?![\w-])/i,
  update:
    /(?<![\w-])(?:updat\w*|patch\w*|chang\w*|edit\w*|modif\w*|put|renam\w*|replac\w*)(?![\w-])/i,
  delete: /(?<![\w-])(?:delet\w*|remov\w*|destroy\w*)(?![\w-])/i,
  list: /(?<![\w-])(?:list\w*|pages?|paged|limits?|paginat\w*|search\w*|filter\w*)(?![\w-])/i,
};
const genericAction = /(?<![\w-])actions?(?![\w-])/i;
const badInputWords =
  /(?<![\w-])(?:bad|invalid|unknown|missing|wrong|malformed|unsupported|illegal|usage|non-?zero|refus\w*|reject\w*|errors?|throws?|exits?\s+(?:with\s+)?(?:code\s+)?[1-9]\d*)(?![\w-])/i;

export function missingErrorBehaviour(spec: Spec, text: SpecText): LintFinding[] {
  const blocks = [...spec.prose.map((block) => block.text), ...spec.criteria.map((c) => c.text)];
  const model = spec.model;
  if (model === undefined) {
    if (blocks.some((block) => errorWords.test(block) || badInputWords.test(block))) return [];
    return [
      finding(
        1,
        "",
        "nothing in the spec says what happens on bad input or when an operation fails",
      ),
    ];
  }
  if (model.kind === "http-service") return httpFindings(model.model, blocks, text);
  const criteria = spec.criteria.map((criterion) => criterion.text);
  if (criteria.some((criterion) => badInputWords.test(criterion))) return [];
  const cli = model.kind === "cli";
  return [
    finding(
      spec.modelLine ?? 1,
      "",
      `no acceptance criterion says what ${cli ? "a bad command line" : "an invalid argument"} does`,
      cli
        ? "add a criterion: e.g. 'an unknown option exits 2 with a one-line message on stderr and nothing on stdout'"
        : "add a criterion: e.g. 'an empty title throws a ValidationError'",
    ),
  ];
}

function httpFindings(model: HttpServiceModel, blocks: readonly string[], text: SpecText) {
  const entities = Object.entries(model.entities);
  const failing = blocks
    .filter((block) => errorWords.test(block))
    .map((block) => block.replace(outcomePhrases, " "));
  const findings: LintFinding[] = [];
  for (const [name, entity] of entities) {
    const about =
      entities.length === 1 ? failing : failing.filter((block) => mentions(block, name, entity));
    const stems = Object.keys(entity.actions).map(actionStem);
    const covered = coveredOperations(about, entity, stems);
    const missing = entity.operations.filter((operation) => !covered.has(operation));
    if (missing.length > 0) {
      findings.push(
        finding(
          text.modelLineOf([name]),
          name,
          `nothing says how ${listed(missing)} of ${name} fail: no criterion or prose names a refusal, an error or a 4xx for them`,
        ),
      );
    }
    for (const [actionName, action] of Object.entries(entity.actions)) {
      const onlyNotFound = Object.keys(action.input).length === 0 && action.requires.length === 0;
      const stem = actionStem(actionName);
      const named = about.some((block) => stem.test(block) || genericAction.test(block));
      if (named || (onlyNotFound && about.some((block) => notFoundWords.test(block)))) continue;
      findings.push(
        finding(
          text.modelLineOf([name, "actions", actionName]),
          actionName,
          `nothing says how the action ${actionName} of ${name} fails: no criterion or prose names a refusal, an error or a 4xx for it`,
        ),
      );
    }
  }
  return findings;
}

/** `reserve` → reserve, reserves, reserving, reservation. */
function actionStem(actionName: string): RegExp {
  return new RegExp(`(?<![\\w-])${actionName.replace(/e$/, "")}\\w*`, "i");
}

function coveredOperations(
  blocks: readonly string[],
  entity: EntityDefinition,
  actionStems: readonly RegExp[],
): Set<CrudOperation> {
  const covered = new Set<CrudOperation>();
  for (const block of blocks) {
    const named = entity.operations.filter((operation) => operationWords[operation].test(block));
    for (const operation of named) covered.add(operation);
    const aboutActions = genericAction.test(block) || actionStems.some((stem) => stem.test(block));
    if (named.length > 0 || aboutActions) continue;
    // A refusal that names no operation is about what a client sends: creating and updating.
    covered.add("create");
    covered.add("update");
    if (notFoundWords.test(block)) {
      covered.add("read");
      covered.add("delete");
    }
  }
  return covered;
}

function mentions(block: string, name: string, entity: EntityDefinition): boolean {
  const names = spokenNames(name).flatMap((spoken) => [spoken, `${spoken}s`, `${spoken}es`]);
  if (entity.path !== undefined) names.push(entity.path.split("/").at(-1) ?? name);
  const lower = block.toLowerCase();
  return names.some((candidate) => new RegExp(`(?<![\\w-])${candidate}(?![\\w-])`).test(lower));
}

function listed(operations: readonly string[]): string {
  if (operations.length === 1) return operations[0] ?? "";
  return `${operations.slice(0, -1).join(", ")} and ${operations.at(-1)}`;
}

const httpSuggestion =
  "add a criterion for the failure: e.g. 'an id that no todo has answers 404' or 'a title over 200 characters is refused with 400 and nothing is stored'";

function finding(
  line: number,
  text: string,
  message: string,
  suggestion = httpSuggestion,
): LintFinding {
  return { rule: "missing-error-behaviour", severity: "warning", line, text, message, suggestion };
}
