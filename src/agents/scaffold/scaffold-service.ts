/**
 * The whole scaffolded service for a spec's http-service model, as files: the TypeScript sources, their
 * compiled JavaScript in `dist/` (written with `transpileModule`, so the build runs with
 * `node dist/server.js` and no install), the OpenAPI document, the README, package.json and
 * tsconfig.json. The same spec always gives the same files, byte for byte.
 */
import ts from "typescript";
import { ShopfloorError } from "../../contracts/errors.js";
import type { Spec } from "../../contracts/spec.js";
import { renderActions } from "./render-actions.js";
import { renderOpenApi } from "./render-openapi.js";
import { renderPackageJson, renderTsconfig, transpileOptions } from "./render-project.js";
import { renderReadme } from "./render-readme.js";
import { renderServer } from "./render-server.js";
import { renderStore } from "./render-store.js";
import { renderValidation } from "./render-validation.js";
import { planService } from "./service-plan.js";

export interface ScaffoldedFile {
  /** Relative to the service's folder, with `/`. */
  path: string;
  content: string;
}

/** Why the scaffold cannot build this spec, or undefined when it can. */
export function scaffoldRefusal(spec: Spec): string | undefined {
  const kind = spec.frontMatter.kind;
  if (kind !== "http-service") {
    return `the spec is a ${kind}; the scaffold builds http services from a structured model, and cannot know what a ${kind === "cli" ? "command" : "function"} is meant to compute`;
  }
  if (spec.model?.kind !== "http-service") {
    return "the spec has no structured model (a ```yaml model block or an OpenAPI document); the scaffold builds only what a model declares";
  }
  return undefined;
}

export function scaffoldService(spec: Spec): ScaffoldedFile[] {
  const refusal = scaffoldRefusal(spec);
  if (refusal !== undefined || spec.model?.kind !== "http-service") {
    throw new ShopfloorError("invalid-input", refusal ?? "no http-service model", {
      path: spec.source,
    });
  }
  const plan = planService(spec, spec.model.model);
  const actions = renderActions(plan);
  const sources: ScaffoldedFile[] = [
    { path: "src/server.ts", content: renderServer(plan) },
    { path: "src/validation.ts", content: renderValidation(plan) },
    { path: "src/store.ts", content: renderStore(plan) },
    ...(actions === undefined ? [] : [{ path: "src/actions.ts", content: actions }]),
  ];
  return [
    ...sources,
    ...sources.map(compile),
    { path: "openapi.json", content: renderOpenApi(plan) },
    { path: "README.md", content: renderReadme(plan) },
    { path: "package.json", content: renderPackageJson(plan) },
    { path: "tsconfig.json", content: renderTsconfig() },
  ];
}

/** `src/server.ts` → `dist/server.js`; a source that does not parse is the scaffold's own bug. */
export function compile(source: ScaffoldedFile): ScaffoldedFile {
  const output = ts.transpileModule(source.content, {
    fileName: source.path,
    compilerOptions: transpileOptions,
    reportDiagnostics: true,
  });
  const [problem] = output.diagnostics ?? [];
  if (problem !== undefined) {
    const message = ts.flattenDiagnosticMessageText(problem.messageText, "\n");
    throw new ShopfloorError("internal", `the scaffold wrote ${source.path} wrong: ${message}`);
  }
  const path = source.path.replace(/^src\//, "dist/").replace(/\.ts$/, ".js");
  return { path, content: output.outputText };
}
