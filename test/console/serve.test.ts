/**
 * `shopfloor serve` as a user runs it: the built command, a real process on a temporary factory home whose
 * line-up is the offline scaffold agent (deploys off). It prints its address and a new manager token; the
 * API answers on the address (401 without the token), the dashboard's page at /; a spec submitted over
 * the API goes down the line in the server's own worker to `approved`, its events on the live stream;
 * SIGTERM stops it with exit 0 even with the stream open, and leaves no process behind.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  isGroupAlive,
  pollUntil,
  processesUnder,
  repositoryRoot,
  type ShopfloorExit,
  type ShopfloorProcess,
  startShopfloor,
} from "../line/support-integration/shopfloor-process.js";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

let folder: string;
let home: string;
let server: ShopfloorProcess | undefined;
let exit: ShopfloorExit | undefined;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-serve-"));
  home = join(folder, "home");
  writeFileSync(
    join(folder, "shopfloor.config.yaml"),
    "line:\n  seed: 7\n  lineUp: { pattern: single, agent: { agent: scaffold } }\ndeploy: { enabled: false }\n",
  );
});

afterAll(async () => {
  if (server !== undefined && isGroupAlive(server.pid)) {
    process.kill(-server.pid, "SIGKILL");
    await server.exited;
  }
  rmSync(folder, { recursive: true, force: true });
});

/** Reads the child's output until `pattern` matches; the server prints its address once it listens. */
async function printed(process: ShopfloorProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  let stdout = "";
  process.child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  let exited = false;
  void process.exited.then(() => {
    exited = true;
  });
  return pollUntil(
    `the server to print ${pattern}`,
    () => {
      if (exited) throw new Error(`the server exited before it printed ${pattern}:\n${stdout}`);
      return stdout.match(pattern) ?? undefined;
    },
    { deadlineMs: 60_000, intervalMs: 20, seen: () => stdout },
  );
}

describe("shopfloor serve, the real command", () => {
  it("serves the API and the dashboard, works a submitted spec to approved, and stops on SIGTERM", async () => {
    server = startShopfloor(["serve", "--port", "0", "--home", home], folder);
    const [, url, secret] =
      (await printed(
        server,
        /Sign in: (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)\n[\s\S]*Ctrl-C stops the console\./,
      )) ?? [];
    if (url === undefined || secret === undefined) throw new Error("no address or token printed");
    const authorization = { authorization: `Bearer ${secret}` };

    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const refused = await fetch(`${url}/api/status`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "unauthenticated" } });

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toMatch(/<script type="module"[^>]* src="\/assets\/[^"]+\.js"/);

    // The live event stream, open through the work and the stop.
    const stream = await fetch(`${url}/api/events/stream`, { headers: authorization });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    let streamed = "";
    const streamEnded = (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of stream.body ?? []) streamed += decoder.decode(chunk);
    })().catch(() => undefined);

    const spec = readFileSync(join(repositoryRoot, "examples/todo-api/spec.md"), "utf8");
    const submitted = await fetch(`${url}/api/items`, {
      method: "POST",
      headers: { ...authorization, "content-type": "application/json" },
      body: JSON.stringify({ name: "todo-api.md", spec }),
    });
    expect(submitted.status, await submitted.clone().text()).toBe(201);
    const item = (await submitted.json()) as { id: string; name: string };
    expect(item.name).toBe("todo-api");

    // The server's own worker takes it down the line; nobody runs `shopfloor run`.
    const states: string[] = [];
    const deadline = Date.now() + 90_000;
    for (;;) {
      const history = await fetch(`${url}/api/items/${item.id}`, { headers: authorization });
      expect(history.status).toBe(200);
      const { item: now } = (await history.json()) as { item: { state: string } };
      if (states.at(-1) !== now.state) states.push(now.state);
      if (now.state === "approved") break;
      if (["exception", "rejected"].includes(now.state) || Date.now() > deadline) {
        throw new Error(`the item did not reach approved; states seen: ${states.join(" → ")}`);
      }
      await delay(200);
    }
    expect(states.at(-1)).toBe("approved");
    // The worker's events reached the stream as they were written.
    await pollUntil(
      "the approval on the event stream",
      () => (/"to":"approved"/.test(streamed) ? true : undefined),
      { deadlineMs: 20_000, seen: () => streamed.slice(-500) },
    );
    expect(streamed).toMatch(/^event: work-item\.transition$/m);
    expect(streamed).toContain(`"workItem":"${item.id}"`);

    const stopping = Date.now();
    process.kill(server.pid, "SIGTERM");
    exit = await server.exited;
    expect(exit.exitCode, exit.stderr).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(10_000);
    expect(exit.stdout).toContain("Stopped.\n");
    // The server ended the open stream rather than wait for it.
    await streamEnded;
    expect(exit.stderr).not.toMatch(/error/i);
    await pollUntil(
      "no process left working on the home",
      () =>
        processesUnder(home).length === 0 && !isGroupAlive(server?.pid ?? 0) ? true : undefined,
      { deadlineMs: 10_000, seen: () => processesUnder(home).join(", ") },
    );
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });
});
