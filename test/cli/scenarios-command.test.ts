import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Scenario, SuiteHeader } from "../../src/contracts/scenario.js";
import { loadSuite } from "../../src/scenarios/load-suite.js";
import { SuiteStore } from "../../src/scenarios/store/suite-store.js";
import { runInMemory } from "../support/memory-io.js";
import {
  jsonReply,
  type OpenAiCompatibleServer,
  startOpenAiCompatibleServer,
} from "../support/openai-compatible-server.js";

const todoSpec = fileURLToPath(new URL("../../examples/todo-api/spec.md", import.meta.url));

let folder: string;
let home: string;
let server: OpenAiCompatibleServer | undefined;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "shopfloor-scenarios-command-"));
  home = join(folder, "home");
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(folder, { recursive: true, force: true });
});

function run(argv: readonly string[], files: Record<string, string> = {}) {
  return runInMemory([...argv, "--home", home], files, "", folder, {});
}

const suiteVersion = /todo-api@([0-9a-f]{12})/;

function versionIn(text: string): string {
  const version = suiteVersion.exec(text)?.[1];
  if (version === undefined) throw new Error(`no suite version in: ${text}`);
  return version;
}

const header: SuiteHeader = {
  name: "notes",
  version: "0",
  target: "http",
  defaults: { timeoutMs: 10_000, repeat: 1, headers: {} },
  criteria: [
    { id: "AC1", text: "Listing notes answers 200" },
    { id: "AC2", text: "A note that does not exist answers 404, whatever its id looks like" },
  ],
};

function scenario(id: string, path: string, covers?: string[]): Scenario {
  return {
    id,
    category: "normal",
    title: `reads ${path}`,
    tags: [],
    ...(covers ? { covers } : {}),
    steps: [{ request: { method: "GET", path }, expect: [{ status: 200 }] }],
  };
}

async function storeNotes(scenarios: Scenario[]) {
  const store = new SuiteStore({ home, now: () => new Date("2025-03-01T10:00:00.000Z") });
  return store.save({ header, scenarios });
}

describe("shopfloor scenarios generate", () => {
  it("generates, stores and reports a spec's suite", async () => {
    const result = await run(["scenarios", "generate", todoSpec, "--counts", "6,4,3", "--no-llm"]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const version = versionIn(result.stdout);
    expect(result.stdout).toContain(`Stored todo-api@${version}`);
    const file = join(home, "suites", "todo-api", version, "suite.yaml");
    expect(result.stdout).toContain(`file: ${file}`);
    expect(result.stdout).toMatch(/normal +6 +6/);
    expect(result.stdout).toMatch(/Acceptance criteria: \d+ of 10 covered/);
    expect(result.stdout).toContain(`Next: shopfloor test todo-api@${version} --home ${home}`);
    const suite = await loadSuite(file);
    expect(suite.header).toMatchObject({ name: "todo-api", version, target: "http" });
    expect(suite.header.generated).toMatchObject({
      seed: 1,
      counts: { normal: 6, edge: 4, malicious: 3 },
    });
  });

  it("gives the same version for the same seed, and another for another seed", async () => {
    const argv = ["scenarios", "generate", todoSpec, "--counts", "4,2,2", "--no-llm"];
    const first = await run(argv);
    const again = await run(argv);
    expect(versionIn(again.stdout)).toBe(versionIn(first.stdout));
    expect(again.stdout).toContain("Already stored");
    const other = await run([...argv, "--seed", "7"]);
    expect(versionIn(other.stdout)).not.toBe(versionIn(first.stdout));
  });

  it("prints the report as JSON", async () => {
    const result = await run([
      "scenarios",
      "generate",
      todoSpec,
      "--counts",
      "3,1,1",
      "--no-llm",
      "--json",
    ]);
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ created: true, seed: 1, spec: { name: "todo-api" } });
    expect(report.reference).toMatch(suiteVersion);
    expect(report.categories).toEqual([
      expect.objectContaining({ category: "normal", requested: 3 }),
      expect.objectContaining({ category: "edge", requested: 1 }),
      expect.objectContaining({ category: "malicious", requested: 1 }),
    ]);
    expect(report.coverage).toHaveLength(10);
    expect(report.llm).toBeUndefined();
  });

  it("adds the scenarios a configured model proposes and records its figures", async () => {
    const proposal = {
      category: "normal",
      title: "A todo with a due date keeps it",
      covers: ["AC2"],
      steps: [
        {
          request: { method: "POST", path: "/todos", json: { title: "Due", due: "2025-07-01" } },
          expect: [{ status: 201 }, { jsonSubset: { due: "2025-07-01" } }],
        },
      ],
    };
    server = await startOpenAiCompatibleServer(() => jsonReply({ scenarios: [proposal] }));
    const config = `models:\n  scenarios: { provider: openai-compatible, model: local, baseUrl: "${server.baseUrl}" }\n`;
    const result = await run(
      ["scenarios", "generate", todoSpec, "--counts", "3,1,1", "--llm-scenarios", "1", "--json"],
      { [join(folder, "shopfloor.config.yaml")]: config },
    );
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.llm).toMatchObject({
      model: "openai-compatible/local",
      proposed: 1,
      accepted: 1,
    });
    expect(server.requests.length).toBeGreaterThan(0);
    const suite = await loadSuite(report.file);
    expect(suite.header.generated?.llm).toEqual({
      proposed: 1,
      accepted: 1,
      repaired: 0,
      dropped: 0,
    });
    expect(suite.header.generated?.generators).toContain("llm:openai-compatible/local");
    expect(suite.scenarios.some((item) => item.title === proposal.title)).toBe(true);
  });

  it("has the model write the whole suite of an http spec with no structured model", async () => {
    const spec = join(folder, "greeting.md");
    await writeFile(
      spec,
      "---\nname: greeting\nkind: http-service\n---\n# Greeting\n\nThe service greets.\n\n## Acceptance criteria\n\n- AC1: `GET /hello` answers 200 with a greeting.\n",
    );
    const proposal = (category: string, title: string) => ({
      category,
      title,
      covers: ["AC1"],
      steps: [{ request: { method: "GET", path: "/hello" }, expect: [{ status: 200 }] }],
    });
    server = await startOpenAiCompatibleServer(() =>
      jsonReply({
        scenarios: [
          proposal("normal", "Hello answers"),
          proposal("edge", "Hello answers twice"),
          proposal("malicious", "Hello resists"),
        ],
      }),
    );
    const config = `models:\n  scenarios: { provider: openai-compatible, model: local, baseUrl: "${server.baseUrl}" }\n`;
    const result = await run(["scenarios", "generate", spec, "--counts", "1,1,1", "--json"], {
      [join(folder, "shopfloor.config.yaml")]: config,
    });
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    const suite = await loadSuite(report.file);
    expect(suite.header.generated?.generators).toEqual(["llm:openai-compatible/local"]);
    expect(suite.scenarios.map((item) => item.category).sort()).toEqual([
      "edge",
      "malicious",
      "normal",
    ]);
    expect(report.uncovered).toEqual([]);
  });

  it("refuses a spec with no structured model when no language model is configured", async () => {
    const spec = join(folder, "bare.md");
    await writeFile(spec, "---\nname: bare\nkind: http-service\n---\n# Bare\n");
    const result = await run(["scenarios", "generate", spec]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("offline generation needs a structured model");
  });

  it("refuses bad counts as a usage error", async () => {
    const result = await run(["scenarios", "generate", todoSpec, "--counts", "1,2"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("normal,edge,malicious");
  });
});

describe("shopfloor scenarios list, show and diff", () => {
  it("lists versions newest first with their counts, current and parent", async () => {
    const first = await storeNotes([scenario("a", "/notes", ["AC1"])]);
    await new SuiteStore({ home, now: () => new Date("2025-03-02T08:30:00.000Z") }).save(
      { header, scenarios: [scenario("a", "/notes", ["AC1"]), scenario("b", "/notes/x")] },
      { parent: first.version },
    );
    const result = await run(["scenarios", "list"]);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^suite +version +created +scenarios n\/e\/m +state +parent$/);
    expect(lines[1]).toMatch(
      new RegExp(`^notes +[0-9a-f]{12} +2025-03-02 08:30 UTC +2/0/0 +current +${first.version}$`),
    );
    expect(lines[2]).toMatch(new RegExp(`^notes +${first.version} +2025-03-01 10:00 UTC +1/0/0$`));
    const json = JSON.parse((await run(["scenarios", "list", "notes", "--json"])).stdout);
    expect(json.map((entry: { current: boolean }) => entry.current)).toEqual([true, false]);
  });

  it("says so when the store is empty, and names what exists for an unknown suite", async () => {
    expect((await run(["scenarios", "list"])).stdout).toContain("No suites in");
    await storeNotes([scenario("a", "/notes")]);
    const unknown = await run(["scenarios", "show", "todo"]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('no suite named "todo"');
    expect(unknown.stderr).toContain("the suites are: notes");
  });

  it("shows a summary with coverage, the whole YAML, or one scenario", async () => {
    const stored = await storeNotes([scenario("a", "/notes", ["AC1"]), scenario("b", "/notes/1")]);
    const summary = await run(["scenarios", "show", "notes"]);
    expect(summary.exitCode).toBe(0);
    expect(summary.stdout).toContain(`notes@${stored.version} (current)`);
    expect(summary.stdout).toContain("scenarios: 2 (2 normal, 0 edge, 0 malicious)");
    expect(summary.stdout).toContain("Acceptance criteria: 1 of 2 covered");
    expect(summary.stdout).toContain("warning: AC2 is covered by no scenario");
    const yaml = await run(["scenarios", "show", `notes@${stored.version.slice(0, 6)}`, "--yaml"]);
    expect(yaml.stdout).toBe(await readFile(stored.file, "utf8"));
    const one = await run(["scenarios", "show", "notes", "--scenario", "b"]);
    expect(one.stdout.startsWith("id: b\ncategory: normal\n")).toBe(true);
    const missing = await run(["scenarios", "show", "notes", "--scenario", "zzz"]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('has no scenario "zzz"');
    const json = JSON.parse((await run(["scenarios", "show", "notes", "--json"])).stdout);
    expect(json.coverage).toEqual([
      { id: "AC1", text: "Listing notes answers 200", scenarios: ["a"] },
      { id: "AC2", text: header.criteria?.[1]?.text, scenarios: [] },
    ]);
  });

  it("compares two versions", async () => {
    const first = await storeNotes([scenario("a", "/notes"), scenario("b", "/notes/1")]);
    const second = await storeNotes([scenario("a", "/notes/changed"), scenario("c", "/notes/2")]);
    const result = await run(["scenarios", "diff", `notes@${first.version}`, "notes"]);
    expect(result.stdout).toBe(
      [
        `notes@${first.version} → notes@${second.version}`,
        "  1 added, 1 removed, 1 changed, 0 unchanged",
        "  + c",
        "  - b",
        "  ~ a",
        "",
      ].join("\n"),
    );
  });
});

describe("shopfloor scenarios freeze, unfreeze and extend", () => {
  it("freezes a version so that extending is refused until it is unfrozen", async () => {
    const first = await storeNotes([scenario("a", "/notes")]);
    const extra = join(folder, "extra.yaml");
    await writeFile(
      extra,
      "suite: { name: extra, version: '1', target: http }\nscenarios:\n  - { id: a, category: edge, title: new one, steps: [{ request: { method: GET, path: /notes/9 } }] }\n  - { id: dup, category: normal, title: same as a, steps: [{ request: { method: GET, path: /notes }, expect: [{ status: 200 }] }] }\n",
    );
    const frozen = await run(["scenarios", "freeze", "notes"]);
    expect(frozen.stdout).toContain(`notes@${first.version} is current and frozen`);
    expect((await run(["scenarios", "list"])).stdout).toMatch(/1\/0\/0 +current, frozen/);
    const refused = await run(["scenarios", "extend", "notes", "--file", extra]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain("use `shopfloor scenarios unfreeze notes` first");
    expect((await run(["scenarios", "unfreeze", "notes"])).exitCode).toBe(0);

    const extended = await run(["scenarios", "extend", "notes", "--file", extra, "--json"]);
    expect(extended.exitCode).toBe(0);
    const report = JSON.parse(extended.stdout);
    expect(report.added).toEqual(["a-2"]);
    expect(report.parent).toBe(`notes@${first.version}`);
    const suite = await loadSuite(report.file);
    expect(suite.scenarios.map((item) => item.id)).toEqual(["a", "a-2"]);
    expect(suite.header.name).toBe("notes");
    const listed = await new SuiteStore({ home, now: () => new Date() }).list("notes");
    expect(listed[0]?.parent).toBe(first.version);
  });

  it("refuses scenarios of another target kind, and needs exactly one source", async () => {
    await storeNotes([scenario("a", "/notes")]);
    const cliSuite = join(folder, "cli.yaml");
    await writeFile(
      cliSuite,
      "suite: { name: tool, version: '1', target: cli, defaults: { command: [node, cli.js] } }\nscenarios:\n  - { id: run, category: normal, title: runs, steps: [{ run: { args: [] } }] }\n",
    );
    const other = await run(["scenarios", "extend", "notes", "--file", cliSuite]);
    expect(other.exitCode).toBe(2);
    expect(other.stderr).toContain("is a http suite; the new scenarios are for cli");
    const neither = await run(["scenarios", "extend", "notes"]);
    expect(neither.stderr).toContain("give either --spec SPEC or --file SUITE");
  });

  it("extends a generated suite with the distinct scenarios of another generation", async () => {
    const generated = await run([
      "scenarios",
      "generate",
      todoSpec,
      "--counts",
      "4,2,2",
      "--no-llm",
    ]);
    const version = versionIn(generated.stdout);
    const result = await run([
      "scenarios",
      "extend",
      `todo-api@${version}`,
      "--spec",
      todoSpec,
      "--seed",
      "9",
      "--counts",
      "12,8,8",
      "--json",
    ]);
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.parent).toBe(`todo-api@${version}`);
    const before = await loadSuite(join(home, "suites", "todo-api", version, "suite.yaml"));
    const after = await loadSuite(report.file);
    expect(after.scenarios.length).toBe(before.scenarios.length + report.added.length);
    expect(report.added.length).toBeGreaterThan(0);
    expect(after.scenarios.slice(0, before.scenarios.length)).toEqual(before.scenarios);
    expect(after.header.generated?.generators).toContain("offline:seed=9");

    const again = await run([
      "scenarios",
      "extend",
      "todo-api",
      "--spec",
      todoSpec,
      "--seed",
      "9",
      "--counts",
      "12,8,8",
    ]);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain(`Nothing new: ${report.reference} is unchanged`);
    expect(again.stdout).toContain("0 of ");
  });
});
