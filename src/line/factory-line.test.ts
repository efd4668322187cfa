import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { repositoryRoot, todoSpec } from "../../test/line/support/line-home.js";
import { Config } from "../contracts/config.js";
import { ShopfloorError } from "../contracts/errors.js";
import { NoSandbox } from "../runners/sandbox/no-sandbox.js";
import { type FactoryLine, openFactoryLine } from "./factory-line.js";

let folder: string;
let line: FactoryLine;
beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-facade-"));
  line = await openFactoryLine({
    home: join(folder, "new", "home"),
    config: Config.parse({}),
    environment: { PATH: process.env.PATH },
    projectFolder: repositoryRoot,
    sandbox: new NoSandbox(),
  });
});
afterEach(async () => {
  await line.close();
  rmSync(folder, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ShopfloorError)) throw new Error(`expected a ShopfloorError: ${error}`);
  return error.code;
}

describe("opening a factory line", () => {
  it("makes the home, private to its user, with its database", () => {
    expect(line.home).toBe(join(folder, "new", "home"));
    expect(statSync(line.home).mode & 0o777).toBe(0o700);
    expect(statSync(join(line.home, "factory.db")).isFile()).toBe(true);
    expect(line.sandboxWarning).toBeUndefined();
  });

  it("checks a submitted spec before its item exists: readable, valid, with a known profile", async () => {
    const broken = join(folder, "broken.md");
    writeFileSync(broken, "---\nname: Not A Name\nkind: http-service\n---\n# x\n");
    expect(await codeOf(line.submit({ specPath: join(folder, "missing.md") }))).toBe("io-error");
    expect(await codeOf(line.submit({ specPath: broken }))).toBe("invalid-input");
    expect(await codeOf(line.submit({ specPath: todoSpec, profile: "nope" }))).toBe("not-found");
    expect(await codeOf(line.submit({ specPath: todoSpec, parent: "nobody" }))).toBe("not-found");
    expect(await line.workItems()).toEqual([]);
  });

  it("submits with the spec's profile and the default line-up, relative to the project folder", async () => {
    const item = await line.submit({ specPath: "examples/todo-api/spec.md" });
    expect(item).toMatchObject({
      name: "todo-api",
      specPath: todoSpec,
      profile: "admin",
      lineUp: { pattern: "single", agent: { agent: "scaffold" } },
      state: "intake",
      attempt: 1,
    });
    const child = await line.submit({
      specPath: todoSpec,
      profile: "standard",
      parent: item.id.slice(0, 12),
    });
    expect(child).toMatchObject({ profile: "standard", parent: item.id });
    expect((await line.workItems({ states: ["intake"] })).map((each) => each.id)).toEqual([
      child.id,
      item.id,
    ]);
    expect((await line.status()).queue.intake.waiting).toBe(2);
  });

  it("says which item an unknown id is not, and closes once", async () => {
    expect(await codeOf(line.history("todo-api-000000"))).toBe("not-found");
    expect(await line.exceptions({ state: "all" })).toEqual([]);
    await line.close();
    await line.close();
  });
});
