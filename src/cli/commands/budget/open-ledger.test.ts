import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../cli-io.js";
import { withLedger } from "./open-ledger.js";

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-open-ledger-"));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function io(environment: Record<string, string> = {}, files: Record<string, string> = {}): CliIo {
  return {
    stdout: () => {},
    stderr: () => {},
    readText: async (path) => files[path] ?? "",
    exists: async (path) => files[path] !== undefined,
    workingDirectory: folder,
    environment,
    progress: { isTTY: false, write: () => true },
  };
}

describe("withLedger", () => {
  it("creates <home>/factory.db on first use, with the config's budget, and closes it after", async () => {
    const now = () => new Date("2026-11-24T09:00:00.000Z");
    const files = { [join(folder, "shopfloor.config.yaml")]: "budget:\n  dailyUsd: 42\n" };
    const policy = await withLedger(io({}, files), { home: "home" }, now, (ledger) =>
      ledger.policy(),
    );
    expect(policy.dailyMicroUsd).toBe(42_000_000);
    expect(existsSync(join(folder, "home", "factory.db"))).toBe(true);
  });

  it("uses $SHOPFLOOR_HOME without --home, and closes the database even when the work fails", async () => {
    const now = () => new Date();
    const failing = withLedger(
      io({ SHOPFLOOR_HOME: join(folder, "env-home") }),
      {},
      now,
      async () => {
        throw new Error("work failed");
      },
    );
    await expect(failing).rejects.toThrow("work failed");
    expect(existsSync(join(folder, "env-home", "factory.db"))).toBe(true);
    rmSync(join(folder, "env-home"), { recursive: true });
  });
});
