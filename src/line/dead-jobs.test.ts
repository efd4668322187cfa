import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LineFixture, lineFixture } from "../../test/line/support/line-fixture.js";
import { reportDeadJob, reportDeadJobs } from "./dead-jobs.js";

let fixture: LineFixture;
beforeEach(async () => {
  fixture = await lineFixture();
});
afterEach(() => fixture.remove());

async function deadJob(payload: Record<string, unknown>, station: "trials" | "gate" = "trials") {
  const { queue } = fixture.services;
  await queue.enqueue({ station, payload, key: `dead-${JSON.stringify(payload)}`, maxAttempts: 1 });
  const job = await queue.lease(station, { workerId: "test-host:1", leaseMs: 1000 });
  if (job === undefined) throw new Error("no job");
  await queue.fail(job, { message: "the build has no package.json", retryable: false });
  return job;
}

describe("dead jobs", () => {
  it("become one exception on their item, with the error as evidence", async () => {
    const item = await fixture.session.submit({ specPath: fixture.smallSpec });
    const job = await deadJob({ workItem: item.id, build: `${item.id}.1.1`, round: 1 });
    expect(await reportDeadJobs(fixture.services)).toBe(1);
    expect(await reportDeadJobs(fixture.services)).toBe(0);
    expect(await reportDeadJob(fixture.services, job, "again")).toBe(false);
    const [exception] = await fixture.services.store.exceptions({ workItem: item.id });
    expect(exception).toMatchObject({
      reason: "agent-cannot-build",
      build: `${item.id}.1.1`,
      evidence: { station: "trials", job: job.id, error: "the build has no package.json" },
    });
    expect(exception?.summary).toBe("The build could not be tested: the build has no package.json");
    expect((await fixture.services.store.workItem(item.id))?.state).toBe("exception");
  });

  it("of an attempt the item has left, or of a settled item, report nothing", async () => {
    const item = await fixture.session.submit({ specPath: fixture.smallSpec });
    await deadJob({ workItem: item.id, attempt: 2 }, "gate");
    expect(await reportDeadJobs(fixture.services)).toBe(0);
    await fixture.services.store.transition(item.id, {
      from: "intake",
      to: "rejected",
      reason: "x",
    });
    await deadJob({ workItem: item.id, attempt: 1 }, "gate");
    expect(await reportDeadJobs(fixture.services)).toBe(0);
    expect(await fixture.services.store.exceptions({ workItem: item.id })).toEqual([]);
  });
});
