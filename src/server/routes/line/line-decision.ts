/**
 * A decision as the API receives it, turned into the line's DecisionRequest: who decided is the token's
 * name, and a clarified spec, which arrives as text, is written to `<home>/clarified-specs/` because the
 * line reads a clarified spec from a file (the new work item's spec path points there).
 */
import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "@hono/zod-openapi";
import type { DecisionRequest } from "../../../line/factory-line.js";
import type { DecisionBody } from "./line-schemas.js";

export interface ApiDecision {
  /** The exception's id or unique prefix, as in the path. */
  exception: string;
  body: z.infer<typeof DecisionBody>;
  /** The token's name. */
  by: string;
  now: Date;
}

export async function decisionRequest(
  home: string,
  decision: ApiDecision,
): Promise<DecisionRequest> {
  const { body } = decision;
  const request: DecisionRequest = {
    exception: decision.exception,
    action: body.action,
    reason: body.reason,
    by: decision.by,
    ...(body.profile === undefined ? {} : { profile: body.profile }),
    ...(body.dailyBudgetUsd === undefined ? {} : { dailyBudgetUsd: body.dailyBudgetUsd }),
  };
  if (body.action !== "clarify" || body.clarifiedSpec === undefined) return request;
  const folder = join(home, "clarified-specs");
  await mkdir(folder, { recursive: true });
  const stamp = decision.now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const safeException = decision.exception.replace(/[^A-Za-z0-9-]/g, "_").slice(0, 60);
  const path = join(folder, `${safeException}-${stamp}-${randomBytes(3).toString("hex")}.md`);
  await writeFile(path, body.clarifiedSpec);
  return { ...request, clarifiedSpecPath: path };
}

/** A decision the line refused leaves no clarified spec behind. */
export async function removeClarifiedSpec(request: DecisionRequest): Promise<void> {
  if (request.clarifiedSpecPath !== undefined) await rm(request.clarifiedSpecPath, { force: true });
}
