import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  eventually,
  makeReadableFixture,
  startSandboxed,
} from "../../../test/support/sandbox-test-support.js";
import { killProcessGroup } from "../process-group.js";
import { NoSandbox } from "./no-sandbox.js";
import { runToCompletion } from "./run-to-completion.js";
import type { SandboxedCommand } from "./sandbox.js";

const timeoutMs = 10_000;

describe("NoSandbox", () => {
  const sandbox = new NoSandbox();
  let fixture: string;
  let work: string;
  const commands: SandboxedCommand[] = [];
  const pids: (number | undefined)[] = [];

  beforeEach(async () => {
    fixture = await makeReadableFixture();
    work = join(fixture, "work");
    await mkdir(work);
  });

  afterEach(async () => {
    for (const pid of pids.splice(0)) killProcessGroup(pid);
    await Promise.all(commands.splice(0).map((command) => command.cleanup()));
    await rm(fixture, { recursive: true, force: true });
  });

  it("says it does not isolate", () => {
    expect(sandbox).toMatchObject({ name: "none", isolating: false });
  });

  it("runs the command in its work directory with a private temp dir as HOME and TMPDIR", async () => {
    await writeFile(join(work, "own.txt"), "own");
    const command = await sandbox.prepare({
      argv: [
        "node",
        "-e",
        `const fs = require("node:fs");
        fs.writeFileSync(process.env.TMPDIR + "/note.txt", fs.readFileSync("own.txt"));
        console.log(JSON.stringify(Object.keys(process.env).sort()));`,
      ],
      workDirectory: work,
      env: { GREETING: "hello" },
    });
    commands.push(command);
    expect(command.env).toMatchObject({
      HOME: command.temporaryDirectory,
      TMPDIR: command.temporaryDirectory,
    });
    const run = await runToCompletion(command, { timeoutMs });
    expect(JSON.parse(run.stdout)).toEqual(["GREETING", "HOME", "PATH", "TMPDIR"]);
    expect(await readFile(join(command.temporaryDirectory, "note.txt"), "utf8")).toBe("own");
  });

  it(
    "reaches an exposed port directly over TCP",
    async () => {
      const port = await freePort();
      const command = await sandbox.prepare({
        argv: [
          "node",
          "-e",
          `require("node:http").createServer((request, response) => response.end("plain")).listen(${port}, "127.0.0.1")`,
        ],
        workDirectory: work,
        env: { MARKER: randomUUID() },
        exposePort: port,
      });
      commands.push(command);
      expect(command.endpoint).toEqual({ kind: "tcp", host: "127.0.0.1", port });
      pids.push(startSandboxed(command).child.pid);
      let body: string | undefined;
      await eventually(async () => {
        body = await get(port).catch(() => undefined);
        return body !== undefined;
      }, 5000);
      expect(body).toBe("plain");
    },
    timeoutMs,
  );
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

function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, path: "/", agent: false }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on("end", () => resolve(body));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}
