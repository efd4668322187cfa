import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { nobody } from "./limit-wrapper.js";
import { firstBlockingPath, type StatPath } from "./path-access.js";

// Someone other than whoever runs the tests, so that only the bits for other users apply.
const stranger = { uid: 1_999_999_999, gid: 1_999_999_999 };

function fakeStat(modes: Record<string, { mode: number; uid?: number; gid?: number }>): StatPath {
  return async (path) => {
    const entry = modes[path] ?? { mode: 0o755 };
    return {
      mode: entry.mode,
      uid: entry.uid ?? 0,
      gid: entry.gid ?? 0,
      isDirectory: () => !path.endsWith(".txt"),
    };
  };
}

describe("firstBlockingPath", () => {
  const created: string[] = [];
  afterEach(async () => {
    await Promise.all(created.splice(0).map((path) => rm(path, { recursive: true, force: true })));
  });

  it("ignores closed folders above the path: bubblewrap binds it as root", async () => {
    const root = await mkdtemp(join(tmpdir(), "shopfloor-access-"));
    created.push(root);
    await mkdir(join(root, "work"));
    await chmod(root, 0o700);
    expect(await firstBlockingPath(join(root, "work"), stranger)).toBeUndefined();
  });

  it("needs read on the path itself, and search too when it is a folder", async () => {
    const root = await mkdtemp(join(tmpdir(), "shopfloor-access-"));
    created.push(root);
    await chmod(root, 0o755);
    await writeFile(join(root, "secret.txt"), "x", { mode: 0o600 });
    expect(await firstBlockingPath(join(root, "secret.txt"), stranger)).toBe(
      join(root, "secret.txt"),
    );
    expect(
      await firstBlockingPath("/srv/work", nobody, fakeStat({ "/srv/work": { mode: 0o744 } })),
    ).toBe("/srv/work");
  });

  it("uses the owner's or the group's bits when the sandbox user owns the path or is in its group", async () => {
    const ownedByNobody = fakeStat({ "/srv/work": { mode: 0o700, uid: nobody.uid } });
    expect(await firstBlockingPath("/srv/work", nobody, ownedByNobody)).toBeUndefined();
    const groupWithoutSearch = fakeStat({ "/srv/work": { mode: 0o705, gid: nobody.gid } });
    expect(await firstBlockingPath("/srv/work", nobody, groupWithoutSearch)).toBe("/srv/work");
  });
});
