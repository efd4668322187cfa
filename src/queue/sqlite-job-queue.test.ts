import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  startMs,
  type TemporaryQueue,
  temporaryQueue,
} from "../../test/queue/support/temporary-queue.js";
import { LostLeaseError } from "./job-queue.js";

let subject: TemporaryQueue;
beforeEach(async () => {
  subject = await temporaryQueue();
});
afterEach(async () => {
  await subject.close();
});

const worker = { workerId: "host:100", leaseMs: 60_000 };

function job(key: string, extra: { maxAttempts?: number; delayMs?: number } = {}) {
  return { station: "build" as const, payload: { workItem: key, attempt: 1 }, key, ...extra };
}

async function leaseOrFail(workerId = worker.workerId, leaseMs = worker.leaseMs) {
  const leased = await subject.queue.lease("build", { workerId, leaseMs });
  if (leased === undefined) throw new Error("expected a job to lease");
  return leased;
}

describe("enqueue, lease and complete", () => {
  it("hands a job to one worker with its payload, then keeps it as done history", async () => {
    expect(await subject.queue.enqueue(job("todo-1"))).toEqual({ id: "id-1", created: true });
    const leased = await leaseOrFail();
    expect(leased).toEqual({
      id: "id-1",
      station: "build",
      payload: { workItem: "todo-1", attempt: 1 },
      key: "todo-1",
      attempt: 1,
      maxAttempts: 3,
      leaseToken: "id-2",
      leaseExpiresAt: startMs + 60_000,
    });
    expect(await subject.queue.lease("build", worker)).toBeUndefined();
    await subject.queue.complete(leased);
    expect((await subject.queue.counts()).build).toEqual({
      waiting: 0,
      leased: 0,
      done: 1,
      dead: 0,
    });
    subject.advance(10 * 60_000);
    expect(await subject.queue.lease("build", worker)).toBeUndefined();
  });

  it("leases the oldest due job first, per station, and not a delayed job before its time", async () => {
    await subject.queue.enqueue(job("later", { delayMs: 5_000 }));
    await subject.queue.enqueue(job("first"));
    await subject.queue.enqueue(job("second"));
    await subject.queue.enqueue({ station: "trials", payload: {}, key: "elsewhere" });
    expect((await leaseOrFail()).key).toBe("first");
    expect((await leaseOrFail()).key).toBe("second");
    expect(await subject.queue.lease("build", worker)).toBeUndefined();
    subject.advance(5_000);
    expect((await leaseOrFail()).key).toBe("later");
    expect((await subject.queue.lease("trials", worker))?.key).toBe("elsewhere");
  });

  it("says which stations have a job to lease now, by the queue's clock", async () => {
    expect(await subject.queue.dueStations()).toEqual([]);
    await subject.queue.enqueue(job("later", { delayMs: 5_000 }));
    await subject.queue.enqueue({ station: "trials", payload: {}, key: "now" });
    expect(await subject.queue.dueStations()).toEqual(["trials"]);
    const trials = await subject.queue.lease("trials", { ...worker, leaseMs: 1_000 });
    expect(await subject.queue.dueStations()).toEqual([]);
    subject.advance(1_000);
    // The trials lease expired: the job is due again, as is the delayed build.
    expect(await subject.queue.dueStations()).toEqual(["trials"]);
    subject.advance(4_000);
    expect(await subject.queue.dueStations()).toEqual(["build", "trials"]);
    await leaseOrFail();
    const again = await subject.queue.lease("trials", worker);
    expect(again?.id).toBe(trials?.id);
    expect(await subject.queue.dueStations()).toEqual([]);
  });

  it("refuses requests no job can be made of", async () => {
    const station = "paint" as "build";
    await expect(subject.queue.enqueue({ ...job("a"), station })).rejects.toThrow(/no station/);
    await expect(subject.queue.enqueue(job(""))).rejects.toThrow(/non-empty key/);
    await expect(subject.queue.enqueue(job("a", { maxAttempts: 0 }))).rejects.toThrow(
      /maxAttempts/,
    );
    await expect(subject.queue.enqueue(job("a", { delayMs: -1 }))).rejects.toThrow(/delayMs/);
    const payload = [1] as unknown as Record<string, unknown>;
    await expect(subject.queue.enqueue({ ...job("a"), payload })).rejects.toThrow(/JSON object/);
    await expect(subject.queue.lease("build", { ...worker, leaseMs: 0 })).rejects.toThrow(
      /leaseMs/,
    );
    expect((await subject.queue.counts()).build.waiting).toBe(0);
  });
});

describe("idempotent keys", () => {
  it("make a second enqueue a no-op while the job waits or is leased", async () => {
    const first = await subject.queue.enqueue(job("gate:todo-1:1"));
    expect(await subject.queue.enqueue(job("gate:todo-1:1"))).toEqual({
      id: first.id,
      created: false,
    });
    const leased = await leaseOrFail();
    expect(await subject.queue.enqueue(job("gate:todo-1:1"))).toEqual({
      id: first.id,
      created: false,
    });
    expect((await subject.queue.counts()).build).toMatchObject({ waiting: 0, leased: 1 });
    await subject.queue.complete(leased);
    const again = await subject.queue.enqueue(job("gate:todo-1:1"));
    expect(again.created).toBe(true);
    expect(again.id).not.toBe(first.id);
  });

  it("are one namespace across stations, so a key names its station", async () => {
    const first = await subject.queue.enqueue(job("todo-1"));
    const other = await subject.queue.enqueue({ station: "gate", payload: {}, key: "todo-1" });
    expect(other).toEqual({ id: first.id, created: false });
    expect((await subject.queue.counts()).gate.waiting).toBe(0);
  });

  it("let a key be enqueued again once its job is dead", async () => {
    await subject.queue.enqueue(job("k"));
    await subject.queue.fail(await leaseOrFail(), { message: "bad spec", retryable: false });
    expect((await subject.queue.enqueue(job("k"))).created).toBe(true);
  });
});

describe("leases", () => {
  it("expire after the visibility timeout, and the job is leased again as the next attempt", async () => {
    await subject.queue.enqueue(job("slow"));
    const first = await leaseOrFail("host:1", 1_000);
    subject.advance(999);
    expect(await subject.queue.lease("build", worker)).toBeUndefined();
    subject.advance(1);
    const second = await leaseOrFail("host:2", 1_000);
    expect(second).toMatchObject({ id: first.id, attempt: 2, leaseExpiresAt: startMs + 2_000 });
    await expect(subject.queue.complete(first)).rejects.toBeInstanceOf(LostLeaseError);
    await expect(subject.queue.extendLease(first, 1_000)).rejects.toBeInstanceOf(LostLeaseError);
    await expect(
      subject.queue.fail(first, { message: "late", retryable: true }),
    ).rejects.toBeInstanceOf(LostLeaseError);
    await subject.queue.complete(second);
  });

  it("stay invisible while extended", async () => {
    await subject.queue.enqueue(job("agent-run"));
    const leased = await leaseOrFail("host:1", 1_000);
    subject.advance(800);
    await subject.queue.extendLease(leased, 1_000);
    subject.advance(999);
    expect(await subject.queue.lease("build", worker)).toBeUndefined();
    subject.advance(1);
    expect((await leaseOrFail()).attempt).toBe(2);
  });

  it("refuse a token that is not the job's current one", async () => {
    await subject.queue.enqueue(job("a"));
    const leased = await leaseOrFail();
    const forged = { ...leased, leaseToken: "not-mine" };
    await expect(subject.queue.complete(forged)).rejects.toThrow(/lease on job id-1/);
    await expect(subject.queue.extendLease(forged, 10)).rejects.toBeInstanceOf(LostLeaseError);
    await subject.queue.complete(leased);
    await expect(subject.queue.complete(leased)).rejects.toBeInstanceOf(LostLeaseError);
  });

  it("on the last attempt, expiring makes the job dead and says how often it expired", async () => {
    await subject.queue.enqueue(job("hangs", { maxAttempts: 3 }));
    const first = await leaseOrFail("host:1", 1_000);
    await subject.queue.fail(first, { message: "flaky", retryable: true });
    subject.advance(1_000);
    for (const expected of [2, 3]) {
      expect((await leaseOrFail("host:1", 1_000)).attempt).toBe(expected);
      subject.advance(1_000);
    }
    expect(await subject.queue.lease("build", worker)).toBeUndefined();
    const [dead] = await subject.queue.deadJobs();
    expect(dead).toMatchObject({ key: "hangs", attempt: 3, error: "lease expired 2 times" });
  });

  it("are taken back from gone workers at once, without using up an attempt", async () => {
    for (const key of ["a", "b", "c"]) await subject.queue.enqueue(job(key));
    const fromGone = [await leaseOrFail("host:1"), await leaseOrFail("host:1")];
    const alive = await leaseOrFail("host:2");
    expect(await subject.queue.releaseLeases((workerId) => workerId === "host:1")).toBe(2);
    const again = [await leaseOrFail("host:3"), await leaseOrFail("host:3")];
    expect(again.map((leased) => [leased.key, leased.attempt])).toEqual([
      ["a", 1],
      ["b", 1],
    ]);
    await expect(subject.queue.complete(fromGone[0] ?? alive)).rejects.toBeInstanceOf(
      LostLeaseError,
    );
    await subject.queue.complete(alive);
    expect(await subject.queue.releaseLeases(() => false)).toBe(0);
  });
});

describe("failures", () => {
  it("come back after an exact exponential backoff until the attempts are spent", async () => {
    await subject.close();
    subject = await temporaryQueue({ baseMs: 1_000, maxMs: 5_000 });
    await subject.queue.enqueue(job("flaky", { maxAttempts: 5 }));
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const leased = await leaseOrFail();
      expect(leased.attempt).toBe(attempt);
      const outcome = await subject.queue.fail(leased, { message: "timeout", retryable: true });
      if (outcome.state !== "retrying") throw new Error(`attempt ${attempt} died`);
      waits.push(outcome.runAt - subject.now());
      subject.advance(outcome.runAt - subject.now() - 1);
      expect(await subject.queue.lease("build", worker)).toBeUndefined();
      subject.advance(1);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 5_000]);
    const last = await leaseOrFail();
    expect(await subject.queue.fail(last, { message: "timeout", retryable: true })).toEqual({
      state: "dead",
      error: "timeout",
    });
    expect((await subject.queue.counts()).build).toEqual({
      waiting: 0,
      leased: 0,
      done: 0,
      dead: 1,
    });
  });

  it("use one second, doubling, by default, and die at once when not retryable", async () => {
    await subject.queue.enqueue(job("retried"));
    const first = await subject.queue.fail(await leaseOrFail(), { message: "x", retryable: true });
    expect(first).toEqual({ state: "retrying", runAt: startMs + 1_000 });
    subject.advance(1_000);
    const second = await subject.queue.fail(await leaseOrFail(), { message: "y", retryable: true });
    expect(second).toEqual({ state: "retrying", runAt: startMs + 3_000 });
    await subject.queue.enqueue(job("broken"));
    const broken = await leaseOrFail();
    expect(broken.key).toBe("broken");
    expect(await subject.queue.fail(broken, { message: "no spec", retryable: false })).toEqual({
      state: "dead",
      error: "no spec",
    });
  });

  it("are listed newest first once dead, with their last error", async () => {
    for (const key of ["one", "two", "three"]) {
      await subject.queue.enqueue(job(key, { maxAttempts: 1 }));
      await subject.queue.fail(await leaseOrFail(), { message: `${key} broke`, retryable: true });
      subject.advance(10);
    }
    const dead = await subject.queue.deadJobs(2);
    expect(dead.map((entry) => [entry.key, entry.error, entry.attempt])).toEqual([
      ["three", "three broke", 1],
      ["two", "two broke", 1],
    ]);
    await expect(subject.queue.deadJobs(0)).rejects.toThrow(/limit/);
  });
});

describe("counts", () => {
  it("cover every station, zeros included", async () => {
    expect(await subject.queue.counts()).toEqual({
      intake: { waiting: 0, leased: 0, done: 0, dead: 0 },
      build: { waiting: 0, leased: 0, done: 0, dead: 0 },
      scenarios: { waiting: 0, leased: 0, done: 0, dead: 0 },
      trials: { waiting: 0, leased: 0, done: 0, dead: 0 },
      gate: { waiting: 0, leased: 0, done: 0, dead: 0 },
      deploy: { waiting: 0, leased: 0, done: 0, dead: 0 },
    });
    for (const key of ["a", "b", "c", "d"]) await subject.queue.enqueue(job(key));
    await subject.queue.enqueue({ station: "gate", payload: {}, key: "gate-1" });
    await subject.queue.complete(await leaseOrFail());
    await leaseOrFail();
    await subject.queue.fail(await leaseOrFail(), { message: "no", retryable: false });
    const counts = await subject.queue.counts();
    expect(counts.build).toEqual({ waiting: 1, leased: 1, done: 1, dead: 1 });
    expect(counts.gate).toEqual({ waiting: 1, leased: 0, done: 0, dead: 0 });
    expect(counts.intake).toEqual({ waiting: 0, leased: 0, done: 0, dead: 0 });
  });
});
