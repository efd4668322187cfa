import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ConsoleHarness,
  consoleHarness,
} from "../../../../test/support/console/console-harness.js";

let harness: ConsoleHarness;

beforeAll(async () => {
  harness = await consoleHarness();
});
afterAll(() => harness.remove());

async function body(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe("GET /api/session", () => {
  it("says which token is signed in and what it may do, for any valid token", async () => {
    const response = await harness.request("GET", "/api/session", { token: harness.tokens.reader });
    expect(response.status).toBe(200);
    expect(await body(response)).toEqual({
      token: {
        name: "reader",
        scopes: ["read"],
        prefix: harness.tokens.reader.slice(0, 7),
        createdAt: expect.any(String),
      },
    });
  });

  it("answers 401 without a token, or with one that is not valid", async () => {
    const none = await harness.request("GET", "/api/session", { token: null });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const wrong = await harness.request("GET", "/api/session", { token: "sf_not-a-token" });
    expect(wrong.status).toBe(401);
    expect(await body(wrong)).toMatchObject({ error: { code: "unauthenticated" } });
  });
});

describe("the tokens", () => {
  it("lists them without their secrets, for the configure scope only", async () => {
    const response = await harness.request("GET", "/api/tokens");
    expect(response.status).toBe(200);
    const { tokens } = (await body(response)) as { tokens: Record<string, unknown>[] };
    expect(tokens.map((token) => [token.name, token.scopes])).toEqual([
      ["manager", ["read", "operate", "configure"]],
      ["operator", ["read", "operate"]],
      ["reader", ["read"]],
    ]);
    expect(JSON.stringify(tokens)).not.toContain(harness.tokens.manager);
    const operator = await harness.request("GET", "/api/tokens", {
      token: harness.tokens.operator,
    });
    expect(operator.status).toBe(403);
    expect(await body(operator)).toMatchObject({
      error: { code: "forbidden", message: expect.stringContaining("configure scope") },
    });
  });

  it("creates one whose secret works at once, with exactly its scopes", async () => {
    const created = await harness.request("POST", "/api/tokens", {
      json: { name: "ci-bot", scopes: ["read", "operate"] },
    });
    expect(created.status).toBe(201);
    const { token, secret } = (await body(created)) as {
      token: Record<string, unknown>;
      secret: string;
    };
    expect(token).toMatchObject({ name: "ci-bot", scopes: ["read", "operate"] });
    expect(secret).toMatch(/^sf_/);
    const session = await harness.request("GET", "/api/session", { token: secret });
    expect(await body(session)).toMatchObject({ token: { name: "ci-bot" } });
    const forbidden = await harness.request("GET", "/api/tokens", { token: secret });
    expect(forbidden.status).toBe(403);

    const again = await harness.request("POST", "/api/tokens", {
      json: { name: "ci-bot", scopes: ["read"] },
    });
    expect(again.status).toBe(400);
    expect(await body(again)).toMatchObject({
      error: { field: "name", message: expect.stringContaining("exists already") },
    });
  });

  it("refuses a request it cannot make a token of, naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ name: "CI Bot", scopes: ["read"] }, "name"],
      [{ name: "ci", scopes: [] }, "scopes"],
      [{ name: "ci", scopes: ["admin"] }, "scopes.0"],
      [{ name: "ci", scopes: ["read"], admin: true }, ""],
      [{ scopes: ["read"] }, "name"],
    ];
    for (const [json, field] of cases) {
      const response = await harness.request("POST", "/api/tokens", { json });
      expect(response.status, JSON.stringify(json)).toBe(400);
      const { error } = (await body(response)) as { error: Record<string, unknown> };
      expect(error.code).toBe("invalid-request");
      if (field !== "") expect(error.field, JSON.stringify(json)).toBe(field);
    }
    const operator = await harness.request("POST", "/api/tokens", {
      token: harness.tokens.operator,
      json: { name: "sneaky", scopes: ["configure"] },
    });
    expect(operator.status).toBe(403);
    const names = (await harness.services.tokens.list()).map((token) => token.name);
    expect(names).not.toContain("sneaky");
  });

  it("rotates one: the old secret gets 401 at once, the new one works", async () => {
    const { secret: old } = await harness.services.tokens.create("rotating", ["read"]);
    const rotated = await harness.request("POST", "/api/tokens/rotating/rotate");
    expect(rotated.status).toBe(200);
    const { token, secret } = (await body(rotated)) as {
      token: Record<string, unknown>;
      secret: string;
    };
    expect(secret).not.toBe(old);
    expect(token).toMatchObject({ name: "rotating", prefix: secret.slice(0, 7) });
    expect(token.rotatedAt).toEqual(expect.any(String));
    expect((await harness.request("GET", "/api/session", { token: old })).status).toBe(401);
    expect((await harness.request("GET", "/api/session", { token: secret })).status).toBe(200);

    const unknown = await harness.request("POST", "/api/tokens/nobody/rotate");
    expect(unknown.status).toBe(404);
    expect(await body(unknown)).toMatchObject({ error: { code: "not-found", field: "name" } });
    const operator = await harness.request("POST", "/api/tokens/rotating/rotate", {
      token: harness.tokens.operator,
    });
    expect(operator.status).toBe(403);
  });

  it("revokes one: its secret gets 401, and an unknown name 404", async () => {
    const { secret } = await harness.services.tokens.create("leaving", ["read"]);
    const operator = await harness.request("DELETE", "/api/tokens/leaving", {
      token: harness.tokens.operator,
    });
    expect(operator.status).toBe(403);
    const revoked = await harness.request("DELETE", "/api/tokens/leaving");
    expect(revoked.status).toBe(204);
    expect(await revoked.text()).toBe("");
    expect((await harness.request("GET", "/api/session", { token: secret })).status).toBe(401);
    expect((await harness.request("DELETE", "/api/tokens/leaving")).status).toBe(404);
  });

  it("lets a token revoke itself, but not the last one that may configure", async () => {
    const { secret } = await harness.services.tokens.create("second-manager", [
      "read",
      "configure",
    ]);
    const self = await harness.request("DELETE", "/api/tokens/second-manager", { token: secret });
    expect(self.status).toBe(204);

    const last = await harness.request("DELETE", "/api/tokens/manager");
    expect(last.status).toBe(400);
    expect(await body(last)).toMatchObject({
      error: {
        code: "invalid-argument",
        field: "name",
        message: expect.stringContaining("shopfloor token create"),
      },
    });
    expect((await harness.request("GET", "/api/session")).status).toBe(200);
  });
});
