/**
 * The model written in the spec: the YAML of its ```yaml model fence, validated against the schema of the
 * front matter's kind. A model of another kind's shape (entities in a cli spec) is told as such rather
 * than as a list of unknown keys.
 */
import type { Code } from "mdast";
import type { z } from "zod";
import type { InputProblem } from "../contracts/invalid-input.js";
import {
  CliModel,
  HttpServiceModel,
  LibraryModel,
  type SpecKind,
  type SpecModel,
} from "../contracts/spec.js";
import { parseYamlDocument } from "../contracts/yaml-document.js";
import { lenientModel } from "./lenient-model.js";
import { startLine } from "./markdown-tree.js";
import { type BlockPlace, schemaMessages, schemaProblems } from "./schema-problems.js";

export interface ModelBlockReading {
  model?: SpecModel;
  /** When the block breaks its schema: its valid parts, for the checks across the model. */
  lenient?: SpecModel;
  /** The block's YAML as written (to tell which keys it sets itself). */
  written?: Record<string, unknown>;
  /** The line of the fence. */
  line: number;
  place: BlockPlace;
  problems: InputProblem[];
}

/** The top-level keys only one kind of model has, to recognise a model written for another kind. */
const telltaleKeys: Record<SpecKind, readonly string[]> = {
  "http-service": ["entities", "http"],
  cli: ["command", "commands", "arguments", "options"],
  library: ["module", "functions"],
};

const schemas = { "http-service": HttpServiceModel, cli: CliModel, library: LibraryModel };

export function readModelBlock(fence: Code, kind: SpecKind | undefined): ModelBlockReading {
  const line = startLine(fence);
  const document = parseYamlDocument(fence.value);
  if (!document.ok) {
    const problem = { line: line + document.line, field: "model", message: document.message };
    return { line, place: { prefix: ["model"], lineOf: () => line }, problems: [problem] };
  }
  const place: BlockPlace = {
    prefix: ["model"],
    lineOf: (path) => line + (document.lineOf(path) ?? 0),
  };
  const value = document.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const problem = { line, field: "model", message: "a model is a YAML mapping (key: value)" };
    return { line, place, problems: [problem] };
  }
  const written = value as Record<string, unknown>;
  // Without a valid kind there is no schema to check against; the front matter's problem says why.
  if (kind === undefined) return { written, line, place, problems: [] };
  const shapeKind = kindOfShape(written);
  if (shapeKind !== undefined && shapeKind !== kind) {
    const message = `this model is shaped for a ${shapeKind} spec (it has ${telltaleKeys[shapeKind].filter((key) => key in written).join(", ")}), but the spec's kind is ${kind}`;
    return { written, line, place, problems: [{ line, field: "model", message }] };
  }
  const parsed = (schemas[kind] as z.ZodType).safeParse(written, { error: schemaMessages });
  if (!parsed.success) {
    const problems = schemaProblems(parsed.error.issues, place);
    return { lenient: lenientModel(kind, written), written, line, place, problems };
  }
  return { model: { kind, model: parsed.data } as SpecModel, written, line, place, problems: [] };
}

function kindOfShape(value: Record<string, unknown>): SpecKind | undefined {
  const kinds = (Object.keys(telltaleKeys) as SpecKind[]).filter((kind) =>
    telltaleKeys[kind].some((key) => key in value),
  );
  return kinds.length === 1 ? kinds[0] : undefined;
}
