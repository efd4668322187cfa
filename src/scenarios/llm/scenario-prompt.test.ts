import { describe, expect, it } from "vitest";
import { SuiteHeader } from "../../contracts/scenario.js";
import { HttpServiceModel, type Spec, SpecFrontMatter } from "../../contracts/spec.js";
import {
  coveredCriteria,
  repairPrompt,
  scenarioPrompt,
  unreadableAnswerPrompt,
} from "./scenario-prompt.js";

const spec: Spec = {
  source: "specs/todo.md",
  hash: "sha256:1",
  frontMatter: SpecFrontMatter.parse({ name: "todo", kind: "http-service" }),
  title: "Todo service",
  prose: [
    { text: "A service that keeps a list of todos.", line: 5, section: "" },
    { text: "Titles are at most 200 characters.", line: 8, section: "Rules" },
  ],
  criteria: [
    { id: "AC1", text: "Creating a todo returns it with an id", line: 12, examples: [] },
    { id: "AC2", text: "A missing todo answers 404", line: 13, examples: [] },
  ],
  model: {
    kind: "http-service",
    model: HttpServiceModel.parse({
      entities: { todo: { fields: { title: { type: "string", required: true, maxLength: 200 } } } },
    }),
  },
};
const header = SuiteHeader.parse({ name: "todo", version: "1", target: "http" });

function prompt(changes: Partial<Parameters<typeof scenarioPrompt>[0]> = {}): string {
  return scenarioPrompt({
    spec,
    header,
    wanted: { normal: 3, edge: 2, malicious: 0 },
    existingTitles: ["Lists todos"],
    focusCriteria: spec.criteria,
    coveredCriteria: new Set(["AC1"]),
    ...changes,
  });
}

describe("scenarioPrompt", () => {
  it("gives the spec: title, prose by section, criteria with ids and the model as YAML", () => {
    const text = prompt();
    expect(text).toContain("# The spec: Todo service");
    expect(text).toContain(
      "A service that keeps a list of todos.\n\n## Rules\n\nTitles are at most",
    );
    expect(text).toContain(
      "- AC1: Creating a todo returns it with an id\n- AC2: A missing todo answers 404",
    );
    expect(text).toContain("## Structured model (YAML)");
    expect(text).toMatch(/title:\n\s+type: string/);
    expect(text).toContain("maxLength: 200");
  });

  it("gives the format of the suite's kind and the conventions", () => {
    const text = prompt();
    expect(text).toContain("# The scenario format (a http suite)");
    expect(text).toContain('{"request": {"method"');
    expect(text).toContain("DELETE answers 204");
  });

  it("ends with what changes: titles not to repeat, the counts and the focus, uncovered first", () => {
    const text = prompt();
    expect(text).toContain("do not repeat them\n\n- Lists todos");
    expect(text).toContain("Write 3 normal, 2 edge scenarios:");
    expect(text).not.toContain("malicious: hostile input");
    expect(text).toContain(
      "Focus on these criteria, in this order:\n\n- AC2 (no scenario yet): A missing todo answers 404\n- AC1: Creating",
    );
    expect(text.indexOf("# Your task")).toBeGreaterThan(text.indexOf("# The scenario format"));
    const stable = (whole: string) => whole.slice(0, whole.indexOf("# Scenarios already written"));
    const later = prompt({ existingTitles: [], wanted: { normal: 1, edge: 0, malicious: 0 } });
    expect(stable(later)).toBe(stable(text));
    expect(stable(text).length).toBeGreaterThan(2000);
  });

  it("works without a model, prose or existing scenarios", () => {
    const { model: _model, ...bare } = spec;
    const text = prompt({ spec: { ...bare, prose: [] }, existingTitles: [], focusCriteria: [] });
    expect(text).not.toContain("Structured model");
    expect(text).toContain("(no prose)");
    expect(text).toContain("(none yet)");
    expect(text).not.toContain("Focus on");
  });
});

describe("repairPrompt", () => {
  it("lists each invalid scenario with its problems and asks for exactly as many back", () => {
    const text = repairPrompt([
      { raw: { title: "A" }, problems: ["steps: required", "title: too short"] },
      { raw: { title: "B" }, problems: ["category: invalid"] },
    ]);
    expect(text).toContain(
      'These 2 scenarios are invalid:\n\n1. {"title":"A"}\n   - steps: required\n   - title: too short',
    );
    expect(text).toContain('2. {"title":"B"}\n   - category: invalid');
    expect(text).toContain("corrected versions of exactly these 2, in this order");
  });
});

describe("unreadableAnswerPrompt and coveredCriteria", () => {
  it("say why an answer was refused, and which criteria are covered", () => {
    expect(unreadableAnswerPrompt("Unexpected token S")).toMatch(
      /^Your answer could not be read.*\(Unexpected token S\)/,
    );
    expect(
      coveredCriteria([
        { id: "a", category: "normal", title: "a", tags: [], covers: ["AC1"], steps: [] },
        { id: "b", category: "edge", title: "b", tags: [], steps: [] },
      ]),
    ).toEqual(new Set(["AC1"]));
  });
});
