import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createTemporaryRepository,
  type TemporaryRepository,
} from "../../../test/fixtures/agents/temporary-repository.js";
import { isLockError, runGit } from "./git-command.js";

let temporary: TemporaryRepository;
beforeEach(() => {
  temporary = createTemporaryRepository();
});
afterEach(() => temporary.remove());

describe("runGit", () => {
  it("returns git's output", async () => {
    const { stdout } = await runGit(["rev-parse", "--abbrev-ref", "HEAD"], temporary.repository);
    expect(stdout.trim()).toBe("main");
  });

  it("tries again while another process holds the index lock", async () => {
    const lock = join(temporary.repository, ".git", "index.lock");
    writeFileSync(lock, "");
    writeFileSync(join(temporary.repository, "new.txt"), "new\n");
    const waits: number[] = [];
    await runGit(["add", "new.txt"], temporary.repository, {
      attempts: 3,
      wait: async (milliseconds) => {
        waits.push(milliseconds);
        if (waits.length === 2) rmSync(lock);
      },
    });
    expect(waits).toHaveLength(2);
    expect(temporary.git(["diff", "--cached", "--name-only"]).trim()).toBe("new.txt");
  });

  it("gives up after its attempts, saying the failure is retryable", async () => {
    writeFileSync(join(temporary.repository, ".git", "index.lock"), "");
    writeFileSync(join(temporary.repository, "new.txt"), "new\n");
    await expect(
      runGit(["add", "new.txt"], temporary.repository, { attempts: 2, wait: async () => {} }),
    ).rejects.toMatchObject({ code: "io-error", retryable: true });
  });

  it("fails at once, naming the command, when git fails for another reason", async () => {
    let waited = false;
    const failure = runGit(["rev-parse", "--verify", "no-such-ref"], temporary.repository, {
      wait: async () => {
        waited = true;
      },
    });
    await expect(failure).rejects.toMatchObject({ code: "io-error", retryable: false });
    await expect(failure).rejects.toThrow(/git rev-parse --verify no-such-ref failed/);
    expect(waited).toBe(false);
  });

  it("says so when the folder does not exist", async () => {
    await expect(runGit(["status"], join(temporary.root, "missing"))).rejects.toMatchObject({
      code: "io-error",
    });
  });
});

describe("isLockError", () => {
  it("recognises git's lock messages and nothing else", () => {
    expect(
      isLockError(
        "fatal: Unable to create '/r/.git/index.lock': File exists.\n\nAnother git process seems to be running",
      ),
    ).toBe(true);
    expect(isLockError("error: cannot lock ref 'refs/heads/shopfloor/w/r': unable to create")).toBe(
      true,
    );
    expect(isLockError("fatal: not a git repository")).toBe(false);
  });
});
