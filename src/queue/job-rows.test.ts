import { describe, expect, it } from "vitest";
import { checkJobRequest, leasedJobFromRow, newJobRow } from "./job-rows.js";

const now = Date.parse("2026-11-24T09:00:00.000Z");

describe("newJobRow", () => {
  it("makes a waiting, never leased row due after the delay", () => {
    const row = newJobRow(
      { station: "trials", payload: { build: "todo-1.1.1", round: 2 }, key: "t", delayMs: 1.5 },
      { id: "job-1", now },
    );
    expect(row).toEqual({
      id: "job-1",
      station: "trials",
      payload: '{"build":"todo-1.1.1","round":2}',
      job_key: "t",
      state: "waiting",
      attempt: 0,
      max_attempts: 3,
      run_at: now + 2,
      expirations: 0,
      created_at: "2026-11-24T09:00:00.000Z",
      updated_at: "2026-11-24T09:00:00.000Z",
    });
  });

  it("refuses a payload that is not JSON", () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => checkJobRequest({ station: "gate", payload: circular, key: "k" })).toThrow(
      /must be JSON/,
    );
  });
});

describe("leasedJobFromRow", () => {
  const row = {
    sequence: 1,
    ...newJobRow({ station: "gate", payload: { attempt: 2 }, key: "g" }, { id: "job-1", now }),
    lease_token: "token",
    lease_expires_at: now + 1_000,
    worker_id: "host:1",
    error: null,
    attempt: 1,
    expirations: 0,
    max_attempts: 3,
    state: "leased",
    created_at: "",
    updated_at: "",
    run_at: now + 1_000,
  };

  it("gives the station its payload back as an object", () => {
    expect(leasedJobFromRow(row)).toEqual({
      id: "job-1",
      station: "gate",
      payload: { attempt: 2 },
      key: "g",
      attempt: 1,
      maxAttempts: 3,
      leaseToken: "token",
      leaseExpiresAt: now + 1_000,
    });
  });

  it("reports a row it cannot trust as an internal fault", () => {
    expect(() => leasedJobFromRow({ ...row, station: "paint" })).toThrow(/unknown station/);
    expect(() => leasedJobFromRow({ ...row, payload: "[]" })).toThrow(/not a JSON object/);
  });
});
