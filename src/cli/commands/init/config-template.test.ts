import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  Config,
  defaultConfig,
  LineUp,
  LineUpAgent,
  parseConfig,
} from "../../../contracts/index.js";
import { configTemplate } from "./config-template.js";

/**
 * The commented-out example on the line holding `marker`, with its continuation lines (comments whose
 * `#` is followed by two spaces or more), uncommented.
 */
function uncommentedExample(text: string, marker: string): string {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.includes(marker));
  expect(start, marker).toBeGreaterThanOrEqual(0);
  const block = [lines[start] ?? ""];
  for (const line of lines.slice(start + 1)) {
    if (!/^\s*# {2}/.test(line)) break;
    block.push(line);
  }
  return block.map((line) => line.replace(/^(\s*)#/, "$1")).join("\n");
}

describe("configTemplate", () => {
  it("parses to exactly the defaults", () => {
    expect(parseConfig(configTemplate(), "config.yaml")).toEqual(defaultConfig);
  });

  it("writes out every section of the config contract", () => {
    const text = configTemplate();
    for (const section of Object.keys(Config.shape)) {
      expect(text, section).toMatch(new RegExp(`^#?${section}:`, "m"));
    }
  });

  it("writes the values it is given, so it stays true when a default changes", () => {
    const config = Config.parse({
      defaultProfile: "payments",
      budget: { dailyUsd: 250, timeZone: "Europe/Paris" },
      line: { seed: 7, buildMinutes: 12, concurrency: { build: 5 } },
    });
    expect(parseConfig(configTemplate(config), "config.yaml")).toEqual(config);
  });

  it("comments out examples that are valid once uncommented", () => {
    const text = configTemplate();
    const profiles = parse(`profiles:\n${uncommentedExample(text, "#  strict-admin:")}`);
    expect(Config.parse(profiles).profiles["strict-admin"]?.maxAttempts).toBe(3);
    const budget = parse(`budget:\n${uncommentedExample(text, "#  dayStart:")}`);
    expect(Config.parse(budget).budget).toMatchObject({ itemCapUsd: 20, reservationMinutes: 60 });
    const models = parse(`models:\n${uncommentedExample(text, "#  default: { provider")}`);
    expect(Object.keys(Config.parse(models).models)).toEqual(["default", "scenarios", "judge"]);
    const agents = parse(`agents:\n${uncommentedExample(text, "#  claude:")}`);
    expect(Config.parse(agents).agents.command?.run).toEqual(["./my-agent", "--flag"]);
    const patterns = text
      .split("\n")
      .filter((line) => line.includes("#lineUp:"))
      .map((line) => LineUp.parse(parse(uncommentedExample(text, line)).lineUp).pattern);
    expect(patterns).toEqual(["single", "best-of", "fallback"]);
    const faulty = text.split("\n").find((line) => line.includes("faults: {")) ?? "";
    expect(LineUpAgent.parse(parse(faulty.replace(/^\s*#/, ""))).faults?.attempts).toEqual([1]);
  });
});
