import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LineFixture, lineFixture } from "../../../test/line/support/line-fixture.js";
import {
  buildEstimateMicroUsd,
  openReservationIds,
  reserveOnce,
  trialsEstimateMicroUsd,
} from "./station-budget.js";

let fixture: LineFixture;
beforeEach(async () => {
  fixture = await lineFixture();
});
afterEach(() => fixture.remove());

describe("the stations' budget", () => {
  it("estimates a coding agent's run at $1, the scaffold's at nothing, and trials by CPU time", () => {
    expect(buildEstimateMicroUsd("claude")).toBe(1_000_000);
    expect(buildEstimateMicroUsd("scaffold")).toBe(0);
    // 180 trials × 0.2 CPU-seconds at $0.05 an hour.
    expect(trialsEstimateMicroUsd(180, undefined)).toBe(500);
    expect(trialsEstimateMicroUsd(180, { trial: { cpuHourUsd: 0.1, wallHourUsd: 0 } })).toBe(1000);
    expect(trialsEstimateMicroUsd(0, undefined)).toBe(1);
  });

  it("uses the reservation a crashed job left open instead of holding the money twice", async () => {
    const request = {
      category: "testing" as const,
      amountMicroUsd: 700,
      workItem: "todo-1",
      station: "trials",
      run: "todo-1.1.1.trials.1",
    };
    const first = await reserveOnce(fixture.context(), request);
    const second = await reserveOnce(fixture.context(), request);
    if (!first.granted || !second.granted) throw new Error("refused");
    expect(second.reservation.id).toBe(first.reservation.id);
    expect(await openReservationIds(fixture.context(), request.run, "testing")).toEqual([
      first.reservation.id,
    ]);
    await fixture.services.ledger.settle(first.reservation.id, []);
    const third = await reserveOnce(fixture.context(), request);
    if (!third.granted) throw new Error("refused");
    expect(third.reservation.id).not.toBe(first.reservation.id);
  });
});
