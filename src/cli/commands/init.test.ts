import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runInMemory } from "../../../test/support/memory-io.js";
import { defaultConfig, parseConfig } from "../../contracts/index.js";
import { AccessTokens } from "../../server/access/access-tokens.js";
import { processIo } from "../cli-io.js";
import { findConfig } from "../load-config.js";

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-init-"));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

const init = (argv: string[], files: Record<string, string> = {}) =>
  runInMemory(["init", ...argv], files, "", folder);

describe("shopfloor init", () => {
  it("creates a private home with a config that parses to the defaults, and a migrated database", async () => {
    const run = await init(["--home", "factory"]);
    expect(run.exitCode, run.stderr).toBe(0);
    const home = join(folder, "factory");
    expect(run.stdout).toContain(`Created the factory home ${home} (mode 0700)`);
    expect(statSync(home).mode & 0o777).toBe(0o700);
    const text = readFileSync(join(home, "config.yaml"), "utf8");
    expect(parseConfig(text, "config.yaml")).toEqual(defaultConfig);
    expect(text).toContain("#lineUp:");
    const database = new Sqlite(join(home, "factory.db"), { readonly: true });
    const tables = database
      .prepare("select name from sqlite_master where type = 'table'")
      .all()
      .map((row) => (row as { name: string }).name);
    database.close();
    expect(tables).toEqual(
      expect.arrayContaining(["work_item", "line_event", "cost_event", "job"]),
    );
  });

  it("is the config other commands read when the working directory has none", async () => {
    await init(["--home", "factory"]);
    const home = join(folder, "factory");
    writeFileSync(join(home, "config.yaml"), "defaultProfile: payments\n");
    const io = { ...processIo, workingDirectory: folder, environment: { SHOPFLOOR_HOME: home } };
    const found = await findConfig(io, undefined);
    expect(found.path).toBe(join(home, "config.yaml"));
    expect(found.config.defaultProfile).toBe("payments");
  });

  it("refuses to overwrite an existing config without --force", async () => {
    await init(["--home", "factory"]);
    const configPath = join(folder, "factory", "config.yaml");
    writeFileSync(configPath, "defaultProfile: mine\n");
    const again = await init(["--home", "factory"]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain(`${configPath} already exists; add --force`);
    expect(readFileSync(configPath, "utf8")).toBe("defaultProfile: mine\n");
    const forced = await init(["--home", "factory", "--force", "--json"]);
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({
      configExisted: true,
      homeExisted: true,
      // The tokens made by the first init stay: nobody's sign-in breaks.
      managerToken: null,
    });
    expect(parseConfig(readFileSync(configPath, "utf8"), "x")).toEqual(defaultConfig);
  });

  it("makes a manager token with every scope and shows its secret once", async () => {
    const run = await init(["--home", "factory"]);
    expect(run.exitCode, run.stderr).toBe(0);
    const secret = run.stdout.match(/secret {3}(sf_\S+)/)?.[1] ?? "";
    const home = join(folder, "factory");
    const tokens = new AccessTokens({ home });
    expect(await tokens.verify(secret)).toMatchObject({
      name: "manager",
      scopes: ["read", "operate", "configure"],
    });
    expect(statSync(tokens.path).mode & 0o777).toBe(0o600);
    expect(readFileSync(tokens.path, "utf8")).not.toContain(secret);
    expect(run.stdout).toContain(`http://127.0.0.1:4317/#token=${secret}`);
    expect(run.stdout).toContain(
      "it is shown once (only its hash is stored); `shopfloor token rotate manager` makes a new one",
    );
    expect(run.stdout).toContain("shopfloor serve --home factory");
  });

  it("gives the manager token in its JSON, and leaves a home's token file as it is", async () => {
    const run = await init(["--home", "factory", "--json"]);
    expect(run.exitCode, run.stderr).toBe(0);
    const { managerToken } = JSON.parse(run.stdout) as {
      managerToken: { token: { name: string }; secret: string; signInLink: string };
    };
    expect(managerToken.token.name).toBe("manager");
    expect(managerToken.signInLink).toBe(`http://127.0.0.1:4317/#token=${managerToken.secret}`);
    const tokens = new AccessTokens({ home: join(folder, "factory") });
    expect(await tokens.verify(managerToken.secret)).toMatchObject({ name: "manager" });

    // A home whose tokens were all revoked keeps its (empty) token file: init makes no token behind
    // the owner's back.
    await init(["--home", "other"]);
    const other = join(folder, "other");
    const existing = new AccessTokens({ home: other });
    await existing.revoke("manager");
    rmSync(join(other, "config.yaml"));
    const again = await init(["--home", "other"]);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain("access-tokens.json  kept as it was");
    expect(again.stdout).not.toContain("secret");
    expect(await existing.list()).toEqual([]);
  });

  it("writes a config file of the user's after checking it", async () => {
    const bad = await init(["--home", "factory", "--config", "/mine.yaml"], {
      "/mine.yaml": "budget:\n  dailyUsd: -3\n",
    });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain("/mine.yaml");
    const good = await init(["--home", "factory", "--config", "/mine.yaml"], {
      "/mine.yaml": "budget:\n  dailyUsd: 40\n",
    });
    expect(good.exitCode, good.stderr).toBe(0);
    expect(readFileSync(join(folder, "factory", "config.yaml"), "utf8")).toBe(
      "budget:\n  dailyUsd: 40\n",
    );
  });
});
