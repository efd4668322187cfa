import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../contracts/config.js";
import { AccessTokens } from "./access/access-tokens.js";
import type { ConsoleServices } from "./console-services.js";
import { EventSignal } from "./events/event-signal.js";
import { CalibrationRuns } from "./runtime/calibration-runs.js";
import { createServerApp, type ServerApp } from "./server-app.js";

let folder: string;
let app: ServerApp;

/** Services for what needs none of them: the health check and the dashboard's files. */
function filesOnlyServices(home: string): ConsoleServices {
  const refuse = async (): Promise<never> => {
    throw new Error("these tests edit no settings");
  };
  return {
    line: () => {
      throw new Error("these tests open no line");
    },
    settings: {
      path: join(home, "config.yaml"),
      config: () => defaultConfig,
      saveProfile: refuse,
      deleteProfile: refuse,
      setDefaultProfile: refuse,
      saveLineUp: refuse,
    },
    tokens: new AccessTokens({ home }),
    events: new EventSignal(),
    now: () => new Date(),
    lineOptions: (config) => ({ home, config, environment: {}, projectFolder: home }),
    calibrations: new CalibrationRuns({ calibrate: refuse, now: () => new Date() }),
  };
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-server-app-"));
  const webRoot = join(folder, "web");
  mkdirSync(join(webRoot, "assets"), { recursive: true });
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>shopfloor</title>");
  writeFileSync(join(webRoot, "assets", "index-abc123.js"), "console.log('dashboard')");
  app = createServerApp(filesOnlyServices(folder), { webRoot, version: "0.0.0-test" });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the server's dashboard files", () => {
  it("serves the page at / and the built assets as they are", async () => {
    const page = await app.request("/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("<title>shopfloor</title>");
    const script = await app.request("/assets/index-abc123.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
    expect(await script.text()).toBe("console.log('dashboard')");
  });

  it("answers a deep link with the page, so a reload on /items/abc works", async () => {
    const page = await app.request("/items/todo-api-3f9c2a", {
      headers: { accept: "text/html,application/xhtml+xml" },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>shopfloor</title>");
    // A link pasted into curl, which accepts anything.
    expect((await app.request("/exceptions")).status).toBe(200);
  });

  it("answers a missing asset with 404, not with the page", async () => {
    const missing = await app.request("/assets/index-gone.js", { headers: { accept: "*/*" } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain("<title>");
    expect((await app.request("/favicon.ico")).status).toBe(404);
  });

  it("never answers an API path with the page", async () => {
    const answer = await app.request("/api/no-such-route", {
      headers: { accept: "text/html" },
    });
    expect(answer.status).toBe(401);
    expect((await app.request("/api/health")).status).toBe(200);
  });

  it("tells browsers not to sniff types, frame the page elsewhere, or send a referrer", async () => {
    const page = await app.request("/");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    // HSTS belongs to the TLS proxy in front; over plain HTTP it is meaningless.
    expect(page.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("the server without the dashboard's files", () => {
  it("serves the API alone", async () => {
    const apiOnly = createServerApp(filesOnlyServices(folder), {
      webRoot: join(folder, "not-built"),
      version: "0.0.0-test",
    });
    expect((await apiOnly.request("/api/health")).status).toBe(200);
    expect((await apiOnly.request("/")).status).toBe(404);
  });
});
