import { describe, expect, it } from "vitest";
import { bareSpec } from "../../../test/support/bare-spec.js";
import type { Scenario } from "../../contracts/scenario.js";
import { CliModel, type Spec } from "../../contracts/spec.js";
import { payloadFamilies, stringPayloads } from "../malicious/index.js";
import { renderTemplate } from "../template.js";
import { cliGenerationContext } from "./cli-generation-context.js";
import { maliciousCliScenarios, oversizedArgumentBytes } from "./cli-malicious.js";

const spec: Spec = bareSpec("greet", "cli");
const model = CliModel.parse({
  command: ["node", "greet.mjs"],
  options: { times: { type: "integer", min: 1, max: 3 }, loud: "boolean" },
  arguments: [{ name: "name", type: "string", required: true }],
  output: { pattern: "^Hello, [\\s\\S]*!$" },
});
const scenarios = maliciousCliScenarios(
  cliGenerationContext({ spec, model, counts: { normal: 5, edge: 5, malicious: 30 }, seed: 3 }),
);

function stepOf(scenario: Scenario | undefined) {
  if (scenario === undefined) throw new Error("no scenario");
  return renderTemplate(scenario.steps[0], {}) as { run: { args: string[] }; expect: object[] };
}

describe("maliciousCliScenarios", () => {
  it("starts with option injection and an oversized word for every parameter that takes a value", () => {
    expect(scenarios.slice(0, 4).map((scenario) => scenario.id)).toEqual([
      "malicious/name/option-injection",
      "malicious/times/option-injection",
      "malicious/name/oversized",
      "malicious/times/oversized",
    ]);
    expect(scenarios.some((scenario) => scenario.id.startsWith("malicious/loud/"))).toBe(false);
  });

  it("passes --help as a value, never as an option, and expects it taken as text where valid", () => {
    const name = stepOf(scenarios[0]);
    expect(name.run.args.slice(-2)).toEqual(["--", "--help"]);
    expect(name.expect[0]).toEqual({ exitCode: 0 });
    const times = stepOf(scenarios[1]);
    expect(times.run.args).toContain("--times=--help");
    expect(times.expect).toEqual([
      { exitCode: 2 },
      { stdoutMatches: "^$" },
      { stderrMatches: "\\S" },
    ]);
    expect(stepOf(scenarios[2]).run.args.at(-1)).toHaveLength(oversizedArgumentBytes);
  });

  it("sends every command-line-safe payload of every family, exactly as catalogued", () => {
    const sent = new Set(
      scenarios
        .filter((scenario) => scenario.id.startsWith("malicious/name/"))
        .map((scenario) => stepOf(scenario).run.args.at(-1)),
    );
    const safe = stringPayloads.filter((payload) => payload.argvSafe);
    for (const payload of safe) expect(sent.has(payload.value), payload.value).toBe(true);
    expect(stringPayloads.some((payload) => !payload.argvSafe)).toBe(true);
    for (const scenario of scenarios) {
      for (const word of stepOf(scenario).run.args) expect(word.includes("\u0000")).toBe(false);
    }
  });

  it("covers every family in the first round, tagged with it", () => {
    const firstRound = scenarios.slice(4, 4 + payloadFamilies.length * 2);
    const families = new Set(firstRound.flatMap((scenario) => scenario.tags));
    for (const family of payloadFamilies) expect(families.has(`family:${family}`)).toBe(true);
    expect(firstRound[0]?.tags).toEqual([
      "argument:name",
      "aspect:injection",
      "family:sql-injection",
    ]);
  });

  it("keeps a template probe literal through the runner's templates", () => {
    const probe = scenarios.find(
      (scenario) => scenario.id === "malicious/name/template-injection-1",
    );
    expect(probe?.steps[0]).toMatchObject({ run: { args: expect.arrayContaining(["\\{{7*7}}"]) } });
    expect(stepOf(probe).run.args.at(-1)).toBe("{{7*7}}");
  });
});
