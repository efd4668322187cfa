import { describe, expect, it } from "vitest";
import { thrownBy, useLineStore } from "../../../test/line/support/line-store-harness.js";
import type { WorkItem } from "../../contracts/work-item.js";
import type { NewRelease } from "./release-records.js";

const line = useLineStore();

function newRelease(item: WorkItem, overrides: Partial<NewRelease> = {}): NewRelease {
  return {
    service: item.name,
    workItem: item.id,
    build: `${item.id}.1.1`,
    commit: "c0ffee",
    target: "local",
    request: (release) => ({
      directory: `/home/releases/${release}`,
      command: "node server.js",
      healthPath: "/health",
      env: { NODE_ENV: "production" },
    }),
    ...overrides,
  };
}

describe("creating releases", () => {
  it("numbers a service's releases from 1, starting, with the request and a release.start event", async () => {
    const item = await line.newItem();
    line.heard.length = 0;
    line.advance(1000);
    const release = await line.store.releases.createRelease(newRelease(item));
    expect(release).toEqual({
      id: "todo-api-r1",
      service: "todo-api",
      number: 1,
      workItem: item.id,
      build: `${item.id}.1.1`,
      commit: "c0ffee",
      target: "local",
      state: "starting",
      createdAt: "2026-11-24T09:00:01.000Z",
      updatedAt: "2026-11-24T09:00:01.000Z",
    });
    expect(await line.store.releases.release(release.id)).toEqual(release);
    expect(await line.store.releases.releaseRequest(release.id)).toEqual({
      release: "todo-api-r1",
      service: "todo-api",
      workItem: item.id,
      build: `${item.id}.1.1`,
      commit: "c0ffee",
      directory: "/home/releases/todo-api-r1",
      command: "node server.js",
      healthPath: "/health",
      env: { NODE_ENV: "production" },
    });
    expect(line.heard.map((event) => [event.type, event.workItem, event.payload])).toEqual([
      [
        "release.start",
        item.id,
        { release: "todo-api-r1", build: `${item.id}.1.1`, target: "local" },
      ],
    ]);

    const other = await line.newItem("inventory-api");
    const [second, third, elsewhere] = await Promise.all([
      line.store.releases.createRelease(newRelease(item)),
      line.store.releases.createRelease(newRelease(item)),
      line.store.releases.createRelease(newRelease(other)),
    ]);
    expect([second?.id, third?.id, elsewhere?.id]).toEqual([
      "todo-api-r2",
      "todo-api-r3",
      "inventory-api-r1",
    ]);
  });

  it("refuses an unknown work item or a request it could not start from, and writes nothing", async () => {
    const item = await line.newItem();
    const unknown = await thrownBy(
      line.store.releases.createRelease({ ...newRelease(item), workItem: "nothing-000000" }),
    );
    expect(unknown.code).toBe("not-found");
    const noHealth = await thrownBy(
      line.store.releases.createRelease(
        newRelease(item, {
          request: () => ({ directory: "/r", command: "", healthPath: "", env: {} }),
        }),
      ),
    );
    expect(noHealth.code).toBe("invalid-argument");
    expect(noHealth.message).toContain("release todo-api-r1 cannot be started");
    const noService = await thrownBy(
      line.store.releases.createRelease(newRelease(item, { service: "" })),
    );
    expect(noService.code).toBe("invalid-argument");
    expect(await line.store.releases.releases()).toEqual([]);
    expect((await line.store.events()).map((event) => event.type)).toEqual(["work-item.create"]);
  });

  it("replaces the request once the code is exported, only with the release's own identity", async () => {
    const item = await line.newItem();
    const release = await line.store.releases.createRelease(
      newRelease(item, {
        request: (id) => ({ directory: `/r/${id}`, command: "", healthPath: "/health", env: {} }),
      }),
    );
    const request = await line.store.releases.releaseRequest(release.id);
    expect(request.command).toBe("");
    await line.store.releases.setReleaseRequest(release.id, { ...request, command: "npm start" });
    expect((await line.store.releases.releaseRequest(release.id)).command).toBe("npm start");
    const wrongBuild = await thrownBy(
      line.store.releases.setReleaseRequest(release.id, { ...request, build: "other.1.1" }),
    );
    expect(wrongBuild.code).toBe("invalid-argument");
    expect((await line.store.releases.releaseRequest(release.id)).build).toBe(request.build);
    const missing = await thrownBy(line.store.releases.releaseRequest("todo-api-r9"));
    expect(missing.code).toBe("not-found");
  });
});

describe("moving releases", () => {
  it("stamps going live and ending, and keeps the reason and address unless given new ones", async () => {
    const item = await line.newItem();
    const release = await line.store.releases.createRelease(newRelease(item));
    line.advance(1000);
    const live = await line.store.releases.updateRelease(release.id, {
      state: "live",
      address: "http://127.0.0.1:4100",
      from: "starting",
    });
    expect(live).toMatchObject({
      state: "live",
      address: "http://127.0.0.1:4100",
      liveAt: "2026-11-24T09:00:01.000Z",
      updatedAt: "2026-11-24T09:00:01.000Z",
    });
    expect(live).not.toHaveProperty("endedAt");
    line.advance(1000);
    const standby = await line.store.releases.updateRelease(release.id, { state: "standby" });
    expect(standby).toMatchObject({ address: "http://127.0.0.1:4100", liveAt: live.liveAt });
    expect(standby).not.toHaveProperty("endedAt");
    line.advance(1000);
    const retired = await line.store.releases.updateRelease(release.id, {
      state: "retired",
      reason: "todo-api-r3 went live",
    });
    expect(retired).toMatchObject({
      reason: "todo-api-r3 went live",
      endedAt: "2026-11-24T09:00:03.000Z",
    });
    line.advance(1000);
    const again = await line.store.releases.updateRelease(release.id, { state: "retired" });
    expect(again).toMatchObject({
      reason: "todo-api-r3 went live",
      endedAt: "2026-11-24T09:00:03.000Z",
      updatedAt: "2026-11-24T09:00:04.000Z",
    });
    expect(await line.store.releases.release(release.id)).toEqual(again);
  });

  it("refuses a move from a state the release is not in, an unknown state or release", async () => {
    const item = await line.newItem();
    const release = await line.store.releases.createRelease(newRelease(item));
    const stale = await thrownBy(
      line.store.releases.updateRelease(release.id, { state: "live", from: ["canary", "standby"] }),
    );
    expect(stale.code).toBe("invalid-argument");
    expect(stale.message).toContain("is starting, not canary or standby");
    expect((await line.store.releases.release(release.id))?.state).toBe("starting");
    const unknownState = await thrownBy(
      line.store.releases.updateRelease(release.id, { state: "paused" as never }),
    );
    expect(unknownState.code).toBe("invalid-argument");
    const unknown = await thrownBy(
      line.store.releases.updateRelease("todo-api-r9", { state: "failed" }),
    );
    expect(unknown.code).toBe("not-found");
  });
});

describe("finding releases", () => {
  it("lists newest first by service, item and state, and finds the live and newest standby", async () => {
    const todo = await line.newItem();
    const inventory = await line.newItem("inventory-api");
    const releases = line.store.releases;
    const first = await releases.createRelease(newRelease(todo));
    line.advance(1000);
    const second = await releases.createRelease(newRelease(todo));
    line.advance(1000);
    const third = await releases.createRelease(newRelease(todo));
    line.advance(1000);
    const other = await releases.createRelease(newRelease(inventory));
    await releases.updateRelease(first.id, { state: "standby" });
    await releases.updateRelease(second.id, { state: "standby" });
    await releases.updateRelease(third.id, { state: "live" });
    await releases.updateRelease(other.id, { state: "failed", reason: "health check" });

    const ids = (list: { id: string }[]) => list.map((release) => release.id);
    expect(ids(await releases.releases())).toEqual([other.id, third.id, second.id, first.id]);
    expect(ids(await releases.releases({ service: "todo-api", states: ["standby"] }))).toEqual([
      second.id,
      first.id,
    ]);
    expect(ids(await releases.releases({ workItem: inventory.id }))).toEqual([other.id]);
    expect(await releases.releases({ states: [] })).toEqual([]);
    expect((await releases.liveRelease("todo-api"))?.id).toBe(third.id);
    expect((await releases.standbyRelease("todo-api"))?.id).toBe(second.id);
    expect(await releases.liveRelease("inventory-api")).toBeUndefined();
    expect(await releases.services()).toEqual(["todo-api"]);
  });

  it("finds a release by its id or a unique prefix, and says what exists when it cannot", async () => {
    const releases = line.store.releases;
    const none = await thrownBy(releases.requireRelease("todo-api-r1"));
    expect(none.code).toBe("not-found");
    expect(none.message).toContain("there are no releases yet");
    const item = await line.newItem();
    for (let count = 0; count < 11; count += 1) {
      line.advance(1000);
      await releases.createRelease(newRelease(item));
    }
    expect((await releases.requireRelease("todo-api-r1")).number).toBe(1);
    expect((await releases.requireRelease("todo-api-r11")).number).toBe(11);
    const ambiguous = await thrownBy(releases.requireRelease("todo-api-r"));
    expect(ambiguous.code).toBe("invalid-argument");
    expect(ambiguous.message).toContain("todo-api-r1, todo-api-r10, todo-api-r11");
    const typo = await thrownBy(releases.requireRelease("todo-apj-r5"));
    expect(typo.code).toBe("not-found");
    expect(typo.message).toContain("did you mean todo-api-r5");
    const far = await thrownBy(releases.requireRelease("inventory-api-r1"));
    expect(far.message).toContain("the releases are todo-api-r11, todo-api-r10, todo-api-r9");
    expect(far.message).toContain("and 1 more");
    expect((await thrownBy(releases.requireRelease(""))).code).toBe("invalid-argument");
  });
});
