import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runInMemory } from "../../../test/support/memory-io.js";
import { AccessTokens } from "../../server/access/access-tokens.js";
import { parseScopes } from "./token.js";

let folder: string;
let home: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-token-"));
  home = join(folder, "factory");
  mkdirSync(home);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const token = (argv: string[]) =>
  runInMemory(["token", ...argv, "--home", "factory"], {}, "", folder);

function secretOf(stdout: string): string {
  const secret = stdout.match(/secret {3}(sf_\S+)/)?.[1];
  if (secret === undefined) throw new Error(`no secret in:\n${stdout}`);
  return secret;
}

describe("shopfloor token create", () => {
  it("makes a token with every scope by default and prints its secret once, with the sign-in link", async () => {
    const run = await token(["create", "manager"]);
    expect(run.exitCode, run.stderr).toBe(0);
    const secret = secretOf(run.stdout);
    expect(run.stdout).toContain("Created the token manager (read, operate, configure).");
    expect(run.stdout).toContain(`http://127.0.0.1:4317/#token=${secret}`);
    expect(run.stdout).toContain(`Authorization: Bearer ${secret}`);
    expect(run.stdout).toContain("shown once");
    const verified = await new AccessTokens({ home }).verify(secret);
    expect(verified).toMatchObject({ name: "manager", scopes: ["read", "operate", "configure"] });
  });

  it("gives exactly the scopes asked for, and prints JSON on request", async () => {
    const run = await token(["create", "ci-bot", "--scope", "read,operate", "--json"]);
    expect(run.exitCode, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as {
      token: { name: string; scopes: string[] };
      secret: string;
      signInLink: string;
    };
    expect(printed.token).toMatchObject({ name: "ci-bot", scopes: ["read", "operate"] });
    expect(printed.signInLink).toBe(`http://127.0.0.1:4317/#token=${printed.secret}`);
    expect(await new AccessTokens({ home }).verify(printed.secret)).toMatchObject({
      name: "ci-bot",
    });
  });

  it("refuses an unknown scope, a bad name and a name taken, with exit code 2", async () => {
    const scope = await token(["create", "ci-bot", "--scope", "read,admin"]);
    expect(scope.exitCode).toBe(2);
    expect(scope.stderr).toContain("expected one or more of read, operate, configure");
    expect(scope.stderr).toContain("not admin");
    const name = await token(["create", "CI_bot"]);
    expect(name.exitCode).toBe(2);
    expect(name.stderr).toContain("is not a token name");
    await token(["create", "ci-bot"]);
    const taken = await token(["create", "ci-bot"]);
    expect(taken.exitCode).toBe(2);
    expect(taken.stderr).toContain("a token named ci-bot exists already");
    expect(await new AccessTokens({ home }).list()).toHaveLength(1);
  });

  it("says how to make a factory home when there is none", async () => {
    const run = await runInMemory(
      ["token", "create", "manager", "--home", "nowhere"],
      {},
      "",
      folder,
    );
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("shopfloor init");
  });
});

describe("shopfloor token list", () => {
  it("shows the tokens without their secrets", async () => {
    const empty = await token(["list"]);
    expect(empty.stdout).toContain("No tokens. `shopfloor token create manager`");
    const created = await token(["create", "ci-bot", "--scope", "read"]);
    const secret = secretOf(created.stdout);
    const run = await token(["list"]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^NAME\s+SCOPES\s+SECRET\s+CREATED\s+ROTATED\n/);
    expect(run.stdout).toMatch(new RegExp(`ci-bot\\s+read\\s+${secret.slice(0, 7)}…`));
    expect(run.stdout).not.toContain(secret);
    const json = JSON.parse((await token(["list", "--json"])).stdout) as {
      tokens: { name: string }[];
    };
    expect(json.tokens.map((entry) => entry.name)).toEqual(["ci-bot"]);
    expect(JSON.stringify(json)).not.toContain(secret);
  });
});

describe("shopfloor token rotate and revoke", () => {
  it("rotates: the old secret stops working, the new one is printed once", async () => {
    const old = secretOf((await token(["create", "manager"])).stdout);
    const run = await token(["rotate", "manager"]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain("its old secret no longer works");
    const secret = secretOf(run.stdout);
    const tokens = new AccessTokens({ home });
    expect(await tokens.verify(old)).toBeUndefined();
    expect(await tokens.verify(secret)).toMatchObject({ name: "manager" });
    const unknown = await token(["rotate", "nobody"]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain("there is no token named nobody (tokens: manager)");
  });

  it("revokes, and says how to get back in when no token may configure any more", async () => {
    const reader = secretOf((await token(["create", "reader", "--scope", "read"])).stdout);
    await token(["create", "manager"]);
    const first = await token(["revoke", "reader"]);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stdout).toBe("Revoked the token reader: its secret no longer works.\n");
    expect(await new AccessTokens({ home }).verify(reader)).toBeUndefined();
    const last = await token(["revoke", "manager"]);
    expect(last.exitCode, last.stderr).toBe(0);
    expect(last.stdout).toContain("No token left may configure; `shopfloor token create manager`");
    expect((await token(["revoke", "manager"])).exitCode).toBe(2);
  });
});

describe("parseScopes", () => {
  it("takes comma-separated scopes, spaces allowed", () => {
    expect(parseScopes("read, configure")).toEqual(["read", "configure"]);
    expect(() => parseScopes(",")).toThrow(/one or more/);
  });
});
