import { describe, expect, it } from "vitest";
import { thrownBy, useLineStore } from "../../../test/line/support/line-store-harness.js";
import type { ProbeResult } from "../../contracts/release.js";
import { closeFactoryDatabase, openFactoryDatabase } from "../../store/open-factory-database.js";
import { LineStore } from "./line-store.js";

const line = useLineStore();

function probe(cycle: number, scenario: string, passed = true): ProbeResult {
  return {
    release: "todo-api-r1",
    cycle,
    scenario,
    title: `${scenario} works`,
    passed,
    latencyMs: 4.5,
    ...(passed ? {} : { error: "expected 200, got 500" }),
    at: line.now().toISOString(),
  };
}

describe("service ports", () => {
  it("remembers a service's port, changes it, and refuses what is not a port", async () => {
    const monitoring = line.store.monitoring;
    expect(await monitoring.servicePort("todo-api")).toBeUndefined();
    await monitoring.setServicePort("todo-api", 4100);
    await monitoring.setServicePort("inventory-api", 4101);
    await monitoring.setServicePort("todo-api", 4200);
    expect(await monitoring.servicePort("todo-api")).toBe(4200);
    expect(await monitoring.servicePort("inventory-api")).toBe(4101);
    for (const port of [0, 65_536, 4100.5]) {
      expect((await thrownBy(monitoring.setServicePort("todo-api", port))).code).toBe(
        "invalid-argument",
      );
    }
    expect(await monitoring.servicePort("todo-api")).toBe(4200);
  });
});

describe("the monitor's records", () => {
  it("gives increasing cycle numbers across connections to the same file", async () => {
    const other = await openFactoryDatabase(line.path);
    try {
      const otherStore = new LineStore({ database: other, now: line.now });
      const cycles = [
        await line.store.monitoring.nextCycle(),
        await otherStore.monitoring.nextCycle(),
        await line.store.monitoring.nextCycle(),
        await otherStore.monitoring.nextCycle(),
      ];
      expect(cycles).toEqual([1, 2, 3, 4]);
    } finally {
      await closeFactoryDatabase(other);
    }
  });

  it("stores probes and reads them newest first, by cycle, up to a limit", async () => {
    const monitoring = line.store.monitoring;
    expect(await monitoring.recordProbes([])).toBe(0);
    expect(
      await monitoring.recordProbes([probe(1, "health"), probe(1, "create"), probe(1, "list")]),
    ).toBe(3);
    line.advance(60_000);
    expect(await monitoring.recordProbes([probe(2, "health"), probe(2, "create", false)])).toBe(2);
    const all = await monitoring.probes({ release: "todo-api-r1" });
    expect(all.map((result) => `${result.cycle}:${result.scenario}`)).toEqual([
      "2:create",
      "2:health",
      "1:list",
      "1:create",
      "1:health",
    ]);
    expect(all[0]).toEqual(probe(2, "create", false));
    expect((await monitoring.probes({ release: "todo-api-r1", cycle: 1 })).length).toBe(3);
    expect((await monitoring.probes({ release: "todo-api-r1", limit: 1 }))[0]?.scenario).toBe(
      "create",
    );
    expect(await monitoring.probes({ release: "todo-api-r2" })).toEqual([]);
  });

  it("stores a large cycle of probes whole, and refuses a batch with one bad probe", async () => {
    const monitoring = line.store.monitoring;
    const many = Array.from({ length: 450 }, (_, index) => probe(1, `scenario-${index}`));
    expect(await monitoring.recordProbes(many)).toBe(450);
    const bad = await thrownBy(
      monitoring.recordProbes([probe(2, "health"), { ...probe(2, "list"), latencyMs: -1 }]),
    );
    expect(bad.code).toBe("invalid-argument");
    expect(bad.message).toContain("probe 2");
    expect(await monitoring.probes({ release: "todo-api-r1", cycle: 2 })).toEqual([]);
  });

  it("keeps one SLO window per release, replaced and cleared", async () => {
    const monitoring = line.store.monitoring;
    expect(await monitoring.sloWindow("todo-api-r1")).toBeUndefined();
    await monitoring.setSloWindow("todo-api-r1", {
      startedCycle: 3,
      probes: 10,
      failures: 1,
      slow: 0,
    });
    await monitoring.setSloWindow("todo-api-r1", {
      startedCycle: 3,
      probes: 20,
      failures: 2,
      slow: 1,
    });
    await monitoring.setSloWindow("inventory-api-r1", {
      startedCycle: 1,
      probes: 0,
      failures: 0,
      slow: 0,
    });
    expect(await monitoring.sloWindow("todo-api-r1")).toEqual({
      startedCycle: 3,
      probes: 20,
      failures: 2,
      slow: 1,
    });
    const impossible = await thrownBy(
      monitoring.setSloWindow("todo-api-r1", { startedCycle: 3, probes: 2, failures: 5, slow: 0 }),
    );
    expect(impossible.code).toBe("invalid-argument");
    await monitoring.clearSloWindow("todo-api-r1");
    expect(await monitoring.sloWindow("todo-api-r1")).toBeUndefined();
    expect(await monitoring.sloWindow("inventory-api-r1")).toMatchObject({ startedCycle: 1 });
  });
});
