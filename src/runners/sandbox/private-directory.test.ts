import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nobody } from "./limit-wrapper.js";
import { createPrivateDirectory } from "./private-directory.js";

const makeTemporaryDirectory = () => mkdtemp(join(tmpdir(), "shopfloor-private-"));
const runningAsRoot = process.getuid?.() === 0;

describe("createPrivateDirectory", () => {
  it("makes a home and an endpoint folder only their owner can enter", async () => {
    const privateDirectory = await createPrivateDirectory(makeTemporaryDirectory, undefined);
    expect((await stat(privateDirectory.home)).mode & 0o777).toBe(0o700);
    expect((await stat(privateDirectory.endpoint)).mode & 0o777).toBe(0o700);
    expect((await stat(privateDirectory.hostOnly)).mode & 0o777).toBe(0o700);
    expect((await stat(privateDirectory.base)).mode & 0o777).toBe(0o700);
    await privateDirectory.remove();
    expect(existsSync(privateDirectory.base)).toBe(false);
  });

  it("as root gives them to the sandbox user, who may only search the base (only root may give files away)", async () => {
    const creating = createPrivateDirectory(makeTemporaryDirectory, nobody);
    if (!runningAsRoot) {
      await expect(creating).rejects.toThrow(/EPERM/);
      return;
    }
    const privateDirectory = await creating;
    expect((await stat(privateDirectory.home)).uid).toBe(nobody.uid);
    expect((await stat(privateDirectory.endpoint)).gid).toBe(nobody.gid);
    expect((await stat(privateDirectory.hostOnly)).uid).toBe(0);
    expect((await stat(privateDirectory.base)).mode & 0o777).toBe(0o711);
    await privateDirectory.remove();
  });

  it("removes what the code locked, and can be removed twice", async () => {
    const privateDirectory = await createPrivateDirectory(makeTemporaryDirectory, undefined);
    const locked = join(privateDirectory.home, "locked");
    await mkdir(locked);
    await writeFile(join(locked, "file"), "x");
    await chmod(locked, 0o500);
    await privateDirectory.remove();
    await privateDirectory.remove();
    expect(existsSync(privateDirectory.base)).toBe(false);
  });
});
