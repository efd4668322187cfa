import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DeployError } from "../deploy-error.js";
import type { ReleaseRequest } from "../deploy-target.js";
import {
  CommandDeployTarget,
  type CommandDeployTargetOptions,
  httpAddress,
  joinPath,
} from "./command-deploy-target.js";

/** The platform the scripts deploy to: it answers the health path with `healthStatus`. */
interface Platform {
  url: string;
  requests: string[];
  healthStatus: number;
  server: Server;
}

async function startPlatform(): Promise<Platform> {
  const platform = { url: "", requests: [] as string[], healthStatus: 200 } as Platform;
  platform.server = createServer((request, response) => {
    platform.requests.push(request.url ?? "");
    response.statusCode = request.url?.endsWith("/health") ? platform.healthStatus : 404;
    response.end();
  });
  await new Promise<void>((listening) => platform.server.listen(0, "127.0.0.1", listening));
  platform.url = `http://127.0.0.1:${(platform.server.address() as AddressInfo).port}`;
  return platform;
}

const recordingScript = (name: string) => `#!/bin/sh
env > ${name}-env.txt
pwd > ${name}-cwd.txt
printf '%s\\n' "$@" > ${name}-args.txt
`;

function release(number: number, env: Record<string, string> = {}): ReleaseRequest {
  return {
    release: `inventory-api-r${number}`,
    service: "inventory-api",
    workItem: `item-${number}`,
    build: `build-${number}`,
    commit: `c0ffee${number}`,
    directory: `/home/factory/releases/inventory-api-r${number}`,
    command: "npm start",
    healthPath: "/health",
    env,
  };
}

async function readEnvironment(file: string): Promise<Map<string, string>> {
  const lines = (await readFile(file, "utf8")).split("\n").filter((line) => line.includes("="));
  return new Map(
    lines.map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

let folder: string;
let platform: Platform;
let clock: number;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "shopfloor-command-target-"));
  platform = await startPlatform();
  clock = 0;
});

afterEach(async () => {
  await new Promise((closed) => platform.server.close(closed));
  await rm(folder, { recursive: true, force: true });
});

function target(config: Partial<CommandDeployTargetOptions["config"]> = {}) {
  return new CommandDeployTarget({
    config: {
      kind: "command",
      deploy: ["sh", "deploy.sh"],
      rollback: ["sh", "rollback.sh"],
      timeoutSeconds: 30,
      ...config,
    },
    projectFolder: folder,
    environment: {
      PATH: process.env.PATH,
      PLATFORM_URL: platform.url,
      SHOPFLOOR_RELEASE: "stale-from-the-caller",
      NOT_SET: undefined,
    },
    healthTimeoutMs: 1_000,
    now: () => clock,
    sleep: async (milliseconds) => {
      clock += milliseconds;
    },
  });
}

async function script(name: string, body: string): Promise<void> {
  await writeFile(join(folder, name), body);
}

describe("CommandDeployTarget.start", () => {
  it("runs the deploy script with the release's data, then waits for the printed address's health", async () => {
    await script(
      "deploy.sh",
      `${recordingScript("deploy")}echo "rolling out $SHOPFLOOR_RELEASE"\necho "$PLATFORM_URL"\n`,
    );
    const commandTarget = target({ deploy: ["sh", "deploy.sh", "$HOME", "two words"] });
    const started = await commandTarget.start(release(2, { DATABASE_URL: "postgres://db" }));

    expect(started).toEqual({
      release: "inventory-api-r2",
      checkAt: { baseUrl: platform.url },
      takesTraffic: true,
    });
    expect(platform.requests).toEqual(["/health"]);
    expect(await commandTarget.address("inventory-api")).toBe(platform.url);
    expect(await commandTarget.endpoint("inventory-api-r2")).toEqual({ baseUrl: platform.url });
    expect(await commandTarget.endpoint("inventory-api-r1")).toBeUndefined();
    const env = await readEnvironment(join(folder, "deploy-env.txt"));
    expect(Object.fromEntries([...env].filter(([name]) => name.startsWith("SHOPFLOOR_")))).toEqual({
      SHOPFLOOR_RELEASE: "inventory-api-r2",
      SHOPFLOOR_SERVICE: "inventory-api",
      SHOPFLOOR_WORK_ITEM: "item-2",
      SHOPFLOOR_BUILD: "build-2",
      SHOPFLOOR_COMMIT: "c0ffee2",
      SHOPFLOOR_DIRECTORY: "/home/factory/releases/inventory-api-r2",
      SHOPFLOOR_START_COMMAND: "npm start",
      SHOPFLOOR_HEALTH_PATH: "/health",
    });
    expect(env.get("DATABASE_URL")).toBe("postgres://db");
    expect(env.get("PATH")).toBe(process.env.PATH);
    expect(env.has("NOT_SET")).toBe(false);
    expect((await readFile(join(folder, "deploy-cwd.txt"), "utf8")).trim()).toBe(folder);
    // No shell: the arguments arrive as written.
    expect(await readFile(join(folder, "deploy-args.txt"), "utf8")).toBe("$HOME\ntwo words\n");
  });

  it("uses deploy.target.address when it is set, keeping its path", async () => {
    await script("deploy.sh", "exit 0\n");
    const commandTarget = target({ address: `${platform.url}/inventory/` });
    expect(await commandTarget.address("inventory-api")).toBe(`${platform.url}/inventory/`);
    const started = await commandTarget.start(release(1));
    expect(started.checkAt.baseUrl).toBe(`${platform.url}/inventory/`);
    expect(platform.requests).toEqual(["/inventory/health"]);
  });

  it("fails with the exit code and the script's last 20 lines when it fails", async () => {
    await script(
      "deploy.sh",
      'i=1; while [ $i -le 30 ]; do echo "step $i"; i=$((i+1)); done\necho "boom: image not found" >&2\nexit 3\n',
    );
    const started = target().start(release(3));
    await expect(started).rejects.toThrow(DeployError);
    const error = (await started.catch((caught: unknown) => caught)) as DeployError;
    expect(error.release).toBe("inventory-api-r3");
    expect(error.message).toMatch(/^the deploy script \(sh deploy\.sh\) failed with exit code 3/);
    expect(error.message).toContain("boom: image not found");
    expect(error.message).toContain("step 12");
    expect(error.message).not.toContain("step 11\n");
    expect(platform.requests).toEqual([]);
  });

  it("stops the script and everything it started when it runs past timeoutSeconds", async () => {
    await script(
      "deploy.sh",
      'echo "waiting for the rollout"\nsleep 30 &\necho $! > child.pid\nwait\n',
    );
    const started = target({ timeoutSeconds: 0.3 }).start(release(4));
    await expect(started).rejects.toThrow(
      /did not finish within 0\.3 s .* was stopped with everything it started; its last output:\n {2}waiting for the rollout/s,
    );
    const childPid = Number(await readFile(join(folder, "child.pid"), "utf8"));
    expect(await isRunning(childPid)).toBe(false);
  });

  it("returns when the script exits, even if it left a process running in the background", async () => {
    await script("deploy.sh", 'sleep 30 &\necho $! > child.pid\necho "$PLATFORM_URL"\n');
    const started = await target().start(release(5));
    expect(started.checkAt.baseUrl).toBe(platform.url);
    process.kill(Number(await readFile(join(folder, "child.pid"), "utf8")), "SIGKILL");
  });

  it("asks for the address when the script prints none and none is configured", async () => {
    await script("deploy.sh", 'echo "deployed"\n');
    await expect(target().start(release(6))).rejects.toThrow(
      /did not say where inventory-api answers: its last line of output was "deployed", not an http\(s\) URL; .*deploy\.target\.address/,
    );
  });

  it("fails when the health path does not answer 2xx within the health timeout", async () => {
    platform.healthStatus = 503;
    await script("deploy.sh", 'echo "$PLATFORM_URL"\n');
    await expect(target().start(release(7))).rejects.toThrow(
      /inventory-api-r7 did not answer http:\/\/127\.0\.0\.1:\d+\/health with a 2xx status within 1000 ms .*\(last: status 503\)/,
    );
    expect(platform.requests.length).toBeGreaterThan(1);
    expect(clock).toBeGreaterThanOrEqual(1_000);
  });

  it("says so when the deploy program cannot be run at all", async () => {
    await expect(target({ deploy: ["/no/such/deploy-tool"] }).start(release(8))).rejects.toThrow(
      /^cannot run the deploy script \(\/no\/such\/deploy-tool\): .*ENOENT/,
    );
  });
});

describe("CommandDeployTarget.rollback", () => {
  it("runs the rollback script with the variables of the release it goes back to", async () => {
    await script("rollback.sh", recordingScript("rollback"));
    await target().rollback(
      "inventory-api",
      release(3),
      release(2, { DATABASE_URL: "postgres://db" }),
    );
    const env = await readEnvironment(join(folder, "rollback-env.txt"));
    expect(env.get("SHOPFLOOR_RELEASE")).toBe("inventory-api-r2");
    expect(env.get("SHOPFLOOR_COMMIT")).toBe("c0ffee2");
    expect(env.get("SHOPFLOOR_ROLLBACK_FROM")).toBe("inventory-api-r3");
    expect(env.get("SHOPFLOOR_ROLLBACK_TO")).toBe("inventory-api-r2");
    expect(env.get("DATABASE_URL")).toBe("postgres://db");
  });

  it("makes the release it went back to the one reachable at the service's address", async () => {
    await script("deploy.sh", 'echo "$PLATFORM_URL"\n');
    await script("rollback.sh", "exit 0\n");
    const commandTarget = target();
    await commandTarget.start(release(3));
    await commandTarget.rollback("inventory-api", release(3), release(2));
    expect(await commandTarget.endpoint("inventory-api-r3")).toBeUndefined();
    expect(await commandTarget.endpoint("inventory-api-r2")).toEqual({ baseUrl: platform.url });
    await commandTarget.rollback("inventory-api", release(2), undefined);
    expect(await commandTarget.endpoint("inventory-api-r2")).toBeUndefined();
  });

  it("leaves SHOPFLOOR_RELEASE unset and SHOPFLOOR_ROLLBACK_TO empty when there is nothing to go back to", async () => {
    await script("rollback.sh", recordingScript("rollback"));
    await target().rollback("inventory-api", release(1), undefined);
    const env = await readEnvironment(join(folder, "rollback-env.txt"));
    expect(env.has("SHOPFLOOR_RELEASE")).toBe(false);
    expect(env.get("SHOPFLOOR_ROLLBACK_TO")).toBe("");
    expect(env.get("SHOPFLOOR_ROLLBACK_FROM")).toBe("inventory-api-r1");
    expect(env.get("SHOPFLOOR_SERVICE")).toBe("inventory-api");
  });

  it("fails with the script's output when the rollback fails", async () => {
    await script("rollback.sh", 'echo "no such revision" >&2\nexit 1\n');
    await expect(target().rollback("inventory-api", release(3), release(2))).rejects.toThrow(
      /^the rollback script \(sh rollback\.sh\) failed with exit code 1; its last output:\n {2}no such revision$/,
    );
  });
});

describe("CommandDeployTarget traffic", () => {
  it("has nothing to do for a whole share, and refuses to split traffic", async () => {
    const commandTarget = target();
    expect(commandTarget).toMatchObject({ name: "command", splitsTraffic: false });
    await commandTarget.shift("inventory-api", [{ release: "inventory-api-r2", share: 1 }]);
    await expect(
      commandTarget.shift("inventory-api", [
        { release: "inventory-api-r1", share: 0.9 },
        { release: "inventory-api-r2", share: 0.1 },
      ]),
    ).rejects.toThrow(
      /cannot split inventory-api's traffic .*drop deploy\.canary or use the local target/,
    );
    await commandTarget.stop("inventory-api-r1");
    await commandTarget.close();
    expect(await commandTarget.address("inventory-api")).toBeUndefined();
  });
});

describe("httpAddress and joinPath", () => {
  it("accept only http(s) URLs and keep the address's own path", () => {
    expect(httpAddress("https://inventory.example.com")).toBe("https://inventory.example.com");
    expect(httpAddress("ftp://files.example.com")).toBeUndefined();
    expect(httpAddress("deployed")).toBeUndefined();
    expect(joinPath("https://example.com/api/", "/health")).toBe("https://example.com/api/health");
    expect(joinPath("https://example.com", "health")).toBe("https://example.com/health");
  });
});

/** Linux: a process that is gone or a zombie is not running. */
async function isRunning(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}
