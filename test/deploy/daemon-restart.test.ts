/**
 * Nothing is lost when the host daemon dies: the real CLI deploys todo-api (the daemon starts in the
 * background), the daemon is killed with SIGKILL (its releases go with it), and the next command that
 * needs the releases, `shopfloor monitor --once`, starts a fresh daemon that brings the live release
 * back on the same stable address before it probes it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hostPaths } from "../../src/deploy/local/host-daemon/host-paths.js";
import {
  isGroupAlive,
  pollUntil,
  processesUnder,
  repositoryRoot,
  runShopfloor,
} from "../line/support-integration/shopfloor-process.js";

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let folder: string;
const home = () => join(folder, "home");

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-daemon-restart-"));
  writeFileSync(
    join(folder, "shopfloor.config.yaml"),
    "line:\n  lineUp: { pattern: single, agent: { agent: scaffold } }\n",
  );
});

afterAll(async () => {
  await runShopfloor(["host", "--stop", "--home", home()], folder);
  for (const pid of processesUnder(folder)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  rmSync(folder, { recursive: true, force: true });
});

async function status(address: string): Promise<number | undefined> {
  try {
    const response = await fetch(new URL("/health", address));
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

function daemonPid(): number {
  return Number(readFileSync(hostPaths(home()).pidFile, "utf8").trim());
}

describe("the host daemon killed with SIGKILL", () => {
  it("is replaced by the next command, which brings the live release back on its address", async () => {
    const spec = join(repositoryRoot, "examples/todo-api/spec.md");
    const run = await runShopfloor(["run", spec, "--home", home()], folder);
    expect(run.exitCode, run.stderr).toBe(0);
    const releases = await runShopfloor(["releases", "--json", "--home", home()], folder);
    const [live] = JSON.parse(releases.stdout).releases as { id: string; address: string }[];
    expect(live?.id).toBe("todo-api-r1");
    const address = live?.address ?? "";
    expect(await status(address)).toBe(200);

    const first = daemonPid();
    process.kill(first, "SIGKILL");
    await pollUntil(
      "the killed daemon to be gone",
      () => (isGroupAlive(first) ? undefined : true),
      {
        deadlineMs: 10_000,
      },
    );
    expect(await status(address)).toBeUndefined();

    const monitor = await runShopfloor(["monitor", "--once", "--home", home()], folder);
    expect(monitor.exitCode, `${monitor.stdout}${monitor.stderr}`).toBe(0);
    expect(monitor.stdout).toContain(`todo-api-r1 (`);
    expect(monitor.stdout).toMatch(/health ok .* · 10\/10 probes passed/);
    expect(daemonPid()).not.toBe(first);
    expect(await status(address)).toBe(200);
  });
});
