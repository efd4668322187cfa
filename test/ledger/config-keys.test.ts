/**
 * The config keys the ledger reads: the budget's day start, caps, alerts, reservations and human
 * comparison; model price overrides; machine rates. All optional: an empty file keeps the defaults.
 */
import { describe, expect, it } from "vitest";
import { defaultConfig, parseConfig } from "../../src/contracts/config.js";
import { CostEvent } from "../../src/contracts/cost-event.js";
import { InvalidInputError } from "../../src/contracts/invalid-input.js";
import { thrown } from "../support/thrown.js";

const example = `
budget:
  dailyUsd: 500
  split: { inference: 0.3, testing: 0.4, ci: 0.15, monitoring: 0.15 }
  timeZone: Europe/Paris
  dayStart: "06:00"
  itemCapUsd: 20
  runCapUsd: 5
  alertPercents: [50, 90]
  reservationMinutes: 30
  humanComparison: { developerDayUsd: 1000 }
prices:
  "llama3.1:8b": { inputUsdPerMillion: 0, outputUsdPerMillion: 0 }
  gpt-4o: { inputUsdPerMillion: 2, cachedInputUsdPerMillion: 1, outputUsdPerMillion: 8 }
rates:
  trial: { cpuHourUsd: 0.04 }
  build: { wallHourUsd: 0.48 }
`;

describe("the ledger's config keys", () => {
  it("reads the documented example", () => {
    const config = parseConfig(example, "shopfloor.config.yaml");
    expect(config.budget).toMatchObject({
      dailyUsd: 500,
      timeZone: "Europe/Paris",
      dayStart: "06:00",
      itemCapUsd: 20,
      runCapUsd: 5,
      alertPercents: [50, 90],
      reservationMinutes: 30,
      humanComparison: { developerDayUsd: 1000, changesPerDeveloperDay: 2 },
    });
    expect(config.prices?.["llama3.1:8b"]).toEqual({
      inputUsdPerMillion: 0,
      outputUsdPerMillion: 0,
    });
    expect(config.rates).toEqual({
      trial: { cpuHourUsd: 0.04, wallHourUsd: 0 },
      build: { cpuHourUsd: 0, wallHourUsd: 0.48 },
    });
  });

  it("keeps the defaults when nothing is said", () => {
    expect(defaultConfig.prices).toBeUndefined();
    expect(defaultConfig.rates).toBeUndefined();
    expect(defaultConfig.budget.dayStart).toBeUndefined();
  });

  it("names the line and field of a bad value", () => {
    const cases: [string, string, RegExp][] = [
      ["budget:\n  timeZone: Europe/Pariss\n", "budget.timeZone", /IANA time zone/],
      ["budget:\n  dayStart: '6am'\n", "budget.dayStart", /HH:MM/],
      ["budget:\n  itemCapUsd: 0\n", "budget.itemCapUsd", /./],
      ["prices:\n  gpt-4o: { inputUsdPerMillion: 1 }\n", "prices.gpt-4o.outputUsdPerMillion", /./],
      ["rates:\n  canary: { cpuHourUsd: 1 }\n", "rates", /Unrecognized key: "canary"/],
    ];
    for (const [text, field, message] of cases) {
      const error = thrown(() => parseConfig(text, "shopfloor.config.yaml"), InvalidInputError);
      expect(
        error.problems.map((problem) => problem.field),
        text,
      ).toContain(field);
      expect(error.message, text).toMatch(message);
      expect(error.line, text).toBeGreaterThanOrEqual(1);
    }
  });

  it("lets a cost event name its run", () => {
    const event = CostEvent.parse({
      id: "e",
      at: "2026-11-24T10:00:00Z",
      category: "testing",
      amountMicroUsd: 1,
      priced: true,
      run: "r1",
    });
    expect(event.run).toBe("r1");
  });
});
