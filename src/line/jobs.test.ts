import { describe, expect, it } from "vitest";
import type { JobQueue, JobRequest } from "../queue/job-queue.js";
import { buildId, enqueueJob, jobKey, parseJobPayload, workItemOfPayload } from "./jobs.js";

describe("the line's jobs", () => {
  it("keys each job so that enqueueing it twice is one job", () => {
    expect(jobKey({ station: "intake", payload: { workItem: "todo-1" } })).toBe("intake:todo-1");
    expect(
      jobKey({ station: "build", payload: { workItem: "todo-1", attempt: 2, candidate: 3 } }),
    ).toBe("build:todo-1.2.3");
    expect(
      jobKey({ station: "trials", payload: { workItem: "todo-1", build: "todo-1.1.1", round: 2 } }),
    ).toBe("trials:todo-1.1.1:2");
    expect(jobKey({ station: "gate", payload: { workItem: "todo-1", attempt: 1 } })).toBe(
      "gate:todo-1:1",
    );
    expect(jobKey({ station: "scenarios", payload: { workItem: "todo-1" } })).toBe(
      "scenarios:todo-1",
    );
    expect(buildId("todo-1", 1, 2)).toBe("todo-1.1.2");
  });

  it("checks a leased payload against its station's shape", () => {
    expect(parseJobPayload("gate", { workItem: "todo-1", attempt: 2 })).toEqual({
      workItem: "todo-1",
      attempt: 2,
    });
    expect(() => parseJobPayload("build", { workItem: "todo-1", attempt: 0 })).toThrow(
      /build job's payload is not valid: attempt.*candidate/,
    );
  });

  it("enqueues with the station, payload and key", async () => {
    const requests: JobRequest[] = [];
    const queue = {
      enqueue: async (request: JobRequest) => {
        requests.push(request);
        return { id: "1", created: true };
      },
    } as unknown as JobQueue;
    await enqueueJob(queue, { station: "intake", payload: { workItem: "todo-1" } });
    expect(requests).toEqual([
      { station: "intake", payload: { workItem: "todo-1" }, key: "intake:todo-1" },
    ]);
  });

  it("finds the work item of any payload", () => {
    expect(workItemOfPayload({ workItem: "todo-1", build: "x" })).toBe("todo-1");
    expect(workItemOfPayload({})).toBeUndefined();
    expect(workItemOfPayload(null)).toBeUndefined();
  });
});
