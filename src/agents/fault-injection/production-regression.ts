/**
 * The `production-regression` fault, injected only when a line-up names it: a bug that needs the
 * production environment and some uptime, for the monitor to catch. An http build's `scripts.start`
 * gets a preload (`node --require ./fault/production-regression.cjs …`) that, once a release's process
 * (SHOPFLOOR_RELEASE set: the deploy target sets it, trials never do) has been up 2 s, answers every
 * second request 500. The gate approves the build; the monitor must roll it back.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";
import type { ChangedSource } from "./changed-sources.js";
import type { AnyFaultCandidate } from "./fault-candidate.js";
import { lineOf } from "./source-syntax.js";

/** The preload's path in the worktree; `scripts.start` requires it relative to the worktree. */
export const productionRegressionModule = "fault/production-regression.cjs";

export const productionRegressionDescription =
  "fails every second request in production, 2 s after it starts (SHOPFLOOR_RELEASE set): " +
  "trials cannot see it";

/** Where the fault goes in a build: its package.json (the text to edit) and the edit. */
export interface ProductionRegressionSite {
  source: ChangedSource;
  candidate: AnyFaultCandidate;
}

/**
 * The fault for the worktree's package.json; undefined when the build is not an http service run by
 * node (no package.json, no `scripts.start`, a start command that does not begin with `node`).
 */
export async function findProductionRegression(
  worktree: string,
): Promise<ProductionRegressionSite | undefined> {
  const text = await readFile(join(worktree, "package.json"), "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  const candidate = productionRegressionCandidate(text);
  return candidate === undefined
    ? undefined
    : { source: { file: "package.json", text }, candidate };
}

/** The fault for a package.json's text: its `scripts.start` string preloads the fault module. */
export function productionRegressionCandidate(manifest: string): AnyFaultCandidate | undefined {
  const start = startScript(manifest);
  if (start === undefined) return undefined;
  const command = preloadedCommand(start.text);
  if (command === undefined) return undefined;
  return {
    kind: "production-regression",
    file: "package.json",
    line: start.line,
    description: productionRegressionDescription,
    edit: { start: start.start, end: start.end, text: JSON.stringify(command) },
    addedFiles: [{ file: productionRegressionModule, text: productionRegressionPreload }],
  };
}

/**
 * `node server.js` → `node --require ./fault/production-regression.cjs server.js`, keeping the rest of
 * the command (leading `exec` and variable assignments, node's own flags, the script and its
 * arguments); undefined when the command does not start with node or already preloads the fault.
 */
export function preloadedCommand(command: string): string | undefined {
  if (command.includes(productionRegressionModule)) return undefined;
  const node = /^\s*(?:exec\s+)?(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*node(?=\s|$)/.exec(command);
  if (node === null) return undefined;
  const at = node[0].length;
  return `${command.slice(0, at)} --require ./${productionRegressionModule}${command.slice(at)}`;
}

interface StartScript {
  text: string;
  /** Offsets of the JSON string, quotes included. */
  start: number;
  end: number;
  line: number;
}

/** The `scripts.start` string of a package.json (the last one, as JSON.parse reads duplicates). */
function startScript(manifest: string): StartScript | undefined {
  try {
    JSON.parse(manifest);
  } catch {
    return undefined;
  }
  const file = ts.parseJsonText("package.json", manifest);
  const scripts = lastProperty(file.statements[0]?.expression, "scripts");
  const start = lastProperty(scripts, "start");
  if (start === undefined || !ts.isStringLiteral(start) || start.text.trim() === "") {
    return undefined;
  }
  const position = start.getStart(file);
  return { text: start.text, start: position, end: start.getEnd(), line: lineOf(file, position) };
}

function lastProperty(object: ts.Node | undefined, name: string): ts.Expression | undefined {
  if (object === undefined || !ts.isObjectLiteralExpression(object)) return undefined;
  let value: ts.Expression | undefined;
  for (const property of object.properties) {
    const key = property.name;
    if (ts.isPropertyAssignment(property) && key !== undefined && ts.isStringLiteral(key)) {
      if (key.text === name) value = property.initializer;
    }
  }
  return value;
}

/**
 * The preload, a CommonJS module so that `--require` loads it whatever the build's module type. It
 * wraps every node:http server's `request` event; a counter, not chance, picks the failing requests.
 */
export const productionRegressionPreload = `// Injected by shopfloor's fault injection (kind production-regression): a deliberate, labelled
// fault for testing the deploy monitor, not part of the service. In a release (SHOPFLOOR_RELEASE set;
// trials never set it) whose process has been up SHOPFLOOR_FAULT_DELAY_MS milliseconds (default 2000),
// every second request to a node:http server is answered 500 with a JSON error.
"use strict";
const http = require("node:http");

const defaultDelayMs = 2000;
const configuredDelay = (process.env.SHOPFLOOR_FAULT_DELAY_MS ?? "").trim();
const parsedDelay = configuredDelay === "" ? Number.NaN : Number(configuredDelay);
const delayMs = Number.isFinite(parsedDelay) && parsedDelay >= 0 ? parsedDelay : defaultDelayMs;

if ((process.env.SHOPFLOOR_RELEASE ?? "") !== "") {
  const emit = http.Server.prototype.emit;
  let requestsSinceDelay = 0;
  http.Server.prototype.emit = function emitWithFault(event, ...details) {
    if (event !== "request" || process.uptime() * 1000 < delayMs) {
      return emit.call(this, event, ...details);
    }
    requestsSinceDelay += 1;
    if (requestsSinceDelay % 2 === 1) return emit.call(this, event, ...details);
    const response = details[1];
    response.writeHead(500, { "content-type": "application/json" });
    response.end(
      JSON.stringify({
        error: "injected fault production-regression: every second request fails in production",
      }),
    );
    return true;
  };
}
`;
