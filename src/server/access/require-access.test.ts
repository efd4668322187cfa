import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ServerEnv } from "../server-env.js";
import { AccessTokens } from "./access-tokens.js";
import { authenticate, requireScope, scoped } from "./require-access.js";

let home: string;
let tokens: AccessTokens;
let app: Hono<ServerEnv>;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "shopfloor-access-"));
  tokens = new AccessTokens({ home });
  app = new Hono<ServerEnv>();
  app.use("*", authenticate(tokens));
  app.get("/who", (context) => context.text(context.get("access").name));
  app.post("/operate", requireScope("operate"), (context) => context.text("done"));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const call = (method: string, path: string, authorization?: string) =>
  app.request(path, {
    method,
    ...(authorization === undefined ? {} : { headers: { authorization } }),
  });

describe("authenticate", () => {
  it("lets a valid bearer token through and says whose it is", async () => {
    const { secret } = await tokens.create("ada", ["read"]);
    const response = await call("GET", "/who", `Bearer ${secret}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ada");
    expect((await call("GET", "/who", `bearer   ${secret}`)).status).toBe(200);
  });

  it("answers 401 with a challenge and a hint without a token, or with another scheme", async () => {
    const { secret } = await tokens.create("ada", ["read"]);
    for (const header of [undefined, `Basic ${secret}`, "Bearer", `Bearer ${secret} extra`]) {
      const response = await call("GET", "/who", header);
      expect(response.status, header).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="shopfloor"');
      expect(await response.json()).toMatchObject({
        error: { code: "unauthenticated", message: expect.stringContaining("Authorization") },
      });
    }
  });

  it("answers 401 to a token revoked or rotated since", async () => {
    const { secret } = await tokens.create("ada", ["read"]);
    await tokens.rotate("ada");
    const rotated = await call("GET", "/who", `Bearer ${secret}`);
    expect(rotated.status).toBe(401);
    expect(rotated.headers.get("www-authenticate")).toContain('error="invalid_token"');
    const { secret: current } = await tokens.rotate("ada");
    await tokens.revoke("ada");
    expect((await call("GET", "/who", `Bearer ${current}`)).status).toBe(401);
  });
});

describe("requireScope", () => {
  it("answers 403 naming the scope a token lacks, and lets one with it through", async () => {
    const reader = await tokens.create("reader", ["read"]);
    const operator = await tokens.create("operator", ["read", "operate"]);
    const refused = await call("POST", "/operate", `Bearer ${reader.secret}`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: {
        code: "forbidden",
        message: "the token reader may read; this needs the operate scope",
      },
    });
    const allowed = await call("POST", "/operate", `Bearer ${operator.secret}`);
    expect(allowed.status).toBe(200);
  });

  it("is what scoped() adds to a route, with the scope in its security requirement", () => {
    const route = scoped("configure");
    expect(route.security).toEqual([{ bearer: ["configure"] }]);
    expect(typeof route.middleware).toBe("function");
  });
});
