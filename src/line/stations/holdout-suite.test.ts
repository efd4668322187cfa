import { describe, expect, it } from "vitest";
import { todoSpec } from "../../../test/line/support/line-home.js";
import { Config } from "../../contracts/config.js";
import type { Ledger } from "../../ledger/ledger.js";
import { loadSpec } from "../../requirements/load-spec.js";
import { generateSuite } from "../../scenarios/generate/generate-suite.js";
import { generateHoldoutSuite } from "./holdout-suite.js";

describe("the holdout suite of an item", () => {
  it("is the offline generators' suite, seeded by the line, with the spec's counts, when no model is set", async () => {
    const spec = await loadSpec(todoSpec);
    const config = Config.parse({ line: { seed: 7 } });
    const suite = await generateHoldoutSuite({
      spec,
      config,
      environment: {},
      ledger: {} as Ledger,
      workItem: "todo-1",
      signal: new AbortController().signal,
    });
    const expected = generateSuite(spec, {
      seed: 7,
      counts: { normal: 100, edge: 50, malicious: 30 },
    });
    expect(suite.scenarios).toEqual(expected.scenarios);
    expect(suite.header.generated?.seed).toBe(7);
  });
});
