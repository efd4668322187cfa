import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Scenario, SuiteHeader } from "../../contracts/scenario.js";
import { suiteToYaml } from "./suite-yaml.js";
import { versionSuite } from "./versioned-suite.js";

const header: SuiteHeader = {
  name: "todo",
  version: "1",
  target: "http",
  defaults: { timeoutMs: 10_000, repeat: 1, headers: {} },
};
const scenarios: Scenario[] = [
  {
    id: "create",
    category: "normal",
    title: "creates a todo",
    tags: [],
    steps: [{ request: { method: "POST", path: "/todos", json: { title: "x" } }, expect: [] }],
  },
];

describe("versionSuite", () => {
  it("names the version by the hash of the YAML written without a version", () => {
    const versioned = versionSuite({ header, scenarios });
    const { version: _, ...unversioned } = header;
    const expected = createHash("sha256")
      .update(suiteToYaml({ header: unversioned, scenarios }))
      .digest("hex")
      .slice(0, 12);
    expect(versioned.version).toBe(expected);
    expect(versioned.header.version).toBe(expected);
    expect(versioned.text).toContain(`version: ${expected}`);
  });

  it("gives the same version whatever version the suite came with, and whatever order its keys", () => {
    const reordered = { target: "http", name: "todo", version: "9", defaults: header.defaults };
    const loose: Scenario = {
      steps: [{ expect: [], request: { json: { title: "x" }, path: "/todos", method: "POST" } }],
      title: "creates a todo",
      category: "normal",
      id: "create",
      tags: [],
    };
    expect(versionSuite({ header: reordered as SuiteHeader, scenarios: [loose] }).version).toBe(
      versionSuite({ header, scenarios }).version,
    );
  });

  it("applies the defaults loadSuite applies", () => {
    const bare = { name: "todo", target: "http" } as SuiteHeader;
    const withoutTags = [{ ...scenarios[0], tags: undefined }] as unknown as Scenario[];
    const versioned = versionSuite({ header: bare, scenarios: withoutTags });
    expect(versioned.header.defaults).toEqual({ timeoutMs: 10_000, repeat: 1, headers: {} });
    expect(versioned.scenarios[0]?.tags).toEqual([]);
    expect(versioned.version).toBe(versionSuite({ header, scenarios }).version);
  });

  it("gives another version when anything changes", () => {
    const changed = [{ ...scenarios[0], title: "creates a todo!" }] as Scenario[];
    expect(versionSuite({ header, scenarios: changed }).version).not.toBe(
      versionSuite({ header, scenarios }).version,
    );
  });
});
