import { describe, expect, it } from "vitest";
import { CostEvent } from "../contracts/cost-event.js";
import { priceCharge } from "./price-charge.js";

const context = { id: "e1", at: new Date("2026-11-24T12:00:00.000Z") };

describe("priceCharge", () => {
  it("prices a model call as inference, with its labels and tokens", () => {
    const { event, warnings } = priceCharge(
      {
        kind: "model",
        model: "gpt-4o",
        provider: "openai",
        tokens: { inputTokens: 1_200_000, cachedInputTokens: 200_000, outputTokens: 300_000 },
        workItem: "todo-api",
        station: "build",
        agent: "llm",
      },
      context,
    );
    expect(warnings).toEqual([]);
    expect(CostEvent.parse(event)).toEqual(event);
    expect(event).toEqual({
      id: "e1",
      at: "2026-11-24T12:00:00.000Z",
      category: "inference",
      amountMicroUsd: 5_750_000,
      priced: true,
      workItem: "todo-api",
      station: "build",
      agent: "llm",
      model: "gpt-4o",
      usage: {
        inputTokens: 1_200_000,
        cachedInputTokens: 200_000,
        outputTokens: 300_000,
        reasoningTokens: 0,
        cpuSeconds: 0,
        wallSeconds: 0,
      },
    });
  });

  it("charges an unknown model at zero, flagged unpriced, with a warning, never an error", () => {
    const { event, warnings } = priceCharge(
      { kind: "model", model: "my-finetune", category: "testing", tokens: { inputTokens: 5000 } },
      context,
    );
    expect(event).toMatchObject({
      amountMicroUsd: 0,
      priced: false,
      category: "testing",
      model: "my-finetune",
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("my-finetune");
  });

  it("prices machine time in the category of its kind of work", () => {
    const trial = priceCharge(
      { kind: "machine", work: "trial", cpuSeconds: 72, wallSeconds: 30, run: "r1" },
      context,
    );
    expect(trial.event).toMatchObject({
      category: "testing",
      amountMicroUsd: 1_000,
      run: "r1",
      priced: true,
    });
    expect(trial.event.usage).toMatchObject({ cpuSeconds: 72, wallSeconds: 30 });
    const build = priceCharge(
      { kind: "machine", work: "build", cpuSeconds: 0, wallSeconds: 60 },
      { ...context, rates: { build: { cpuHourUsd: 0, wallHourUsd: 0.6 } } },
    );
    expect(build.event).toMatchObject({ category: "ci", amountMicroUsd: 10_000 });
    const probe = priceCharge(
      { kind: "machine", work: "probe", cpuSeconds: 3600, wallSeconds: 0 },
      context,
    );
    expect(probe.event).toMatchObject({ category: "monitoring", amountMicroUsd: 50_000 });
  });

  it("takes an amount already known as it is, and refuses fractions of micro-dollars", () => {
    const { event } = priceCharge(
      { kind: "amount", category: "monitoring", amountMicroUsd: 1_500_000 },
      context,
    );
    expect(event).toMatchObject({
      category: "monitoring",
      amountMicroUsd: 1_500_000,
      priced: true,
    });
    expect(() =>
      priceCharge({ kind: "amount", category: "ci", amountMicroUsd: 1.5 }, context),
    ).toThrow(/whole number/);
  });
});
