import { describe, expect, it } from "vitest";
import { priceCharge } from "../ledger/price-charge.js";
import { probeCharges, probeRunLabel } from "./probe-charges.js";

const labels = { workItem: "wi-12", release: "shop-r2", cycle: 7 };

describe("probeCharges", () => {
  it("charges a probe round's machine time to monitoring, labelled with its item and run", () => {
    expect(probeCharges({ cpuSeconds: 1.5, wallSeconds: 4, labels })).toEqual([
      {
        kind: "machine",
        work: "probe",
        category: "monitoring",
        cpuSeconds: 1.5,
        wallSeconds: 4,
        workItem: "wi-12",
        station: "monitor",
        run: "shop-r2.probes.7",
      },
    ]);
    expect(probeRunLabel("shop-r2", 7)).toBe("shop-r2.probes.7");
  });

  it("is priced by the ledger at the probe rate, the default or the configured one", () => {
    const [charge] = probeCharges({ cpuSeconds: 72, wallSeconds: 600, labels });
    if (charge === undefined) throw new Error("expected a charge");
    const at = new Date("2026-03-01T10:00:00.000Z");
    // 72 CPU-seconds at the default $0.05 per CPU-hour: $0.001; wall time is free by default.
    const byDefault = priceCharge(charge, { id: "c1", at });
    expect(byDefault.event).toMatchObject({
      category: "monitoring",
      amountMicroUsd: 1000,
      workItem: "wi-12",
      station: "monitor",
      run: "shop-r2.probes.7",
      usage: { cpuSeconds: 72, wallSeconds: 600 },
    });
    const configured = priceCharge(charge, {
      id: "c2",
      at,
      rates: {
        probe: { cpuHourUsd: 0.5, wallHourUsd: 0.36 },
        trial: { cpuHourUsd: 9, wallHourUsd: 9 },
      },
    });
    // 72 s at $0.50/h is $0.01, 600 s at $0.36/h is $0.06; the trial rate does not apply.
    expect(configured.event.amountMicroUsd).toBe(70_000);
  });

  it("charges nothing for a round that took no time", () => {
    expect(probeCharges({ cpuSeconds: 0, wallSeconds: 0, labels })).toEqual([]);
  });

  it("refuses negative or non-finite seconds and a cycle below 1", () => {
    expect(() => probeCharges({ cpuSeconds: -1, wallSeconds: 0, labels })).toThrow(/cpuSeconds/);
    expect(() => probeCharges({ cpuSeconds: 0, wallSeconds: Number.NaN, labels })).toThrow(
      /wallSeconds/,
    );
    expect(() =>
      probeCharges({ cpuSeconds: 1, wallSeconds: 1, labels: { ...labels, cycle: 0 } }),
    ).toThrow(/cycle/);
  });
});
