import { describe, expect, it } from "vitest";
import { SuiteHeader, targetKinds } from "../../contracts/scenario.js";
import { scenarioSchemaFor } from "../scenario-schema.js";
import { conventionsFor, exampleScenario, scenarioFormat } from "./scenario-format.js";

function headerOf(target: (typeof targetKinds)[number]): SuiteHeader {
  return SuiteHeader.parse({
    name: "example",
    version: "1",
    target,
    defaults: {
      headers: { authorization: "Bearer test" },
      command: ["node", "tempconv.mjs"],
      module: "./index.mjs",
    },
  });
}

describe("scenarioFormat", () => {
  for (const kind of targetKinds) {
    it(`shows a ${kind} example that is itself a valid scenario`, () => {
      const example = { id: "example/one", ...(exampleScenario(kind) as object) };
      const parsed = scenarioSchemaFor(headerOf(kind)).safeParse(example);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(scenarioFormat(headerOf(kind))).toContain(JSON.stringify(exampleScenario(kind)));
    });
  }

  it("gives the suite's defaults, so steps leave out the command, the module and the headers", () => {
    expect(scenarioFormat(headerOf("cli"))).toContain(
      `["node","tempconv.mjs"]: give only its arguments`,
    );
    expect(scenarioFormat(headerOf("function"))).toContain(`"./index.mjs": give the export`);
    expect(scenarioFormat(headerOf("http"))).toContain(
      `also sends {"authorization":"Bearer test"}`,
    );
  });

  it("explains templates and how to write a literal {{", () => {
    const format = scenarioFormat(headerOf("http"));
    expect(format).toContain("{{ trial.unique }}");
    expect(format).toContain('write \\{{, in JSON "\\\\{{"');
    expect(format).toContain("Captures read status, headers, header, body, bodyText, durationMs");
  });
});

describe("conventionsFor", () => {
  it("summarises what each kind of software promises", () => {
    expect(conventionsFor("http")).toMatch(/DELETE answers 204/);
    expect(conventionsFor("cli")).toMatch(/exits the usage code/);
    expect(conventionsFor("function")).toMatch(/prototype pollution/);
  });
});
