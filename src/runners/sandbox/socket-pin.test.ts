import { existsSync } from "node:fs";
import { lstat, mkdir, mkdtemp, readdir, rm, symlink, unlink } from "node:fs/promises";
import { createConnection, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually } from "../../../test/support/sandbox-test-support.js";
import { pinOnce, pinSocket, type SocketPin } from "./socket-pin.js";

describe("pinSocket", () => {
  let folder: string;
  const servers: Server[] = [];
  const pins: SocketPin[] = [];

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "shopfloor-pin-"));
    await mkdir(join(folder, "endpoint"));
    await mkdir(join(folder, "host"));
  });

  afterEach(async () => {
    for (const pin of pins.splice(0)) pin.stop();
    for (const server of servers.splice(0)) server.close();
    await rm(folder, { recursive: true, force: true });
  });

  function listen(path: string, answer: string): Promise<void> {
    const server = createServer((connection) => connection.end(answer));
    servers.push(server);
    return new Promise((resolve) => server.listen(path, resolve));
  }

  function ask(path: string): Promise<string> {
    return new Promise((resolve, reject) => {
      let answer = "";
      const connection = createConnection(path);
      connection.on("data", (data: Buffer) => {
        answer += data.toString();
      });
      connection.on("end", () => resolve(answer));
      connection.on("error", reject);
    });
  }

  it("never pins a symbolic link, even one pointing at a socket", async () => {
    const source = join(folder, "endpoint", "port.sock");
    const decoy = join(folder, "decoy.sock");
    await listen(decoy, "decoy");
    await symlink(decoy, source);
    const pinnedPath = join(folder, "host", "port.sock");
    expect(await pinOnce(source, pinnedPath)).toBe(false);
    expect(await readdir(join(folder, "host"))).toEqual([]);
  });

  it("pins the socket as it appears, and keeps reaching it after the code swaps it for a link", async () => {
    const source = join(folder, "endpoint", "port.sock");
    const decoy = join(folder, "decoy.sock");
    await listen(decoy, "decoy");
    const pin = pinSocket(source, join(folder, "host", "port.sock"));
    pins.push(pin);
    await listen(source, "bridge");
    expect(await eventually(async () => existsSync(pin.pinnedPath), 5000)).toBe(true);
    expect((await lstat(pin.pinnedPath)).isSocket()).toBe(true);

    await unlink(source);
    await symlink(decoy, source);
    expect(await ask(pin.pinnedPath)).toBe("bridge");
  });
});
