import { describe, expect, it } from "vitest";
import { RecordingReleaseHost } from "../../../test/support/deploy/recording-release-host.js";
import type { ReleaseRequest } from "../deploy-target.js";
import {
  LocalDeployTarget,
  type LocalDeployTargetOptions,
  type RestoredService,
  type RestoreFailure,
} from "./local-deploy-target.js";

function requestFor(release: string, service = "todo-api"): ReleaseRequest {
  return {
    release,
    service,
    workItem: "todo-api-000001",
    build: "todo-api-000001.1.1",
    commit: `commit-of-${release}`,
    directory: `/factory/releases/${release}`,
    command: "npm start",
    healthPath: "/health",
    env: { NODE_ENV: "production", SHOPFLOOR_RELEASE: "overridden" },
  };
}

interface Setup {
  host?: RecordingReleaseHost;
  fresh?: boolean;
  ports?: Record<string, number>;
  restore?: RestoredService[];
  options?: Partial<LocalDeployTargetOptions>;
}

function targetWith(setup: Setup = {}) {
  const host = setup.host ?? new RecordingReleaseHost();
  const ports = new Map(Object.entries(setup.ports ?? {}));
  const failures: RestoreFailure[] = [];
  let connects = 0;
  let restores = 0;
  const target = new LocalDeployTarget({
    connect: async () => {
      connects++;
      return { host, fresh: setup.fresh ?? false };
    },
    ports: {
      get: async (service) => ports.get(service),
      set: async (service, port) => {
        ports.set(service, port);
      },
    },
    restore: async () => {
      restores++;
      return setup.restore ?? [];
    },
    healthTimeoutMs: 30_000,
    onRestoreFailure: (failure) => failures.push(failure),
    ...setup.options,
  });
  return {
    target,
    host,
    ports,
    failures,
    connects: () => connects,
    restores: () => restores,
  };
}

describe("LocalDeployTarget", () => {
  it("starts a release on the host with its data in the environment, taking no traffic", async () => {
    const { target, host } = targetWith();
    const started = await target.start(requestFor("todo-api-r1"));
    expect(started).toEqual({
      release: "todo-api-r1",
      checkAt: { baseUrl: "http://127.0.0.1:50000" },
      takesTraffic: false,
    });
    expect(host.callsOf("launch")[0]?.launch).toEqual({
      release: "todo-api-r1",
      service: "todo-api",
      directory: "/factory/releases/todo-api-r1",
      command: "npm start",
      healthPath: "/health",
      healthTimeoutMs: 30_000,
      env: {
        NODE_ENV: "production",
        SHOPFLOOR_RELEASE: "todo-api-r1",
        SHOPFLOOR_SERVICE: "todo-api",
        SHOPFLOOR_COMMIT: "commit-of-todo-api-r1",
        SHOPFLOOR_BUILD: "todo-api-000001.1.1",
        SHOPFLOOR_WORK_ITEM: "todo-api-000001",
      },
    });
  });

  it("connects lazily, once, and restores nothing on a daemon that was already running", async () => {
    const { target, connects, restores } = targetWith({ fresh: false });
    expect(connects()).toBe(0);
    await target.start(requestFor("todo-api-r1"));
    await target.shift("todo-api", [{ release: "todo-api-r1", share: 1 }]);
    await target.stop("todo-api-r1");
    expect(connects()).toBe(1);
    expect(restores()).toBe(0);
  });

  it("gives a fresh daemon back the live and standby releases, on the remembered port", async () => {
    const { target, host, ports } = targetWith({
      fresh: true,
      ports: { "todo-api": 43_100 },
      restore: [
        {
          service: "todo-api",
          releases: [
            { request: requestFor("todo-api-r2"), share: 1 },
            { request: requestFor("todo-api-r1"), share: 0 },
          ],
        },
      ],
    });
    expect(await target.address("todo-api")).toBe("http://127.0.0.1:43100");
    expect(host.callsOf("launch").map((call) => call.launch.release)).toEqual([
      "todo-api-r2",
      "todo-api-r1",
    ]);
    expect(host.callsOf("launch")[0]?.launch.env.SHOPFLOOR_COMMIT).toBe("commit-of-todo-api-r2");
    expect(host.callsOf("route")).toEqual([
      {
        method: "route",
        service: "todo-api",
        shares: [{ release: "todo-api-r2", share: 1 }],
        port: 43_100,
      },
    ]);
    expect(ports.get("todo-api")).toBe(43_100);
  });

  it("restores what it can: a canary that does not come back leaves its share to the live release", async () => {
    const { target, host, failures } = targetWith({
      fresh: true,
      host: new RecordingReleaseHost({ failingReleases: ["todo-api-r3"] }),
      ports: { "todo-api": 43_100 },
      restore: [
        {
          service: "todo-api",
          releases: [
            { request: requestFor("todo-api-r2"), share: 0.9 },
            { request: requestFor("todo-api-r3"), share: 0.1 },
          ],
        },
      ],
    });
    await target.stop("todo-api-r1");
    expect(host.callsOf("route")[0]?.shares).toEqual([{ release: "todo-api-r2", share: 1 }]);
    expect(failures.map((failure) => [failure.service, failure.release])).toEqual([
      ["todo-api", "todo-api-r3"],
    ]);
    expect(failures[0]?.error.message).toContain("todo-api-r3 did not answer /health");
  });

  it("shifts traffic on the remembered port, else lets the host choose one and remembers it", async () => {
    const { target, host, ports } = targetWith({ ports: { "todo-api": 43_100 } });
    await target.start(requestFor("todo-api-r1"));
    await target.start(requestFor("todo-api-r2"));
    await target.shift("todo-api", [
      { release: "todo-api-r1", share: 0.9 },
      { release: "todo-api-r2", share: 0.1 },
    ]);
    await target.start(requestFor("tempconv-r1", "tempconv"));
    await target.shift("tempconv", [{ release: "tempconv-r1", share: 1 }]);
    expect(host.callsOf("route").map((call) => call.port)).toEqual([43_100, undefined]);
    expect(ports.get("tempconv")).toBe(41_000);
    expect(host.releases.get("todo-api-r2")?.share).toBe(0.1);
  });

  it("gives a new service the next free port from basePort", async () => {
    const busy = new Set([47_000, 47_002]);
    const { target, host, ports } = targetWith({
      ports: { "todo-api": 47_001 },
      options: { basePort: 47_000, isPortFree: async (port) => !busy.has(port) },
    });
    await target.start(requestFor("todo-api-r1"));
    await target.shift("todo-api", [{ release: "todo-api-r1", share: 1 }]);
    await target.start(requestFor("tempconv-r1", "tempconv"));
    await target.shift("tempconv", [{ release: "tempconv-r1", share: 1 }]);
    expect(host.callsOf("route").map((call) => call.port)).toEqual([47_001, 47_003]);
    expect(ports.get("tempconv")).toBe(47_003);
  });

  it("rolls back to the standby release still running, and stops the regressed one", async () => {
    const { target, host } = targetWith({ ports: { "todo-api": 43_100 } });
    await target.start(requestFor("todo-api-r1"));
    await target.start(requestFor("todo-api-r2"));
    await target.shift("todo-api", [{ release: "todo-api-r2", share: 1 }]);
    await target.rollback("todo-api", requestFor("todo-api-r2"), requestFor("todo-api-r1"));
    expect(host.callsOf("launch")).toHaveLength(2);
    expect(host.callsOf("route").at(-1)?.shares).toEqual([{ release: "todo-api-r1", share: 1 }]);
    expect(host.callsOf("stop")).toEqual([{ method: "stop", release: "todo-api-r2" }]);
    const routed = host.calls.findLastIndex((call) => call.method === "route");
    const stopped = host.calls.findIndex((call) => call.method === "stop");
    expect(routed).toBeLessThan(stopped);
  });

  it("launches the release rolled back to again when the host no longer runs it", async () => {
    const { target, host } = targetWith();
    await target.start(requestFor("todo-api-r1"));
    await target.stop("todo-api-r1");
    await target.start(requestFor("todo-api-r2"));
    await target.shift("todo-api", [{ release: "todo-api-r2", share: 1 }]);
    await target.rollback("todo-api", requestFor("todo-api-r2"), requestFor("todo-api-r1"));
    expect(host.callsOf("launch").map((call) => call.launch.release)).toEqual([
      "todo-api-r1",
      "todo-api-r2",
      "todo-api-r1",
    ]);
    expect(host.releases.get("todo-api-r1")).toMatchObject({ state: "running", share: 1 });
    expect(host.releases.get("todo-api-r2")?.state).toBe("stopped");
  });

  it("with nothing to go back to, empties the route (503) and stops the regressed release", async () => {
    const { target, host } = targetWith();
    await target.start(requestFor("todo-api-r1"));
    await target.shift("todo-api", [{ release: "todo-api-r1", share: 1 }]);
    await target.rollback("todo-api", requestFor("todo-api-r1"), undefined);
    expect(host.callsOf("route").at(-1)?.shares).toEqual([]);
    expect(host.releases.get("todo-api-r1")?.state).toBe("stopped");
  });

  it("answers the stable address from the host, else from the remembered port", async () => {
    const { target } = targetWith({ ports: { tempconv: 43_200 } });
    await target.start(requestFor("todo-api-r1"));
    await target.shift("todo-api", [{ release: "todo-api-r1", share: 1 }]);
    expect(await target.address("todo-api")).toBe("http://127.0.0.1:41000");
    expect(await target.address("tempconv")).toBe("http://127.0.0.1:43200");
    expect(await target.address("inventory-api")).toBeUndefined();
  });

  it("says where a running release answers directly, and nothing for a stopped one", async () => {
    const { target } = targetWith();
    await target.start(requestFor("todo-api-r1"));
    await target.start(requestFor("todo-api-r2"));
    await target.stop("todo-api-r1");
    expect(await target.endpoint("todo-api-r2")).toEqual({ baseUrl: "http://127.0.0.1:50001" });
    expect(await target.endpoint("todo-api-r1")).toBeUndefined();
    expect(await target.endpoint("todo-api-r9")).toBeUndefined();
  });

  it("closes the host it connected to, and connects nowhere to close", async () => {
    const idle = targetWith();
    await idle.target.close();
    expect(idle.connects()).toBe(0);
    const used = targetWith();
    await used.target.start(requestFor("todo-api-r1"));
    await used.target.close();
    expect(used.host.closed).toBe(true);
  });

  it("does not launch a release whose deploy was already cancelled", async () => {
    const { target, host } = targetWith();
    const cancelled = AbortSignal.abort();
    await expect(target.start(requestFor("todo-api-r1"), cancelled)).rejects.toThrow();
    expect(host.calls).toEqual([]);
  });
});
