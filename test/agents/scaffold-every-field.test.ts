/**
 * The scaffold agent on a spec that uses every field type and constraint, actions with rules, an input
 * default, a value an action may find missing, an entity with only some operations, and conventions
 * that are not the defaults (422, `message`, `key`, `/status`, `p`/`size`, `results`/`count`, a 2 KiB
 * body limit): its service passes the generated suite, the gate approves it, and it answers as the
 * conventions say where the suite does not look.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScaffoldAgent } from "../../src/agents/scaffold/scaffold-agent.js";
import { defaultConfig } from "../../src/contracts/config.js";
import { evaluateGate, resolveProfile } from "../../src/gate/index.js";
import { parseSpec } from "../../src/requirements/index.js";
import { NoSandbox } from "../../src/runners/sandbox/no-sandbox.js";
import { runTrialSession } from "../../src/runners/trial-session.js";
import { generateSuite } from "../../src/scenarios/generate/generate-suite.js";
import { type HttpCall, httpClient } from "../examples/support/http-client.js";
import { type RunningServer, startServer } from "../examples/support/start-server.js";
import { createTemporaryRepository } from "../fixtures/agents/temporary-repository.js";

const specText = `---
name: field-zoo
kind: http-service
profile: admin
description: Every type of field and every constraint, with conventions that are not the defaults.
---

# Field zoo

A service whose model uses every field type and constraint.

## Acceptance criteria

- AC1: A specimen is created with its fields and read back exactly.
- AC2: A specimen that breaks a rule is refused with 422.
- AC3: Feeding a specimen adds to its weight, within its limits.

## Model

\`\`\`yaml model
entities:
  specimen:
    description: One animal of the zoo.
    path: /zoo/specimens
    fields:
      tag: { type: string, required: true, unique: true, pattern: "[A-Z]{2}[0-9]{3}" }
      name: { type: string, required: true, minLength: 2, maxLength: 12 }
      legs: { type: integer, min: 0, max: 8, default: 4 }
      weightKg: { type: number, min: 0.5, max: 6000, default: 10 }
      tame: { type: boolean, default: false }
      born: { type: date }
      keeper: { type: email, unique: true }
      diet: { type: string, enum: [meat, plants, both], default: both }
      cage: { type: integer, enum: [1, 2, 3], default: 1 }
      meals: { type: integer, readOnly: true, default: 0, min: 0, max: 3 }
      lastFed: { type: date, readOnly: true }
    actions:
      feed:
        description: A meal; a tame animal eats twice as much.
        input:
          grams: { type: integer, required: true, min: 1, max: 5000 }
          day: { type: date, default: "2025-01-01" }
        requires:
          - { check: "diet != \\"plants\\" or grams <= 2000", status: 403, error: too much for a plant eater }
          - { check: meals < 3, status: 409, error: already fed three times }
        effects:
          weightKg: "weightKg + (if tame then grams * 2 else grams) / 1000"
          meals: meals + 1
          lastFed: day
      checkup:
        requires:
          - { check: "born != \\"2000-01-01\\"", status: 409, error: born on the millennium day }
        effects: { tame: "true" }
      rename:
        method: PUT
        input:
          newName: { type: string, required: true, minLength: 2, maxLength: 12 }
        effects: { name: newName }
        status: 202
  keeper_note:
    path: /notes
    operations: [create, read, list]
    fields:
      text: { type: string, required: true, maxLength: 40 }
errors: { validation: 422, notFound: 404, conflict: 409, messageField: message }
http:
  idField: key
  health: /status
  pageParameter: p
  limitParameter: size
  itemsField: results
  totalField: count
  defaultLimit: 5
  maximumLimit: 7
  maximumBodyBytes: 2048
\`\`\`
`;

const spec = await parseSpec(specText, "field-zoo.md");
const repository = createTemporaryRepository();
let build = "";

beforeAll(async () => {
  const workspace = await repository.manager.create({ workItem: "field-zoo", run: "r1" });
  const run = await new ScaffoldAgent({ now: () => performance.now() }).run(
    { workItem: "field-zoo", spec, specText, instructions: "Build it.", attempt: 1 },
    workspace,
    { wallClockMs: 60_000 },
    new AbortController().signal,
  );
  expect(run.status, run.summary).toBe("succeeded");
  build = workspace.path;
}, 30_000);
afterAll(() => repository.remove());

describe("a scaffolded service with every field type and constraint", { timeout: 120_000 }, () => {
  it("passes its full generated suite and the gate approves it", async () => {
    const generated = generateSuite(spec, {
      seed: 1,
      counts: { normal: 100, edge: 50, malicious: 30 },
    });
    const session = await runTrialSession({
      suite: { header: generated.header, scenarios: generated.scenarios, folder: build },
      sandbox: new NoSandbox(),
      target: {
        kind: "start",
        command: "node dist/server.js",
        readyPath: "/status",
        readyTimeoutMs: 15_000,
        workDirectory: build,
        readOnlyPaths: [build],
      },
      runId: "zoo",
      now: () => performance.now(),
    });
    const failures = session.summary.results
      .filter((result) => !result.pass)
      .map((result) => `${result.scenario}: ${result.error ?? ""}`);
    expect(failures).toEqual([]);
    const verdict = evaluateGate(session.summary.results, resolveProfile("admin", defaultConfig));
    expect(verdict.decision).toBe("approve");
  });

  describe("answers as the conventions say", () => {
    let server: RunningServer;
    let call: HttpCall;
    beforeAll(async () => {
      server = await startServer(join(build, "dist/server.js"));
      call = httpClient(server.baseUrl);
    });
    afterAll(() => server.stop());

    const animal = (tag: string, extra: Record<string, unknown> = {}) =>
      call("POST", "/zoo/specimens", { tag, name: "Rex", ...extra });

    it("creates a record with its defaults under the model's id field", async () => {
      expect((await call("GET", "/status")).status).toBe(200);
      const created = await animal("AA001");
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        key: expect.any(String),
        tag: "AA001",
        name: "Rex",
        legs: 4,
        weightKg: 10,
        tame: false,
        diet: "both",
        cage: 1,
        meals: 0,
      });
      expect((await call("GET", `/zoo/specimens/${created.body.key}`)).body).toEqual(created.body);
    });

    it("refuses with the model's status and message field, without echoing the input", async () => {
      const refused = await animal("AA002", { "<b>x</b>": 1 });
      expect(refused).toMatchObject({
        status: 422,
        body: { message: "there is no field with that name" },
      });
      expect((await animal("AA003", { legs: 2.5 })).body.message).toBe(
        "legs must be a whole number",
      );
      expect((await animal("AA004", { keeper: "a@b.c" })).status).toBe(201);
      expect((await animal("AA005", { keeper: "a@b.c" })).status).toBe(409);
      const tooLarge = await animal("AA006", { name: "x".repeat(2100) });
      expect(tooLarge.status).toBe(413);
      const notJson = await call("POST", "/notes", undefined, {
        headers: { "content-type": "text/plain" },
        raw: "text=hi",
      });
      expect(notJson.status).toBe(415);
    });

    it("pages with the model's names, and refuses a size above its maximum", async () => {
      for (const text of ["one", "two", "three"]) await call("POST", "/notes", { text });
      const page = await call("GET", "/notes?p=2&size=2");
      expect(page.body).toMatchObject({ p: 2, size: 2, count: 3 });
      expect(page.body.results).toHaveLength(1);
      expect((await call("GET", "/notes?size=8")).status).toBe(422);
    });

    it("answers 405 for a method a path does not have, and 404 for a path it does not have", async () => {
      const created = await call("POST", "/notes", { text: "hello" });
      const patched = await call("PATCH", `/notes/${created.body.key}`, { text: "bye" });
      expect(patched).toMatchObject({ status: 405, body: { message: expect.any(String) } });
      expect((await call("DELETE", "/notes/whatever")).status).toBe(405);
      expect((await call("GET", "/nowhere")).status).toBe(404);
    });

    it("runs actions: rules in order, effects from the values before, limits after", async () => {
      const created = await animal("BB001", { tame: true, diet: "plants" });
      const path = `/zoo/specimens/${created.body.key}`;
      const greedy = await call("POST", `${path}/feed`, { grams: 2500 });
      expect(greedy).toMatchObject({
        status: 403,
        body: { message: "too much for a plant eater" },
      });
      const fed = await call("POST", `${path}/feed`, { grams: 500 });
      expect(fed).toMatchObject({
        status: 200,
        body: { weightKg: 11, meals: 1, lastFed: "2025-01-01" },
      });
      await call("POST", `${path}/feed`, { grams: 1, day: "2025-02-01" });
      await call("POST", `${path}/feed`, { grams: 1 });
      const fourth = await call("POST", `${path}/feed`, { grams: 1 });
      expect(fourth).toMatchObject({ status: 409, body: { message: "already fed three times" } });
      const renamed = await call("PUT", `${path}/rename`, { newName: "Rexy" });
      expect(renamed).toMatchObject({ status: 202, body: { name: "Rexy", meals: 3 } });
    });

    it("refuses an action that reads a value the record does not have", async () => {
      const created = await animal("CC001");
      const path = `/zoo/specimens/${created.body.key}`;
      const checkup = await call("POST", `${path}/checkup`);
      expect(checkup).toMatchObject({
        status: 409,
        body: { message: "the specimen has no born, which checkup needs" },
      });
      await call("PATCH", path, { born: "2019-05-04" });
      expect((await call("POST", `${path}/checkup`)).body).toMatchObject({ tame: true });
    });
  });
});
