import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually } from "../../../test/support/sandbox-test-support.js";
import { findPortBridgeScript } from "./port-bridge-script.js";

const timeoutMs = 10_000;

// The bridge on its own, on the host: a server that starts late, concurrent connections, whole responses.
describe("runtime/port-bridge.mjs", () => {
  let folder: string;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "shopfloor-bridge-"));
  });

  afterEach(async () => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
    await rm(folder, { recursive: true, force: true });
  });

  function start(argv: string[]): ChildProcess {
    const child = spawn(process.execPath, argv, {
      cwd: folder,
      stdio: ["ignore", "inherit", "pipe"],
    });
    children.push(child);
    return child;
  }

  it(
    "holds connections until the server listens, then forwards whole responses",
    async () => {
      const port = await freePort();
      const socketPath = join(folder, "port.sock");
      start([findPortBridgeScript(), socketPath, String(port)]);
      expect(await eventually(async () => existsSync(socketPath), 5000)).toBe(true);
      const responses = Promise.all([get(socketPath, "/"), get(socketPath, "/again")]);
      await writeFile(
        join(folder, "server.mjs"),
        `import { createServer } from "node:http";
        createServer((request, response) => response.end(request.url + "x".repeat(1024 * 1024)))
          .listen(${port}, "127.0.0.1");`,
      );
      // Started only after both requests are waiting in the bridge.
      start(["server.mjs"]);
      const [first, second] = await responses;
      expect(first.startsWith("/x") && first.length === 1 + 1024 * 1024).toBe(true);
      expect(second.startsWith("/againx") && second.length === 6 + 1024 * 1024).toBe(true);
    },
    timeoutMs,
  );

  it("explains its usage when started without a socket and a port", async () => {
    const child = start([findPortBridgeScript(), "only-a-socket"]);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exitCode = await new Promise((resolve) => child.once("exit", resolve));
    expect(exitCode).toBe(2);
    expect(stderr).toContain("usage: node port-bridge.mjs <socket-path> <port>");
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === "object" && address !== null ? address.port : 0),
      );
    });
  });
}

function get(socketPath: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ socketPath, path, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve(Buffer.concat(chunks).toString()));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}
