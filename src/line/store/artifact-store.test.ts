import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ShopfloorError } from "../../contracts/errors.js";
import type { FactoryDatabase } from "../../store/factory-database.js";
import { closeFactoryDatabase, openFactoryDatabase } from "../../store/open-factory-database.js";
import { ArtifactStore } from "./artifact-store.js";

let home: string;
let database: Kysely<FactoryDatabase>;
let artifacts: ArtifactStore;

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), "shopfloor-artifacts-"));
  database = await openFactoryDatabase(join(home, "factory.db"));
  artifacts = new ArtifactStore({
    home,
    database,
    now: () => new Date("2026-11-24T09:00:00.000Z"),
  });
});
afterEach(async () => {
  await closeFactoryDatabase(database);
  rmSync(home, { recursive: true, force: true });
});

const transcript = '{"type":"result","summary":"wrote the todo API"}\n';
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function rows() {
  return database.selectFrom("artifact").selectAll().execute();
}

describe("ArtifactStore.put", () => {
  it("writes the content under its SHA-256, readable by the owner only, and indexes it", async () => {
    const stored = await artifacts.put("transcript", transcript);
    const hash = sha256(transcript);
    const path = join(home, "artifacts", hash.slice(0, 2), hash);
    expect(stored).toEqual({ hash, path });
    expect(readFileSync(path, "utf8")).toBe(transcript);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, "artifacts", hash.slice(0, 2))).mode & 0o777).toBe(0o700);
    expect(await rows()).toEqual([
      {
        hash,
        kind: "transcript",
        path: join("artifacts", hash.slice(0, 2), hash),
        bytes: Buffer.byteLength(transcript),
        created_at: "2026-11-24T09:00:00.000Z",
      },
    ]);
  });

  it("stores the same content once, whether given as text or bytes", async () => {
    const first = await artifacts.put("transcript", transcript);
    const second = await artifacts.put("gate-report", new TextEncoder().encode(transcript));
    expect(second).toEqual(first);
    expect(await rows()).toHaveLength(1);
    expect(readdirSync(join(home, "artifacts", first.hash.slice(0, 2)))).toEqual([first.hash]);
  });

  it("indexes a file whose row a crash lost, without writing it again", async () => {
    const stored = await artifacts.put("spec", "# Todo API\n");
    await database.deleteFrom("artifact").execute();
    expect(await artifacts.put("spec", "# Todo API\n")).toEqual(stored);
    expect((await rows()).map((row) => row.hash)).toEqual([stored.hash]);
  });

  it("refuses an empty or overlong kind", async () => {
    await expect(artifacts.put("", "x")).rejects.toMatchObject({ code: "invalid-argument" });
    await expect(artifacts.put("k".repeat(33), "x")).rejects.toMatchObject({
      code: "invalid-argument",
    });
    expect(await rows()).toEqual([]);
  });
});

describe("ArtifactStore reading", () => {
  it("reads the text back and says whether an artifact is there", async () => {
    const { hash } = await artifacts.put("feedback", "edge 3/5 < 90%");
    expect(await artifacts.readText(hash)).toBe("edge 3/5 < 90%");
    expect(await artifacts.has(hash)).toBe(true);
    expect(await artifacts.has(sha256("other"))).toBe(false);
    expect(await artifacts.has("../../etc/passwd")).toBe(false);
  });

  it("reports a missing artifact as not found and a malformed hash as an invalid argument", async () => {
    const missing = await artifacts.readText(sha256("other")).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ShopfloorError);
    expect(missing).toMatchObject({ code: "not-found" });
    expect(() => artifacts.path("../secrets")).toThrow(ShopfloorError);
    expect(() => artifacts.path("A".repeat(64))).toThrow("64 lowercase hex digits");
  });

  it("gives the path an artifact is stored at", () => {
    const hash = sha256("x");
    expect(artifacts.path(hash)).toBe(join(home, "artifacts", hash.slice(0, 2), hash));
  });
});
