import { describe, expect, it } from "vitest";
import { RecordingReleaseHost } from "../../../../test/support/deploy/recording-release-host.js";
import type { ReleaseLaunch } from "../release-host.js";
import { type ControlErrorBody, createControlApp } from "./control-app.js";

const launch: ReleaseLaunch = {
  release: "todo-api-r1",
  service: "todo-api",
  directory: "/factory/releases/todo-api-r1",
  command: "node server.js",
  healthPath: "/health",
  healthTimeoutMs: 30_000,
  env: { SHOPFLOOR_RELEASE: "todo-api-r1" },
};

function appOver(host: RecordingReleaseHost) {
  const shutdowns: number[] = [];
  const app = createControlApp({ host, onShutdown: () => shutdowns.push(1) });
  const send = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      ...(body === undefined
        ? {}
        : {
            headers: { "content-type": "application/json" },
            body: typeof body === "string" ? body : JSON.stringify(body),
          }),
    });
  return { app, send, shutdowns };
}

describe("the host daemon's control app", () => {
  it("launches a release and answers what the host reports", async () => {
    const host = new RecordingReleaseHost();
    const { send } = appOver(host);
    const response = await send("POST", "/launch", launch);
    expect(response.status).toBe(200);
    const hosted = await response.json();
    expect(hosted).toMatchObject({ release: "todo-api-r1", state: "running", share: 0 });
    expect(host.callsOf("launch")).toEqual([{ method: "launch", launch }]);
  });

  it("routes a service by shares on the port asked for", async () => {
    const host = new RecordingReleaseHost();
    const { send } = appOver(host);
    await send("POST", "/launch", launch);
    const response = await send("PUT", "/services/todo-api/route", {
      shares: [{ release: "todo-api-r1", share: 1 }],
      port: 43_210,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      service: "todo-api",
      address: "http://127.0.0.1:43210",
      port: 43_210,
      shares: [{ release: "todo-api-r1", share: 1 }],
    });
    expect(host.callsOf("route")[0]).toMatchObject({ service: "todo-api", port: 43_210 });
  });

  it("stops a release, reports the status and asks the daemon to shut down", async () => {
    const host = new RecordingReleaseHost({ pid: 777 });
    const { send, shutdowns } = appOver(host);
    await send("POST", "/launch", launch);
    expect((await send("POST", "/releases/todo-api-r1/stop")).status).toBe(204);
    const status = await (await send("GET", "/status")).json();
    expect(status).toMatchObject({ pid: 777, releases: [{ state: "stopped" }] });
    expect(shutdowns).toEqual([]);
    expect((await send("POST", "/shutdown")).status).toBe(202);
    expect(shutdowns).toEqual([1]);
  });

  it("answers 400 naming the field of a bad body, and does not call the host", async () => {
    const host = new RecordingReleaseHost();
    const { send } = appOver(host);
    const response = await send("POST", "/launch", { ...launch, healthTimeoutMs: "soon" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ControlErrorBody;
    expect(body.error).toMatchObject({ code: "invalid-input", field: "healthTimeoutMs" });
    expect(body.error.message).toContain("healthTimeoutMs");
    const shares = await send("PUT", "/services/todo-api/route", {
      shares: [{ release: "todo-api-r1", share: 2 }],
    });
    expect(((await shares.json()) as ControlErrorBody).error.field).toBe("shares[0].share");
    const notJson = await send("POST", "/launch", "{not json");
    expect(notJson.status).toBe(400);
    expect(host.calls).toEqual([]);
  });

  it("answers 422 with the release for a DeployError", async () => {
    const host = new RecordingReleaseHost({ failingReleases: ["todo-api-r1"] });
    const { send } = appOver(host);
    const response = await send("POST", "/launch", launch);
    expect(response.status).toBe(422);
    const body = (await response.json()) as ControlErrorBody;
    expect(body.error).toMatchObject({
      code: "io-error",
      release: "todo-api-r1",
      retryable: false,
    });
    expect(body.error.message).toContain("did not answer /health");
  });

  it("answers 500 with the message for any other error, and 404 for an unknown call", async () => {
    const host = new RecordingReleaseHost();
    const { send } = appOver(host);
    const response = await send("PUT", "/services/todo-api/route", {
      shares: [{ release: "todo-api-r9", share: 1 }],
    });
    expect(response.status).toBe(500);
    expect(((await response.json()) as ControlErrorBody).error).toEqual({
      code: "invalid-argument",
      message: "todo-api-r9 is not a running release of todo-api",
    });
    expect((await send("GET", "/nothing")).status).toBe(404);
  });
});
