import { describe, expect, it } from "vitest";
import { defaultMachineRates, machineCostMicroUsd, machineRate } from "./machine-rates.js";

describe("machine time", () => {
  it("charges CPU-seconds and wall-seconds at dollars per hour, exactly", () => {
    // 90 CPU-seconds at $0.05 an hour: 90 × 50,000 µ$ / 3600 = 1,250 µ$
    expect(
      machineCostMicroUsd({ cpuSeconds: 90, wallSeconds: 0 }, { cpuHourUsd: 0.05, wallHourUsd: 0 }),
    ).toBe(1_250);
    // 10 wall-minutes of a $0.48/hour runner: 600 × 480,000 / 3600 = 80,000 µ$ ($0.008 a minute)
    expect(
      machineCostMicroUsd(
        { cpuSeconds: 0, wallSeconds: 600 },
        { cpuHourUsd: 0, wallHourUsd: 0.48 },
      ),
    ).toBe(80_000);
    // both, with fractions of seconds: 1.5 × 50,000/3600 + 2.25 × 480,000/3600 = 20.833… + 300 = 320.833… → 321
    expect(
      machineCostMicroUsd(
        { cpuSeconds: 1.5, wallSeconds: 2.25 },
        { cpuHourUsd: 0.05, wallHourUsd: 0.48 },
      ),
    ).toBe(321);
  });

  it("uses the configured rate of a kind of work, else the default", () => {
    expect(machineRate("trial", undefined)).toEqual(defaultMachineRates.trial);
    expect(machineRate("build", { build: { cpuHourUsd: 1, wallHourUsd: 0 } })).toEqual({
      cpuHourUsd: 1,
      wallHourUsd: 0,
    });
    expect(machineRate("probe", { build: { cpuHourUsd: 1, wallHourUsd: 0 } })).toEqual(
      defaultMachineRates.probe,
    );
  });

  it("refuses negative time", () => {
    expect(() =>
      machineCostMicroUsd({ cpuSeconds: -1, wallSeconds: 0 }, defaultMachineRates.trial),
    ).toThrow(/0 or more/);
  });
});
