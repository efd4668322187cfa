import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAdaptorServer } from "@hono/node-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RecordingReleaseHost } from "../../../../test/support/deploy/recording-release-host.js";
import { ShopfloorError } from "../../../contracts/errors.js";
import { DeployError } from "../../deploy-error.js";
import type { ReleaseLaunch } from "../release-host.js";
import { createControlApp } from "./control-app.js";
import { HostUnreachableError, ReleaseHostClient } from "./release-host-client.js";

const launch: ReleaseLaunch = {
  release: "todo-api-r2",
  service: "todo-api",
  directory: "/factory/releases/todo-api-r2",
  command: "node server.js",
  healthPath: "/health",
  healthTimeoutMs: 5_000,
  env: { SHOPFLOOR_RELEASE: "todo-api-r2" },
};

let folder: string;
let socketPath: string;
let server: Server | undefined;
let client: ReleaseHostClient;
let shutdowns: number;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-client-"));
  socketPath = join(folder, "control.sock");
  client = new ReleaseHostClient({ socketPath });
  shutdowns = 0;
});
afterEach(async () => {
  await client.close();
  if (server?.listening) await new Promise((resolve) => server?.close(resolve));
  server = undefined;
  rmSync(folder, { recursive: true, force: true });
});

async function serve(host: RecordingReleaseHost): Promise<void> {
  const app = createControlApp({ host, onShutdown: () => shutdowns++ });
  const listening = createAdaptorServer({ fetch: app.fetch }) as Server;
  server = listening;
  await new Promise<void>((resolve) => listening.listen(socketPath, resolve));
}

describe("ReleaseHostClient over the daemon's socket", () => {
  it("makes every ReleaseHost call on the host behind the socket", async () => {
    const host = new RecordingReleaseHost({ pid: 31 });
    await serve(host);
    const hosted = await client.launch(launch);
    expect(hosted).toMatchObject({ release: "todo-api-r2", state: "running" });
    const service = await client.route("todo-api", [{ release: "todo-api-r2", share: 1 }], 45_000);
    expect(service).toMatchObject({ address: "http://127.0.0.1:45000", port: 45_000 });
    await client.route("todo-api", [{ release: "todo-api-r2", share: 1 }]);
    await client.stop("todo-api-r2");
    const status = await client.status();
    expect(status.pid).toBe(31);
    expect(status.releases[0]?.state).toBe("stopped");
    expect(host.calls.map((call) => call.method)).toEqual([
      "launch",
      "route",
      "route",
      "stop",
      "status",
    ]);
    expect(host.callsOf("launch")[0]?.launch).toEqual(launch);
    expect(host.callsOf("route").map((call) => call.port)).toEqual([45_000, undefined]);
  });

  it("asks the daemon to shut down, and close() does not", async () => {
    await serve(new RecordingReleaseHost());
    await client.close();
    expect(shutdowns).toBe(0);
    const second = new ReleaseHostClient({ socketPath });
    await second.shutdown();
    await second.close();
    expect(shutdowns).toBe(1);
  });

  it("turns the daemon's 422 back into the same DeployError", async () => {
    await serve(new RecordingReleaseHost({ failingReleases: ["todo-api-r2"] }));
    const error = await client.launch(launch).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DeployError);
    expect((error as DeployError).release).toBe("todo-api-r2");
    expect((error as DeployError).message).toBe(
      "todo-api-r2 did not answer /health within 5000 ms; its last output: boom",
    );
  });

  it("turns any other refusal into an io-error with the daemon's message", async () => {
    await serve(new RecordingReleaseHost());
    const error = await client
      .route("todo-api", [{ release: "todo-api-r7", share: 1 }])
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ShopfloorError);
    expect(error).not.toBeInstanceOf(DeployError);
    expect((error as ShopfloorError).code).toBe("io-error");
    expect((error as ShopfloorError).message).toContain(
      "(500): todo-api-r7 is not a running release of todo-api",
    );
  });

  it("says plainly when nothing answers on the socket", async () => {
    const error = await client.status().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(HostUnreachableError);
    expect((error as ShopfloorError).code).toBe("io-error");
    expect((error as ShopfloorError).message).toContain(`the release host on ${socketPath}`);
    expect(await client.statusIfRunning()).toBeUndefined();
  });
});
