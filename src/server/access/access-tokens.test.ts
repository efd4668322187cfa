import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ShopfloorError } from "../../contracts/errors.js";
import { AccessTokens, accessTokensFileName } from "./access-tokens.js";

let home: string;
let tokens: AccessTokens;
let clock: Date;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "shopfloor-tokens-"));
  clock = new Date("2026-11-24T10:00:00.000Z");
  tokens = new AccessTokens({ home, now: () => clock });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe("access tokens", () => {
  it("has none in a home without a token file, and verifies nothing", async () => {
    expect(await tokens.list()).toEqual([]);
    expect(await tokens.verify("sf_anything")).toBeUndefined();
  });

  it("keeps only a hash of the secret, in a file for its owner only", async () => {
    const { token, secret } = await tokens.create("manager", ["read", "operate", "configure"]);
    expect(token).toEqual({
      name: "manager",
      scopes: ["read", "operate", "configure"],
      prefix: secret.slice(0, 7),
      createdAt: "2026-11-24T10:00:00.000Z",
    });
    const path = join(home, accessTokensFileName);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, "utf8");
    expect(text).not.toContain(secret);
    expect(text).toMatch(/"sha256": "[0-9a-f]{64}"/);
    expect(await tokens.verify(secret)).toEqual(token);
    expect(await tokens.verify(`${secret}x`)).toBeUndefined();
    expect(await new AccessTokens({ home }).list()).toEqual([token]);
  });

  it("makes a different secret every time", async () => {
    const first = await tokens.create("one", ["read"]);
    const second = await tokens.create("two", ["read"]);
    expect(first.secret).not.toBe(second.secret);
    expect(first.secret.length).toBeGreaterThanOrEqual(40);
  });

  it("refuses a second token of the same name, a bad name and no scopes, and writes nothing", async () => {
    await tokens.create("ci-bot", ["read"]);
    await expect(tokens.create("ci-bot", ["read"])).rejects.toMatchObject({
      code: "invalid-argument",
      field: "name",
    });
    await expect(tokens.create("CI bot", ["read"])).rejects.toMatchObject({
      code: "invalid-argument",
      field: "name",
    });
    await expect(tokens.create("empty", [])).rejects.toMatchObject({
      code: "invalid-argument",
      field: "scopes",
      message: expect.stringContaining("read, operate, configure"),
    });
    expect((await tokens.list()).map((token) => token.name)).toEqual(["ci-bot"]);
  });

  it("lists a scope once however often it is given", async () => {
    const { token } = await tokens.create("reader", ["read", "read"]);
    expect(token.scopes).toEqual(["read"]);
  });

  it("rotates: the old secret stops working, the new one works, the scopes stay", async () => {
    const { secret: old } = await tokens.create("ci-bot", ["read", "operate"]);
    clock = new Date("2026-11-25T08:00:00.000Z");
    const { token, secret } = await tokens.rotate("ci-bot");
    expect(await tokens.verify(old)).toBeUndefined();
    expect(await tokens.verify(secret)).toEqual(token);
    expect(token).toMatchObject({
      scopes: ["read", "operate"],
      createdAt: "2026-11-24T10:00:00.000Z",
      rotatedAt: "2026-11-25T08:00:00.000Z",
      prefix: secret.slice(0, 7),
    });
  });

  it("revokes: the secret stops working; an unknown name is not-found with the names there are", async () => {
    const { secret } = await tokens.create("ci-bot", ["read"]);
    await tokens.create("manager", ["configure"]);
    await tokens.revoke("ci-bot");
    expect(await tokens.verify(secret)).toBeUndefined();
    await expect(tokens.revoke("ci-bot")).rejects.toMatchObject({
      code: "not-found",
      message: "there is no token named ci-bot (tokens: manager)",
    });
    await expect(tokens.rotate("nobody")).rejects.toMatchObject({ code: "not-found" });
  });

  it("keeps the last token that may configure when asked to", async () => {
    await tokens.create("manager", ["read", "configure"]);
    await tokens.create("reader", ["read"]);
    await tokens.revoke("reader", { keepConfigureAccess: true });
    await expect(tokens.revoke("manager", { keepConfigureAccess: true })).rejects.toThrow(
      /last token with the configure scope.*shopfloor token create/,
    );
    await tokens.create("deputy", ["configure"]);
    await tokens.revoke("manager", { keepConfigureAccess: true });
    await tokens.revoke("deputy");
    expect(await tokens.list()).toEqual([]);
  });

  it("loses no change made at the same time", async () => {
    const names = Array.from({ length: 12 }, (_, index) => `bot-${index}`);
    await Promise.all(names.map((name) => tokens.create(name, ["read"])));
    expect((await tokens.list()).map((token) => token.name).sort()).toEqual([...names].sort());
    await Promise.all(names.slice(0, 6).map((name) => tokens.revoke(name)));
    expect(await tokens.list()).toHaveLength(6);
  });

  it("says how to recover from a file it did not write", async () => {
    const path = join(home, accessTokensFileName);
    for (const text of ["{not json", JSON.stringify({ version: 2, tokens: [] })]) {
      writeFileSync(path, text);
      const failure = await tokens.verify("sf_x").catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ShopfloorError);
      expect(failure).toMatchObject({ code: "invalid-config", path });
      expect((failure as Error).message).toContain("shopfloor token create manager");
    }
  });

  it("says to create the factory home when there is none", async () => {
    const nowhere = new AccessTokens({ home: join(home, "missing") });
    await expect(nowhere.create("manager", ["read"])).rejects.toMatchObject({
      code: "io-error",
      message: expect.stringContaining("shopfloor init"),
    });
  });
});
