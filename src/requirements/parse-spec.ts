/**
 * Reading a spec: Markdown with front matter, prose, acceptance criteria and an optional model (a
 * ```yaml model block, an OpenAPI document, or both). Every problem is collected before anything is
 * thrown, each with its line in the Markdown file and its field (`model.entities.todo.fields.title`).
 * The format is documented in docs/specs.md.
 */
import { createHash } from "node:crypto";
import { type InputProblem, InvalidInputError } from "../contracts/invalid-input.js";
import type { HttpServiceModel, Spec, SpecModel } from "../contracts/spec.js";
import { readCriteria } from "./criteria.js";
import { readFrontMatter } from "./front-matter.js";
import { parseMarkdown } from "./markdown-tree.js";
import { readModelBlock } from "./model-block.js";
import { checkModel } from "./model-checks.js";
import { importOpenApi, type OpenApiImport, type ReadRelative } from "./openapi-import.js";
import type { BlockPlace } from "./schema-problems.js";
import { outlineSpec } from "./spec-outline.js";

export interface ParseSpecOptions {
  /** Reads a file next to the spec (the OpenAPI document); absent → openapi refs are an error. */
  readRelative?: ReadRelative;
}

export async function parseSpec(
  text: string,
  source: string,
  options: ParseSpecOptions = {},
): Promise<Spec> {
  const outline = outlineSpec(parseMarkdown(text));
  const front = readFrontMatter(outline.frontMatter);
  const { criteria, problems: criteriaProblems } = readCriteria(outline.criterionItems);
  const problems: InputProblem[] = [...outline.problems, ...front.problems, ...criteriaProblems];
  const kind = front.frontMatter?.kind;

  const block = outline.modelFence ? readModelBlock(outline.modelFence, kind) : undefined;
  problems.push(...(block?.problems ?? []));

  let imported: OpenApiImport | undefined;
  const openapi = front.frontMatter?.openapi;
  const openapiLine = front.place.lineOf(["openapi"]);
  if (openapi !== undefined && kind !== "http-service") {
    problems.push({
      line: openapiLine,
      field: "frontMatter.openapi",
      message: `an OpenAPI document describes an http-service; this spec's kind is ${kind}`,
    });
  } else if (openapi !== undefined) {
    imported = await importOpenApi(openapi, options.readRelative, openapiLine);
    problems.push(...imported.problems);
  }

  const model = combineModels(block?.model, block?.written, imported?.model);
  // A block that breaks its schema is still checked across, on its valid parts.
  const checked = model ?? block?.lenient;
  if (checked !== undefined) {
    const fromOpenApi = new Set(
      imported?.model === undefined ? [] : Object.keys(imported.model.entities),
    );
    const blockEntities = new Set(Object.keys(asRecord(block?.written?.entities)));
    const place: BlockPlace = {
      prefix: ["model"],
      lineOf: (path) => {
        const entity = path[0] === "entities" ? String(path[1]) : undefined;
        const openApiEntity =
          entity !== undefined && fromOpenApi.has(entity) && !blockEntities.has(entity);
        if (block === undefined || openApiEntity) return openapiLine;
        return block.place.lineOf(path);
      },
    };
    const ids = criteria.map((criterion) => criterion.id);
    problems.push(...checkModel(checked, ids, place));
  }

  if (problems.length > 0 || front.frontMatter === undefined)
    throw new InvalidInputError(source, sortedByLine(problems));
  const hashed = imported?.text === undefined ? text : `${text}\n${imported.text}`;
  return {
    source,
    hash: createHash("sha256").update(hashed).digest("hex"),
    frontMatter: front.frontMatter,
    title: outline.title ?? front.frontMatter.name,
    prose: outline.prose,
    criteria,
    ...(model === undefined ? {} : { model }),
    ...modelLine(block?.line ?? (imported?.model ? openapiLine : undefined)),
  };
}

/**
 * The block's model with the OpenAPI document's entities added: the block wins for the entities it
 * defines and for `errors` and `http` when it writes them.
 */
function combineModels(
  block: SpecModel | undefined,
  written: Record<string, unknown> | undefined,
  openApi: HttpServiceModel | undefined,
): SpecModel | undefined {
  if (openApi === undefined) return block;
  if (block === undefined)
    return written === undefined ? { kind: "http-service", model: openApi } : undefined;
  if (block.kind !== "http-service") return block;
  const own = block.model;
  return {
    kind: "http-service",
    model: {
      entities: { ...own.entities, ...withoutKeys(openApi.entities, Object.keys(own.entities)) },
      errors: written?.errors === undefined ? openApi.errors : own.errors,
      http: written?.http === undefined ? openApi.http : own.http,
      examples: own.examples,
    },
  };
}

function withoutKeys<Value>(
  record: Record<string, Value>,
  keys: readonly string[],
): Record<string, Value> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function modelLine(line: number | undefined): { modelLine?: number } {
  return line === undefined ? {} : { modelLine: line };
}

/** By line, problems without a line last; the order found within a line. */
function sortedByLine(problems: readonly InputProblem[]): InputProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (left, right) =>
        (left.problem.line ?? Number.POSITIVE_INFINITY) -
          (right.problem.line ?? Number.POSITIVE_INFINITY) || left.index - right.index,
    )
    .map(({ problem }) => problem);
}
