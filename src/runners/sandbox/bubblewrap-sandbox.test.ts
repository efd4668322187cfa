import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, request } from "node:http";
import { connect } from "node:net";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeWithBubblewrap } from "../../../test/support/describe-with-bubblewrap.js";
import { makeReadableFixture, startSandboxed } from "../../../test/support/sandbox-test-support.js";
import { killProcessGroup } from "../process-group.js";
import { BubblewrapSandbox } from "./bubblewrap-sandbox.js";
import { findPortBridgeScript } from "./port-bridge-script.js";
import { runToCompletion } from "./run-to-completion.js";
import type { SandboxedCommand, SandboxRequest } from "./sandbox.js";
import { SandboxPathError } from "./sandbox-errors.js";

const timeoutMs = 15_000;
const projectPackageJson = join(dirname(dirname(findPortBridgeScript())), "package.json");

describeWithBubblewrap("BubblewrapSandbox", () => {
  const sandbox = new BubblewrapSandbox();
  let fixture: string;
  let work: string;
  const commands: SandboxedCommand[] = [];
  const pids: (number | undefined)[] = [];

  beforeEach(async () => {
    fixture = await makeReadableFixture();
    work = join(fixture, "work");
    await mkdir(work, { mode: 0o755 });
  });

  afterEach(async () => {
    for (const pid of pids.splice(0)) killProcessGroup(pid);
    await Promise.all(commands.splice(0).map((command) => command.cleanup()));
    await rm(fixture, { recursive: true, force: true });
  });

  async function prepare(changes: Partial<SandboxRequest> & Pick<SandboxRequest, "argv">) {
    const command = await sandbox.prepare({ workDirectory: work, env: {}, ...changes });
    commands.push(command);
    return command;
  }

  async function runNode(script: string, env: Record<string, string> = {}) {
    await writeFile(join(work, "script.cjs"), script, { mode: 0o644 });
    const command = await prepare({ argv: ["node", "script.cjs"], env });
    const run = await runToCompletion(command, { timeoutMs });
    expect(run.stderr).toBe("");
    return { command, result: JSON.parse(run.stdout) as Record<string, unknown> };
  }

  it("lets the code read its work directory and write only its private temp dir", async () => {
    await writeFile(join(work, "own.txt"), "own", { mode: 0o644 });
    await mkdir(join(fixture, "sibling"), { mode: 0o755 });
    await writeFile(join(fixture, "sibling", "secret.txt"), "secret", { mode: 0o644 });
    expect(existsSync(projectPackageJson)).toBe(true);
    const { command, result } = await runNode(
      `const fs = require("node:fs");
      const attempt = (action) => { try { action(); return "ok"; } catch (error) { return error.code; } };
      console.log(JSON.stringify({
        readOwn: attempt(() => fs.readFileSync("own.txt")),
        readSibling: attempt(() => fs.readFileSync(process.env.SIBLING)),
        readRoot: attempt(() => fs.readdirSync("/root")),
        readProject: attempt(() => fs.readFileSync(process.env.PROJECT_PACKAGE_JSON)),
        readHome: attempt(() => fs.readdirSync("/home")),
        writeTemporary: attempt(() => fs.writeFileSync(process.env.TMPDIR + "/note.txt", "written")),
        writeWork: attempt(() => fs.writeFileSync("new.txt", "x")),
        writeTmp: attempt(() => fs.writeFileSync("/tmp/x", "x")),
        writeUsr: attempt(() => fs.writeFileSync("/usr/x", "x")),
        writeRoot: attempt(() => fs.writeFileSync("/x", "x")),
      }));`,
      {
        SIBLING: join(fixture, "sibling", "secret.txt"),
        PROJECT_PACKAGE_JSON: projectPackageJson,
      },
    );
    expect(result).toMatchObject({ readOwn: "ok", writeTemporary: "ok" });
    for (const read of ["readSibling", "readRoot", "readProject", "readHome"]) {
      expect(result[read], read).toMatch(/^(ENOENT|EACCES)$/);
    }
    for (const write of ["writeWork", "writeTmp", "writeUsr", "writeRoot"]) {
      expect(result[write], write).toMatch(/^(EROFS|EACCES)$/);
    }
    expect(await readFile(join(command.temporaryDirectory, "note.txt"), "utf8")).toBe("written");
  });

  it("gives the code its own loopback and no route anywhere else", async () => {
    const { result } = await runNode(`const net = require("node:net");
      const connect = (host, port) => new Promise((resolve) => {
        const socket = net.connect({ host, port });
        socket.once("connect", () => { socket.destroy(); resolve("connected"); });
        socket.once("error", (error) => resolve(error.code));
      });
      const loopback = new Promise((resolve) => {
        const server = net.createServer((connection) => connection.end("pong"));
        server.listen(0, "127.0.0.1", () => {
          const client = net.connect(server.address().port, "127.0.0.1");
          let answer = "";
          client.on("data", (data) => { answer += data; });
          client.on("end", () => { server.close(); resolve(answer); });
          client.on("error", (error) => resolve(error.code));
        });
      });
      Promise.all([connect("192.0.2.1", 80), connect("10.0.0.1", 80), loopback]).then(
        ([documentation, private10, answer]) => console.log(JSON.stringify({
          documentation, private10, answer,
          interfaces: Object.keys(require("node:os").networkInterfaces()),
        })));`);
    expect(result).toEqual({
      documentation: "ENETUNREACH",
      private10: "ENETUNREACH",
      answer: "pong",
      interfaces: ["lo"],
    });
  });

  it("shows the code only the requested environment plus PATH, HOME, TMPDIR (and bwrap's PWD)", async () => {
    process.env.SHOPFLOOR_TEST_SECRET = "do-not-leak";
    try {
      const command = await prepare({
        argv: ["node", "-e", "console.log(JSON.stringify(process.env))"],
        env: { GREETING: "hello", HOME: "/root" },
      });
      // Even a caller that passes its own environment on to the spawn leaks nothing.
      const run = await runToCompletion(
        { ...command, env: { ...definedVariables(process.env), ...command.env } },
        { timeoutMs },
      );
      const seen = JSON.parse(run.stdout) as Record<string, string>;
      expect(Object.keys(seen).sort()).toEqual(["GREETING", "HOME", "PATH", "PWD", "TMPDIR"]);
      expect(seen).toMatchObject({
        PWD: work,
        GREETING: "hello",
        HOME: command.temporaryDirectory,
        TMPDIR: command.temporaryDirectory,
      });
      expect(run.stdout).not.toContain("do-not-leak");
    } finally {
      delete process.env.SHOPFLOOR_TEST_SECRET;
    }
  });

  it("makes a server's port reachable over a unix socket and ends with the server's exit code", async () => {
    await writeFile(
      join(work, "server.mjs"),
      `import { createServer } from "node:http";
      const server = createServer((request, response) => {
        response.end(request.url === "/exit" ? "bye" : "hello from inside");
        if (request.url === "/exit") setTimeout(() => process.exit(7), 10);
      });
      // Starts late: the bridge holds the first connection until the port listens.
      setTimeout(() => server.listen(8080, "127.0.0.1"), 200);`,
      { mode: 0o644 },
    );
    const command = await prepare({ argv: ["node", "server.mjs"], exposePort: 8080 });
    expect(command.endpoint?.kind).toBe("unix");
    const socketPath = command.endpoint?.kind === "unix" ? command.endpoint.socketPath : "";
    const started = startSandboxed(command);
    pids.push(started.child.pid);
    await waitForSocket(socketPath, started);

    expect(await get(socketPath, "/")).toEqual({ status: 200, body: "hello from inside" });
    expect(await get(socketPath, "/exit")).toEqual({ status: 200, body: "bye" });
    expect(await started.exited).toEqual({ exitCode: 7, signal: null });
  });

  it("keeps the runner on the server when the code swaps its socket for a link to a host socket", async () => {
    const decoySocket = join(fixture, "decoy.sock");
    const decoy = createServer((_request, response) => response.end("decoy on the host"));
    await new Promise<void>((resolve) => decoy.listen(decoySocket, resolve));
    await writeFile(
      join(work, "server.mjs"),
      `import { symlinkSync, unlinkSync } from "node:fs";
      import { createServer } from "node:http";
      import { join } from "node:path";
      const bridgeSocket = join(process.env.HOME, "..", "endpoint", "port.sock");
      createServer((request, response) => {
        if (request.url === "/swap") {
          unlinkSync(bridgeSocket);
          symlinkSync(process.env.DECOY, bridgeSocket);
        }
        response.end("the sandboxed server");
      }).listen(8080, "127.0.0.1");`,
      { mode: 0o644 },
    );
    try {
      const command = await prepare({
        argv: ["node", "server.mjs"],
        env: { DECOY: decoySocket },
        exposePort: 8080,
      });
      const socketPath = command.endpoint?.kind === "unix" ? command.endpoint.socketPath : "";
      const started = startSandboxed(command);
      pids.push(started.child.pid);
      await waitForSocket(socketPath, started);

      expect((await get(socketPath, "/swap")).body).toBe("the sandboxed server");
      expect((await get(socketPath, "/")).body).toBe("the sandboxed server");
    } finally {
      decoy.close();
    }
  });

  it("runs code whose work directory sits in a folder other users cannot enter (a checkout in a 0700 temp folder)", async () => {
    await writeFile(join(work, "own.txt"), "own", { mode: 0o644 });
    await chmod(fixture, 0o700);
    const { result } = await runNode(
      'console.log(JSON.stringify({ own: require("node:fs").readFileSync("own.txt", "utf8") }))',
    );
    expect(result).toEqual({ own: "own" });
  });

  it("refuses a work directory the sandboxed user cannot read, naming it", async () => {
    await chmod(work, 0o700);
    const error = await sandbox
      .prepare({ argv: ["true"], workDirectory: work, env: {} })
      .catch((caught: unknown) => caught);
    // Only as root does the code run as another user; otherwise it is the owner and may read its folder.
    if (process.getuid?.() === 0) {
      expect(error).toBeInstanceOf(SandboxPathError);
      expect((error as SandboxPathError).message).toContain(`cannot read ${work}`);
    } else {
      expect(error).not.toBeInstanceOf(Error);
      await (error as SandboxedCommand).cleanup();
    }
  });
});

async function waitForSocket(
  socketPath: string,
  started: ReturnType<typeof startSandboxed>,
): Promise<void> {
  let exited = false;
  started.exited.then(() => {
    exited = true;
  });
  // The socket's file appears when the bridge binds it, a moment before it listens: wait for both.
  while (!existsSync(socketPath) || !(await accepts(socketPath))) {
    if (exited) throw new Error(`the bridge ended: ${started.output().stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function accepts(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = connect(socketPath);
    connection.once("connect", () => {
      connection.destroy();
      resolve(true);
    });
    connection.once("error", () => resolve(false));
  });
}

function get(socketPath: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ socketPath, path, agent: false }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

function definedVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
