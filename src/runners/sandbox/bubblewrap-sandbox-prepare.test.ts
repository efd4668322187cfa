import { existsSync } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeReadableFixture } from "../../../test/support/sandbox-test-support.js";
import { InvalidArgumentError } from "../../contracts/errors.js";
import { BubblewrapSandbox, type BubblewrapSandboxDependencies } from "./bubblewrap-sandbox.js";
import type { SandboxedCommand } from "./sandbox.js";

// What `prepare` builds, without running it: these hold whether or not bubblewrap is installed.
describe("BubblewrapSandbox.prepare", () => {
  let fixture: string;
  const commands: SandboxedCommand[] = [];

  beforeEach(async () => {
    fixture = await makeReadableFixture();
  });

  afterEach(async () => {
    await Promise.all(commands.splice(0).map((command) => command.cleanup()));
    await rm(fixture, { recursive: true, force: true });
  });

  async function prepare(
    dependencies: Partial<BubblewrapSandboxDependencies>,
    exposePort?: number,
  ): Promise<SandboxedCommand> {
    const command = await new BubblewrapSandbox(dependencies).prepare({
      argv: ["node", "server.js"],
      workDirectory: fixture,
      env: {},
      ...(exposePort === undefined ? {} : { exposePort }),
    });
    commands.push(command);
    return command;
  }

  it("as a normal user, allows the user's current tasks plus maxProcesses and keeps the user", async () => {
    const command = await prepare({ currentUserId: () => 1000, countTasksOfUser: async () => 40 });
    expect(command.argv.slice(0, 5)).toEqual([
      "prlimit",
      "--as=4294967296",
      "--cpu=600:601",
      "--nproc=296",
      "--core=0",
    ]);
    expect(command.argv[5]).toBe("bwrap");
    expect(command.argv).not.toContain("setpriv");
    expect(command.env).toEqual({ PATH: expect.any(String) });
  });

  it("as root, keeps bubblewrap root and drops the code to nobody inside, who owns the private temp dir", async () => {
    // Only root may hand a folder to nobody; elsewhere the ownership half cannot be shown.
    const runningAsRoot = process.getuid?.() === 0;
    const command = await prepare({
      currentUserId: () => 0,
      ...(runningAsRoot
        ? {}
        : { sandboxUser: { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 } }),
    });
    expect(command.argv[5]).toBe("bwrap");
    const separatorAt = command.argv.indexOf("--");
    expect(command.argv.slice(separatorAt + 1, separatorAt + 2)).toEqual(["setpriv"]);
    if (runningAsRoot) {
      expect(command.argv.slice(separatorAt + 2, separatorAt + 7)).toEqual([
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        "--inh-caps=-all",
        "--bounding-set=-all",
      ]);
      expect((await stat(command.temporaryDirectory)).uid).toBe(65534);
    }
  });

  it("binds a node installed outside /usr and puts it first on PATH", async () => {
    const nodeFolder = join(fixture, "node-install", "bin");
    await mkdir(nodeFolder, { recursive: true });
    await writeFile(join(nodeFolder, "node"), "#!/bin/sh\n", { mode: 0o755 });
    const command = await prepare({ nodePath: join(nodeFolder, "node") });
    expect(command.argv.join(" ")).toContain(`--ro-bind ${nodeFolder} ${nodeFolder}`);
    const pathAt = command.argv.indexOf("PATH");
    expect(command.argv[pathAt + 1]).toBe(`${nodeFolder}:/usr/local/bin:/usr/bin:/bin`);
  });

  it("starts a read-only copy of the port bridge beside the server, and pins its socket outside", async () => {
    const command = await prepare({}, 8080);
    const separatorAt = command.argv.indexOf("--");
    // As root the command starts with setpriv (6 words) before the bridge's shell.
    const bridgeAt = command.argv.indexOf("/bin/sh", separatorAt);
    const [shell, , , , node, script, bridgeSocket, port, ...serverArgv] =
      command.argv.slice(bridgeAt);
    expect(shell).toBe("/bin/sh");
    expect(node).toBe(process.execPath);
    expect(existsSync(script ?? "")).toBe(true);
    expect(command.argv.join(" ")).toContain(`--ro-bind ${script} ${script}`);
    expect(port).toBe("8080");
    expect(serverArgv).toEqual(["node", "server.js"]);
    // The runner connects to a link in a folder the sandbox never sees, not to the bridge's own socket.
    const socketPath = command.endpoint?.kind === "unix" ? command.endpoint.socketPath : "";
    expect(socketPath).not.toBe(bridgeSocket);
    expect(command.argv.some((argument) => argument.startsWith(dirname(socketPath)))).toBe(false);
  });

  it("refuses to expose a port with less memory than node needs to run the bridge", async () => {
    const error = await new BubblewrapSandbox()
      .prepare({
        argv: ["server"],
        workDirectory: fixture,
        env: {},
        exposePort: 8080,
        limits: { memoryBytes: 512 * 1024 ** 2 },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).field).toBe("memoryBytes");
  });
});
