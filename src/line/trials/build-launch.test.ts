import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Suite, SuiteHeader } from "../../contracts/scenario.js";
import { CliModel, HttpServiceModel, type Spec, type SpecModel } from "../../contracts/spec.js";
import { buildLaunch, suiteForLaunch } from "./build-launch.js";

function spec(kind: Spec["frontMatter"]["kind"], model?: SpecModel): Spec {
  return {
    source: "spec.md",
    hash: "h",
    frontMatter: { name: "thing", kind },
    title: "thing",
    prose: [],
    criteria: [],
    ...(model ? { model } : {}),
  };
}

function suite(target: "http" | "cli" | "function", defaults: Record<string, unknown> = {}): Suite {
  const header = SuiteHeader.parse({ name: "thing", version: "1", target, defaults });
  return { header, scenarios: [], folder: "/suites/thing" };
}

let workspace = "";

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), "shopfloor-launch-"));
  await writeFile(
    join(workspace, "package.json"),
    JSON.stringify({ scripts: { start: "node dist/server.js" } }),
  );
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

describe("buildLaunch", () => {
  it("starts an http build with its start script and waits for the spec's health path", async () => {
    const model = HttpServiceModel.parse({
      entities: { item: { fields: { name: "string" } } },
      http: { health: "/healthz" },
    });
    const launch = await buildLaunch(
      {
        id: "b",
        spec: spec("http-service", { kind: "http-service", model }),
        workspacePath: workspace,
      },
      suite("http"),
    );
    expect(launch).toEqual({ kind: "http", command: "node dist/server.js", readyPath: "/healthz" });
  });

  it("uses the conventional /health for an http spec without a model", async () => {
    const launch = await buildLaunch(
      { id: "b", spec: spec("http-service"), workspacePath: workspace },
      suite("http"),
    );
    expect(launch).toMatchObject({ readyPath: "/health" });
  });

  it("runs a cli build with the model's command, else the suite's", async () => {
    const model = CliModel.parse({ command: ["node", "tool.mjs"] });
    const fromModel = await buildLaunch(
      { id: "b", spec: spec("cli", { kind: "cli", model }), workspacePath: workspace },
      suite("cli", { command: ["other"] }),
    );
    expect(fromModel).toEqual({ kind: "cli", command: ["node", "tool.mjs"] });
    const fromSuite = await buildLaunch(
      { id: "b", spec: spec("cli"), workspacePath: workspace },
      suite("cli", { command: ["other"] }),
    );
    expect(fromSuite).toEqual({ kind: "cli", command: ["other"] });
  });

  it("refuses a cli or library build when nothing names what to run", async () => {
    await expect(
      buildLaunch({ id: "b.1.1", spec: spec("cli"), workspacePath: workspace }, suite("cli")),
    ).rejects.toThrow(/b\.1\.1 cannot be tested: .*the command to run/);
    await expect(
      buildLaunch(
        { id: "b.1.1", spec: spec("library"), workspacePath: workspace },
        suite("function"),
      ),
    ).rejects.toThrow(/the module to load/);
  });
});

describe("suiteForLaunch", () => {
  it("keeps only the scenarios to run and writes the launch's command into the defaults", () => {
    const stored = suite("cli", { command: ["old"], timeoutMs: 2000 });
    const scenario = {
      id: "one",
      category: "normal" as const,
      title: "one",
      tags: [],
      steps: [{ run: { args: ["--help"] }, expect: [] }],
    };
    const prepared = suiteForLaunch(
      { ...stored, scenarios: [scenario, { ...scenario, id: "two" }] },
      [scenario],
      {
        kind: "cli",
        command: ["node", "tool.mjs"],
      },
    );
    expect(prepared.scenarios.map((item) => item.id)).toEqual(["one"]);
    expect(prepared.header.defaults).toMatchObject({
      command: ["node", "tool.mjs"],
      timeoutMs: 2000,
    });
    expect(prepared.folder).toBe("/suites/thing");
  });
});
