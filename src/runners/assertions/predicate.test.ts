import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpObservation } from "../../../test/support/test-observations.js";
import { checkPredicate } from "./predicate.js";

const modules: Record<string, string> = {
  "passes.mjs": "export default (view) => view.status === 200;",
  "reason.mjs":
    "export default (view) => view.body.id > 100 || 'id ' + view.body.id + ' is too small';",
  "async.mjs": "export default async (view, observation) => observation.kind === 'http';",
  "false.mjs": "export default () => false;",
  "number.mjs": "export default () => 1;",
  "throws.mjs": "export default () => { throw new TypeError('boom'); };",
  "no-default.mjs": "export const check = () => true;",
  "broken.mjs": "export default (",
};

describe("checkPredicate", () => {
  let folder = "";
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "shopfloor-predicates-"));
    for (const [name, text] of Object.entries(modules)) await writeFile(join(folder, name), text);
  });
  afterAll(async () => {
    await rm(folder, { recursive: true });
  });
  const check = (path: string) =>
    checkPredicate(path, httpObservation({ status: 200, body: { id: 7 } }), folder);

  it("passes when the module returns true, also through a promise", async () => {
    expect(await check("passes.mjs")).toBeUndefined();
    expect(await check("async.mjs")).toBeUndefined();
  });

  it("uses a returned string as the reason", async () => {
    expect(await check("reason.mjs")).toBe("predicate reason.mjs: id 7 is too small");
  });

  it("says what it got when the module returns false or something else", async () => {
    expect(await check("false.mjs")).toBe("predicate false.mjs returned false");
    expect(await check("number.mjs")).toBe(
      "predicate number.mjs returned 1; a predicate returns true, false or a reason",
    );
  });

  it("turns modules that throw, have no default export or do not load into failures", async () => {
    expect(await check("throws.mjs")).toBe("predicate throws.mjs threw: boom");
    expect(await check("no-default.mjs")).toBe(
      "predicate no-default.mjs: the module has no default export function",
    );
    expect(await check("broken.mjs")).toMatch(/^predicate broken\.mjs: cannot load /);
    expect(await check("missing.mjs")).toMatch(/^predicate missing\.mjs: cannot load /);
  });

  it("runs the predicate of a fixture suite", async () => {
    const suiteFolder = resolve("test/fixtures/suites/todo-http");
    const created = httpObservation({ status: 201, body: { id: 0 } });
    expect(await checkPredicate("checks/has-numeric-id.mjs", created, suiteFolder)).toBe(
      "predicate checks/has-numeric-id.mjs: expected a positive integer id, got 0",
    );
  });
});
