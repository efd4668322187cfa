import { describe, expect, it } from "vitest";
import { DeployError } from "../../../src/deploy/deploy-error.js";
import { RecordingReleaseHost } from "./recording-release-host.js";

const launch = {
  service: "todo-api",
  directory: "/factory/releases",
  command: "npm start",
  healthPath: "/health",
  healthTimeoutMs: 1_000,
  env: {},
};

describe("RecordingReleaseHost (the tests' fake host)", () => {
  it("records each call and reports what it was told", async () => {
    const host = new RecordingReleaseHost({ pid: 9, firstPort: 42_000 });
    await host.launch({ ...launch, release: "todo-api-r1" });
    await host.route("todo-api", [{ release: "todo-api-r1", share: 1 }]);
    await host.stop("todo-api-r1");
    const status = await host.status();
    expect(status.pid).toBe(9);
    expect(status.services[0]?.address).toBe("http://127.0.0.1:42000");
    expect(status.releases[0]?.state).toBe("stopped");
    expect(host.calls.map((call) => call.method)).toEqual(["launch", "route", "stop", "status"]);
  });

  it("fails the launches it is told to, and routes only running releases of the service", async () => {
    const host = new RecordingReleaseHost({ failingReleases: ["todo-api-r2"] });
    await expect(host.launch({ ...launch, release: "todo-api-r2" })).rejects.toBeInstanceOf(
      DeployError,
    );
    await expect(host.route("todo-api", [{ release: "todo-api-r2", share: 1 }])).rejects.toThrow(
      "todo-api-r2 is not a running release of todo-api",
    );
  });
});
