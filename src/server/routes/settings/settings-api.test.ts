/**
 * The settings routes on a real line whose config is the home's config.yaml (test/support/console):
 * profiles listed as the gate resolves them, a profile saved into the file and in force at once (the
 * line is reopened: a spec submitted under it is accepted), a built-in changed and restored, the default
 * profile chosen, and the planner as `shopfloor plan` answers. Then the refusals: no token, a token
 * without the scope, invalid requests naming the field, unknown profiles.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type ConsoleHarness,
  consoleHarness,
} from "../../../../test/support/console/console-harness.js";
import {
  answerSchema,
  expectError,
  parsedAnswer,
} from "../../../../test/support/console/line-answers.js";
import { parseConfig } from "../../../contracts/config.js";
import {
  defaultProfileRoute,
  planRateRoute,
  planRoute,
  profilesRoute,
  saveProfileRoute,
} from "./settings-routes.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const profilesSchema = answerSchema(profilesRoute, 200);
const savedSchema = answerSchema(saveProfileRoute, 200);
const defaultSchema = answerSchema(defaultProfileRoute, 200);
const planSchema = answerSchema(planRoute, 200);
const rateSchema = answerSchema(planRateRoute, 200);

const strictDefinition = {
  extends: "admin",
  description: "admin, with edge cases held to 95%",
  confidence: 0.9,
  categories: { edge: { threshold: 0.95 } },
};

let harness: ConsoleHarness;
let configPath: string;

beforeAll(async () => {
  harness = await consoleHarness();
  configPath = join(harness.home, "config.yaml");
});

afterAll(async () => {
  await harness?.remove();
});

const fileConfig = () => parseConfig(readFileSync(configPath, "utf8"), configPath);

const listProfiles = async () =>
  parsedAnswer(
    await harness.request("GET", "/api/profiles", { token: harness.tokens.reader }),
    200,
    profilesSchema,
  );

const submitUnder = (profile: string) =>
  harness.request("POST", "/api/items", {
    token: harness.tokens.operator,
    json: { name: "todo-small.md", spec: harness.smallSpec, profile },
  });

const plan = (json: unknown) =>
  harness.request("POST", "/api/plan", { token: harness.tokens.reader, json });

describe("the settings API on the home's config file", () => {
  it("lists the built-in profiles resolved, the default, and the file changes go to", async () => {
    const answer = await listProfiles();

    expect(answer.defaultProfile).toBe("admin");
    expect(answer.configPath).toBe(configPath);
    expect(
      answer.profiles.map((entry) => [entry.name, entry.builtIn, entry.definedInConfig]),
    ).toEqual([
      ["admin", true, false],
      ["standard", true, false],
      ["payments", true, false],
    ]);
    const payments = answer.profiles[2];
    expect(payments?.categories).toEqual([
      { category: "normal", threshold: 0.999, confidence: 0.95, zeroTolerance: false },
      { category: "edge", threshold: 0.99, confidence: 0.95, zeroTolerance: false },
      { category: "malicious", threshold: 0.99, confidence: 0.95, zeroTolerance: true },
    ]);
    expect(payments?.profile?.slo).toEqual({ errorRate: 0.002, p95LatencyMs: 500 });
    expect(answer.profiles[0]?.isDefault).toBe(true);
  });

  it("saves a profile into the config file and puts it in force: a spec may be submitted under it", async () => {
    const refused = await submitUnder("strict");
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(((await refused.json()) as { error: { field: string } }).error.field).toBe("profile");

    const saved = await parsedAnswer(
      await harness.request("PUT", "/api/profiles/strict", { json: strictDefinition }),
      200,
      savedSchema,
    );

    expect(saved).toMatchObject({
      name: "strict",
      builtIn: false,
      definedInConfig: true,
      definition: strictDefinition,
    });
    expect(saved.categories).toEqual([
      { category: "normal", threshold: 0.95, confidence: 0.9, zeroTolerance: false },
      { category: "edge", threshold: 0.95, confidence: 0.9, zeroTolerance: false },
      { category: "malicious", threshold: 0.9, confidence: 0.9, zeroTolerance: false },
    ]);
    expect(fileConfig().profiles.strict).toEqual(strictDefinition);
    expect(readFileSync(configPath, "utf8")).toContain("enabled: false");
    expect((await listProfiles()).profiles.map((entry) => entry.name)).toContain("strict");

    const submitted = await submitUnder("strict");
    expect(submitted.status).toBe(201);
    expect(((await submitted.json()) as { profile: string }).profile).toBe("strict");
  });

  it("changes a built-in profile's values under its name, and restores it when deleted", async () => {
    const saved = await parsedAnswer(
      await harness.request("PUT", "/api/profiles/standard", {
        json: { extends: "standard", categories: { normal: { threshold: 0.995 } } },
      }),
      200,
      savedSchema,
    );
    expect(saved).toMatchObject({ name: "standard", builtIn: true, definedInConfig: true });
    expect(saved.profile?.categories.normal?.threshold).toBe(0.995);
    expect(saved.profile?.categories.edge?.threshold).toBe(0.97);
    expect(fileConfig().profiles.standard).toEqual({
      categories: { normal: { threshold: 0.995 } },
    });

    const deleted = await harness.request("DELETE", "/api/profiles/standard");
    expect(deleted.status).toBe(204);
    const standard = (await listProfiles()).profiles.find((entry) => entry.name === "standard");
    expect(standard).toMatchObject({ builtIn: true, definedInConfig: false });
    expect(standard?.profile?.categories.normal?.threshold).toBe(0.99);
  });

  it("refuses to save a profile without a token or the configure scope", async () => {
    const put = (token: string | null) =>
      harness.request("PUT", "/api/profiles/lax", { token, json: { extends: "admin" } });
    await expectError(await put(null), 401, { code: "unauthenticated" });
    await expectError(await put(harness.tokens.operator), 403, { code: "forbidden" });
    await expectError(await put(harness.tokens.reader), 403, { code: "forbidden" });
    await expectError(
      await harness.request("DELETE", "/api/profiles/strict", { token: harness.tokens.operator }),
      403,
    );
    expect(fileConfig().profiles.lax).toBeUndefined();
  });

  it("refuses invalid profiles, naming the field, and leaves the file as it was", async () => {
    const before = readFileSync(configPath, "utf8");
    const put = (name: string, json: unknown) =>
      harness.request("PUT", `/api/profiles/${name}`, { json });

    await expectError(await put("loose", { categories: { normal: { threshold: 1.5 } } }), 400, {
      field: "categories.normal.threshold",
    });
    await expectError(await put("loose", { extends: "nonesuch" }), 400, { field: "extends" });
    await expectError(await put("loose", { description: "gates nothing" }), 400, {
      code: "invalid-config",
      field: "categories",
    });
    await expectError(await put("loose", { extends: "admin", colour: "red" }), 400);
    await expectError(await put("bad%20name", { extends: "admin" }), 400, { field: "name" });
    expect(readFileSync(configPath, "utf8")).toBe(before);
  });

  it("deletes the user's profiles only", async () => {
    await harness.request("PUT", "/api/profiles/scratch", { json: { extends: "admin" } });

    expect((await harness.request("DELETE", "/api/profiles/scratch")).status).toBe(204);
    expect(fileConfig().profiles.scratch).toBeUndefined();
    await expectError(await harness.request("DELETE", "/api/profiles/scratch"), 404, {
      field: "name",
    });
    await expectError(await harness.request("DELETE", "/api/profiles/payments"), 400, {
      code: "invalid-argument",
    });
  });

  it("chooses the default profile", async () => {
    const answer = await parsedAnswer(
      await harness.request("PUT", "/api/settings/default-profile", { json: { name: "strict" } }),
      200,
      defaultSchema,
    );

    expect(answer.defaultProfile).toBe("strict");
    expect(answer.profiles.find((entry) => entry.isDefault)?.name).toBe("strict");
    expect(fileConfig().defaultProfile).toBe("strict");
    await expectError(await harness.request("DELETE", "/api/profiles/strict"), 400, {
      field: "name",
    });
    await expectError(
      await harness.request("PUT", "/api/settings/default-profile", { json: { name: "nonesuch" } }),
      404,
      { field: "name" },
    );
    await expectError(
      await harness.request("PUT", "/api/settings/default-profile", {
        token: harness.tokens.operator,
        json: { name: "admin" },
      }),
      403,
    );
    expect(fileConfig().defaultProfile).toBe("strict");
  });

  it("plans a suite under a saved profile as `shopfloor plan --profile` does", async () => {
    const answer = await parsedAnswer(await plan({ profile: "standard" }), 200, planSchema);

    expect(answer.suite).toEqual({ normal: 100, edge: 50, malicious: 30 });
    expect(answer.canApprove).toBe(false);
    const normal = answer.categories[0];
    expect(normal).toMatchObject({
      category: "normal",
      scenarios: 100,
      threshold: 0.99,
      canApprove: false,
      failuresTolerated: -1,
      scenariosNeeded: 299,
      scenariosToAdd: 199,
      trialsToDemonstrate: 299,
    });
    expect(answer.scenariosToAdd).toBe(
      answer.categories.reduce((sum, category) => sum + category.scenariosToAdd, 0),
    );
  });

  it("plans an unsaved definition, without saving it", async () => {
    const before = readFileSync(configPath, "utf8");
    const answer = await parsedAnswer(
      await plan({
        profile: { extends: "admin", categories: { normal: { threshold: 0.999 } } },
        suite: { normal: 3000 },
      }),
      200,
      planSchema,
    );

    expect(answer.suite).toEqual({ normal: 3000, edge: 50, malicious: 30 });
    expect(answer.categories[0]).toMatchObject({
      scenarios: 3000,
      scenariosNeeded: 2995,
      trialsToDemonstrate: 2995,
      canApprove: true,
      failuresTolerated: 0,
    });
    expect(answer.resolved.categories.edge?.threshold).toBe(0.9);
    expect(readFileSync(configPath, "utf8")).toBe(before);
  });

  it("refuses to plan an unknown profile or an invalid definition", async () => {
    await expectError(await plan({ profile: "nonesuch" }), 404, { field: "profile" });
    await expectError(
      await plan({ profile: { categories: { normal: { threshold: 1.5 } } } }),
      400,
      { field: "profile.categories.normal.threshold" },
    );
    await expectError(await plan({ profile: { extends: "nonesuch" } }), 400, {
      field: "profile.extends",
    });
    await expectError(await plan({ profile: "admin", suite: { normal: -1 } }), 400, {
      field: "suite.normal",
    });
    await expectError(await plan({}), 400, {
      field: "profile",
    });
  });

  it("answers the trials a pass rate needs, as `shopfloor plan --pass-rate` does", async () => {
    const rate = async (query: string) =>
      parsedAnswer(
        await harness.request("GET", `/api/plan/rate?${query}`, { token: harness.tokens.reader }),
        200,
        rateSchema,
      );

    const flawless = await rate("passRate=0.999");
    expect(flawless).toMatchObject({
      passRate: 0.999,
      confidence: 0.95,
      failuresAllowed: 0,
      trials: 2995,
      method: "clopper-pearson",
    });
    const withFailure = await rate("passRate=0.999&confidence=0.95&failures=1");
    expect(withFailure.trials).toBeGreaterThan(2995);
    expect(withFailure.alternatives.map((each) => each.failuresAllowed)).toEqual([0, 1, 2, 3]);
    expect(withFailure.alternatives[1]?.trials).toBe(withFailure.trials);

    await expectError(await harness.request("GET", "/api/plan/rate?passRate=1.5"), 400, {
      field: "passRate",
    });
    await expectError(await harness.request("GET", "/api/plan/rate"), 400, { field: "passRate" });
    await expectError(
      await harness.request("GET", "/api/plan/rate?passRate=0.9&failures=-1"),
      400,
      {
        field: "failures",
      },
    );
    await expectError(
      await harness.request("GET", "/api/plan/rate?passRate=0.9", { token: null }),
      401,
    );
  });

  it("documents every settings and money route with its scope", async () => {
    const document = (await (await harness.request("GET", "/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { security?: { bearer: string[] }[] }>>;
    };
    const scopeOf = (path: string, method: string) =>
      document.paths[path]?.[method]?.security?.[0]?.bearer;

    expect(scopeOf("/api/profiles", "get")).toEqual(["read"]);
    expect(scopeOf("/api/profiles/{name}", "put")).toEqual(["configure"]);
    expect(scopeOf("/api/profiles/{name}", "delete")).toEqual(["configure"]);
    expect(scopeOf("/api/settings/default-profile", "put")).toEqual(["configure"]);
    expect(scopeOf("/api/plan", "post")).toEqual(["read"]);
    expect(scopeOf("/api/plan/rate", "get")).toEqual(["read"]);
    expect(scopeOf("/api/budget", "get")).toEqual(["read"]);
    expect(scopeOf("/api/budget", "put")).toEqual(["configure"]);
    expect(scopeOf("/api/costs", "get")).toEqual(["read"]);
  });
});
