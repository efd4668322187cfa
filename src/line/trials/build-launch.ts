/**
 * How a build is run for its trials, read from its worktree and its spec: an http service is started
 * with its package.json `scripts.start` (through `sh -c`, not npm, with $PORT given) and is ready when
 * the spec's health path answers; a cli build is the model's command run from the worktree; a library
 * build is the model's module loaded from it.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { ShopfloorError } from "../../contracts/errors.js";
import type { Suite } from "../../contracts/scenario.js";
import { HttpConventions } from "../../contracts/spec.js";
import type { BuildUnderTest } from "./trial-executor.js";

export type BuildLaunch =
  | { kind: "http"; command: string; readyPath: string }
  | { kind: "cli"; command: string[] }
  | { kind: "function"; module: string };

const PackageScripts = z.object({ scripts: z.object({ start: z.string().trim().min(1) }) });

const defaultHealthPath = HttpConventions.parse({}).health;

export async function buildLaunch(build: BuildUnderTest, suite: Suite): Promise<BuildLaunch> {
  const model = build.spec.model;
  switch (suite.header.target) {
    case "http":
      return {
        kind: "http",
        command: await startScript(build.workspacePath, `build ${build.id}`),
        readyPath: model?.kind === "http-service" ? model.model.http.health : defaultHealthPath,
      };
    case "cli": {
      const command = model?.kind === "cli" ? model.model.command : suite.header.defaults.command;
      if (command === undefined) throw missingModel(build, "the command to run");
      return { kind: "cli", command };
    }
    case "function": {
      const module = model?.kind === "library" ? model.model.module : suite.header.defaults.module;
      if (module === undefined) throw missingModel(build, "the module to load");
      return { kind: "function", module };
    }
  }
}

/** The suite as the runner needs it: only the scenarios to run now, the launch's command or module. */
export function suiteForLaunch(
  suite: Suite,
  scenarios: Suite["scenarios"],
  launch: BuildLaunch,
): Suite {
  const defaults = {
    ...suite.header.defaults,
    ...(launch.kind === "cli" ? { command: launch.command } : {}),
    ...(launch.kind === "function" ? { module: launch.module } : {}),
  };
  return { ...suite, header: { ...suite.header, defaults }, scenarios };
}

/** The `scripts.start` of the package.json in `folder` (the code of `what`: a build, a release). */
export async function startScript(folder: string, what: string): Promise<string> {
  const path = join(folder, "package.json");
  const text = await readFile(path, "utf8").catch(() => undefined);
  let parsed: z.infer<typeof PackageScripts> | undefined;
  try {
    parsed = text === undefined ? undefined : PackageScripts.parse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  if (parsed !== undefined) return parsed.scripts.start;
  throw new ShopfloorError(
    "invalid-input",
    `${what} cannot be started: its code needs a package.json whose scripts.start ` +
      'starts the service on the port in $PORT (e.g. "node server.js"); the line runs it with ' +
      `sh -c from the worktree, without npm${text === undefined ? "; there is no package.json" : ""}`,
    { path, field: "scripts.start", retryable: false },
  );
}

function missingModel(build: BuildUnderTest, what: string): ShopfloorError {
  return new ShopfloorError(
    "invalid-input",
    `build ${build.id} cannot be tested: neither its spec's model nor its suite names ${what}`,
    { path: build.spec.source, field: "model" },
  );
}
