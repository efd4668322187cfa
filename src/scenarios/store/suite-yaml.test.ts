import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Scenario, SuiteHeader } from "../../contracts/scenario.js";
import { loadSuite } from "../load-suite.js";
import { stringPayloads } from "../malicious/string-payloads.js";
import { structuredPayloads } from "../malicious/structured-payloads.js";
import { readSuiteText } from "./read-suite-text.js";
import { suiteToYaml, yamlText } from "./suite-yaml.js";

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "shopfloor-suite-yaml-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const hostile = [
  `it's "quoted"`,
  "{{ not a template in a title }}",
  "\\{{7*7}}",
  "# not a comment",
  "key: value",
  "- not a list",
  "* not an alias",
  "&anchor",
  "!tag",
  "yes",
  "no",
  "No",
  "on",
  "null",
  "~",
  "0x1F",
  "007",
  "1e3",
  "-0",
  "true",
  "a\u0000b",
  "line\u2028separator",
  "\u2029",
  "\ufeffbom",
  "\u202egnp.exe",
  "\u{1F468}\u200d\u{1F469}\u200d\u{1F467}",
  "crlf\r\nline",
  "trailing spaces  \nand more  ",
  "\ttab",
  " leading space",
  "x".repeat(20_000),
  `${"word ".repeat(5_000)}end`,
];

const header: SuiteHeader = {
  name: "hostile",
  version: "0",
  target: "http",
  description: "payloads: 'single', \"double\", # hash, \u2028",
  defaults: { timeoutMs: 5_000, repeat: 1, headers: { "x-suite": "yes" } },
  criteria: [{ id: "AC1", text: "Text is stored exactly as sent: '; DROP TABLE todos; --" }],
  generated: {
    spec: { name: "todo", hash: "0123456789ab" },
    seed: 7,
    counts: { normal: 1, edge: 0, malicious: 2 },
    generators: ["offline"],
  },
};

function postScenario(id: string, title: string, json: unknown): Scenario {
  return {
    id,
    category: "malicious",
    title,
    tags: [title],
    covers: ["AC1"],
    steps: [
      {
        request: { method: "POST", path: "/todos", json },
        expect: [{ status: "4xx" }, { notContains: "<script>" }],
      },
    ],
  };
}

// Templates are checked inside steps; a literal "{{" is written "\{{" there.
const inStep = (text: string) => text.replaceAll("{{", "\\{{");

function hostileScenarios(): Scenario[] {
  const fromHostile = hostile.map((text, index) =>
    postScenario(`hostile-${index}`, text === "" ? "empty" : text, { title: inStep(text) }),
  );
  const fromPayloads = stringPayloads.map(
    (payload, index): Scenario => ({
      ...postScenario(`payload-${index}`, payload.value || "empty", { [inStep(payload.value)]: 1 }),
      steps: [
        {
          request: {
            method: "GET" as const,
            path: `/todos/${encodeURIComponent(payload.value)}`,
            ...(payload.headerSafe ? { headers: { "x-probe": inStep(payload.value) } } : {}),
            query: { q: inStep(payload.value), page: 1, raw: true },
          },
          expect: [{ contains: inStep(payload.value) }],
        },
      ],
    }),
  );
  const fromStructured = structuredPayloads.map((payload, index) =>
    postScenario(`structured-${index}`, payload.note, payload.value),
  );
  return [...fromHostile, ...fromPayloads, ...fromStructured];
}

describe("suiteToYaml", () => {
  it("writes hostile content that loadSuite reads back exactly", async () => {
    const scenarios = hostileScenarios();
    const file = join(folder, "hostile.yaml");
    await writeFile(file, suiteToYaml({ header, scenarios }));
    const loaded = await loadSuite(file);
    expect(loaded.header).toEqual(header);
    // toEqual compares own keys, "__proto__" included; the key order of bodies is checked too.
    expect(loaded.scenarios).toEqual(scenarios);
    const bodies = (list: typeof scenarios) =>
      list.map((scenario) => JSON.stringify(scenario.steps.map((step) => Object.values(step)[0])));
    expect(bodies(loaded.scenarios)).toEqual(bodies(scenarios));
  });

  it("writes a cli suite whose arguments are payloads", async () => {
    const cliHeader: SuiteHeader = {
      name: "tool",
      version: "0",
      target: "cli",
      defaults: { timeoutMs: 5_000, repeat: 1, headers: {}, command: ["node", "cli.js"] },
    };
    const scenarios: Scenario[] = stringPayloads
      .filter((payload) => payload.argvSafe)
      .map((payload, index) => ({
        id: `argument-${index}`,
        category: "malicious",
        title: payload.note,
        tags: [payload.family],
        steps: [
          {
            run: {
              args: ["add", "--", inStep(payload.value)],
              stdin: `${inStep(payload.value)}\u0000`,
            },
            expect: [{ exitCode: 0 }, { stdoutContains: inStep(payload.value) }],
          },
        ],
      }));
    const file = join(folder, "tool.yaml");
    await writeFile(file, suiteToYaml({ header: cliHeader, scenarios }));
    const loaded = await loadSuite(file);
    expect(loaded.header).toEqual(cliHeader);
    expect(loaded.scenarios).toEqual(scenarios);
  });

  it("keeps __proto__ an own key of a body and leaves Object.prototype untouched", async () => {
    const body = JSON.parse('{"__proto__": {"polluted": "yes"}, "title": "x"}') as unknown;
    const file = join(folder, "proto.yaml");
    await writeFile(file, suiteToYaml({ header, scenarios: [postScenario("proto", "p", body)] }));
    const loaded = await loadSuite(file);
    const step = loaded.scenarios[0]?.steps[0];
    const json = step && "request" in step ? (step.request.json as object) : {};
    expect(Object.hasOwn(json, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(JSON.stringify(json)).toBe('{"__proto__":{"polluted":"yes"},"title":"x"}');
    expect("polluted" in {}).toBe(false);
  });

  it("never folds a line and escapes invisible characters", () => {
    const long = `${"word ".repeat(5_000)}end`;
    const text = suiteToYaml({
      header,
      scenarios: [postScenario("long", long, { title: "\u202egnp.exe\u2028\ufeff\u0000" })],
    });
    expect(text).toContain(long);
    for (const character of ["\u202e", "\u2028", "\ufeff", "\u0000"]) {
      expect(text).not.toContain(character);
    }
    expect(text).toContain("\\u202E");
    expect(text).toContain("\\u2028");
  });

  it("quotes text a YAML 1.2 or 1.1 reader takes for a boolean, number, date or null", () => {
    const text = suiteToYaml({
      header,
      scenarios: [
        postScenario("words", "yes", {
          a: "no",
          b: "null",
          c: "0x1F",
          d: "1e3",
          e: "2040-12-30",
          f: "1:20",
          g: "Off",
        }),
      ],
    });
    for (const word of ["yes", "no", "null", "0x1F", "1e3", "2040-12-30", "1:20", "Off"]) {
      expect(text).toContain(`"${word}"`);
    }
  });

  it("leaves the version out when the header has none", () => {
    const { version: _, ...withoutVersion } = header;
    const text = suiteToYaml({ header: withoutVersion, scenarios: [postScenario("a", "a", {})] });
    expect(text).not.toMatch(/^\s*version:/m);
    expect(text.startsWith("suite:\n  name: hostile\n  target: http\n")).toBe(true);
  });

  it("round-trips arbitrary JSON bodies (seeded property)", () => {
    const unit = fc.oneof(
      fc.constantFrom("\u2028", "\u0000", "\ufeff", "\r", "\n", "#", ": ", "-", "'", '"', "\\"),
      fc.constantFrom("\u202e", "\u{1F468}\u200d\u{1F469}", "&", "*", "!", "%", "@", "`", "|", ">"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    );
    const body = fc
      .jsonValue({ stringUnit: unit, maxDepth: 4 })
      .filter((value) => !JSON.stringify(value).includes("{{"));
    fc.assert(
      fc.property(body, (json) => {
        const scenarios = [postScenario("body", "arbitrary body", json)];
        const read = readSuiteText(suiteToYaml({ header, scenarios }), "property.yaml");
        expect(read.scenarios).toEqual(scenarios);
        expect(JSON.stringify(read.scenarios)).toBe(JSON.stringify(scenarios));
      }),
      { seed: 20_240_601, numRuns: 300 },
    );
  });
});

describe("yamlText", () => {
  it("writes one scenario that the yaml package reads back", () => {
    const scenario = postScenario("one", "yes", { title: "\u2028" });
    const text = yamlText(scenario);
    expect(text.startsWith("id: one\n")).toBe(true);
    expect(parse(text)).toEqual(scenario);
  });
});
