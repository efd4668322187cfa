/**
 * The OpenAPI document the console publishes (GET /api/openapi.json): a valid OpenAPI 3.1 document that
 * lists exactly the routes the app serves and the route definitions the dashboard calls, and whose
 * `security` says what the server enforces: every operation but the health check needs a token (401
 * without one), and a token without the listed scope gets 403.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessScopes } from "../../src/server/access/access-scopes.js";
import { repositoryRoot } from "../line/support/line-home.js";
import { type ConsoleHarness, consoleHarness } from "../support/console/console-harness.js";

interface Operation {
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
}

const httpMethods = ["get", "put", "post", "delete", "patch"];
const unprotected = ["GET /api/health"];

let harness: ConsoleHarness;
let document: OpenApiDocument;

beforeAll(async () => {
  harness = await consoleHarness();
  const answer = await harness.request("GET", "/api/openapi.json", { token: null });
  expect(answer.status).toBe(200);
  document = (await answer.json()) as OpenApiDocument;
}, 30_000);
afterAll(() => harness.remove());

/** `GET /api/items/{id}` for each operation of the document. */
function documentedOperations(): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => httpMethods.includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

function operation(key: string): Operation {
  const [method = "", path = ""] = key.split(" ");
  const found = document.paths[path]?.[method.toLowerCase()];
  if (found === undefined) throw new Error(`the document has no ${key}`);
  return found;
}

/** Every `…Route` exported by src/server/routes/<area>/<area>-routes.ts, as `METHOD /api/path`. */
async function definedRoutes(): Promise<string[]> {
  const routesFolder = join(repositoryRoot, "src/server/routes");
  const keys: string[] = [];
  const areas = readdirSync(routesFolder, { withFileTypes: true }).filter((entry) =>
    entry.isDirectory(),
  );
  for (const { name: area } of areas) {
    const file = join(routesFolder, area, `${area}-routes.ts`);
    if (!readdirSync(join(routesFolder, area)).includes(`${area}-routes.ts`)) continue;
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (!name.endsWith("Route")) continue;
      const route = value as { method: string; path: string };
      keys.push(`${route.method.toUpperCase()} /api${route.path}`);
    }
  }
  return keys;
}

/** What the Hono app routes to a handler under /api, in the document's path syntax. */
function servedRoutes(): string[] {
  const served = harness.app.routes
    .filter((route) => route.method !== "ALL" && route.path.startsWith("/api/"))
    .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`)
    .filter((key) => key !== "GET /api/openapi.json");
  return [...new Set(served)];
}

/** A request to the operation with its path parameters filled in and an empty body. */
function requestTo(key: string): { method: string; path: string } {
  const [method = "", path = ""] = key.split(" ");
  return { method, path: path.replace(/\{\w+\}/g, "nothing-here") };
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("lists every route definition of src/server/routes, and the health check", async () => {
    const defined = await definedRoutes();
    // Each area has its routes (a guard against an empty glob making the comparison vacuous).
    expect(defined.length).toBeGreaterThanOrEqual(25);
    expect(documentedOperations().sort()).toEqual([...defined, ...unprotected].sort());
  });

  it("lists exactly the routes the app serves", () => {
    expect(documentedOperations().sort()).toEqual(servedRoutes().sort());
  });

  it("declares the bearer scheme, and a security requirement on every protected operation", () => {
    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    for (const key of documentedOperations()) {
      const { security, responses } = operation(key);
      if (unprotected.includes(key)) {
        expect(security ?? [], key).toEqual([]);
        continue;
      }
      expect(security, key).toHaveLength(1);
      const scopes = security?.[0]?.bearer;
      expect(scopes, key).toBeDefined();
      for (const scope of scopes ?? []) expect(accessScopes, key).toContain(scope);
      expect(Object.keys(responses), key).toEqual(expect.arrayContaining(["401", "403"]));
    }
  });

  it("says what the server enforces: 401 without a token on every protected operation", async () => {
    for (const key of documentedOperations()) {
      const { method, path } = requestTo(key);
      const answer = await harness.request(method, path, { token: null });
      expect(answer.status, key).toBe(unprotected.includes(key) ? 200 : 401);
    }
  });

  it("says what the server enforces: 403 for a token without the listed scope", async () => {
    const checked: string[] = [];
    for (const key of documentedOperations()) {
      const [scope] = operation(key).security?.[0]?.bearer ?? [];
      if (scope === undefined || scope === "read") continue;
      // The reader lacks operate and configure; the operator lacks configure.
      const tokens =
        scope === "operate"
          ? [harness.tokens.reader]
          : [harness.tokens.reader, harness.tokens.operator];
      const { method, path } = requestTo(key);
      for (const token of tokens) {
        const body = method === "GET" ? {} : { json: {} };
        const answer = await harness.request(method, path, { token, ...body });
        expect(answer.status, `${key} needs ${scope}`).toBe(403);
      }
      checked.push(key);
    }
    expect(checked.length).toBeGreaterThanOrEqual(10);
  });
});
