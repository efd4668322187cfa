import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resolveWorkspacePath, ToolRefusal, workspaceRelative } from "./workspace-path.js";

let folder: string;
let root: string;
let outside: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-llm-path-"));
  root = join(folder, "workspace");
  outside = join(folder, "outside");
  mkdirSync(join(root, "src"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, "secret.txt"), "secret\n");
  writeFileSync(join(root, "src", "index.ts"), "export {};\n");
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function refusal(requested: string, purpose: "read" | "write" = "read"): Promise<string> {
  const error = await resolveWorkspacePath(root, requested, purpose).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ToolRefusal);
  return (error as ToolRefusal).message;
}

describe("resolveWorkspacePath", () => {
  it("resolves paths inside the workspace, existing or not", async () => {
    expect(await resolveWorkspacePath(root, "src/index.ts", "read")).toBe(
      join(root, "src", "index.ts"),
    );
    expect(await resolveWorkspacePath(root, "src/../README.md", "write")).toBe(
      join(root, "README.md"),
    );
    expect(await resolveWorkspacePath(root, "new/deep/file.ts", "write")).toBe(
      join(root, "new", "deep", "file.ts"),
    );
    expect(await resolveWorkspacePath(root, ".", "read")).toBe(root);
  });

  it("refuses absolute paths and paths that climb out", async () => {
    expect(await refusal(join(outside, "secret.txt"))).toMatch(/absolute path/);
    expect(await refusal("../outside/secret.txt")).toMatch(/outside the workspace/);
    expect(await refusal("src/../../outside/secret.txt", "write")).toMatch(/outside the workspace/);
    expect(await refusal("..")).toMatch(/outside the workspace/);
  });

  it("refuses a symbolic link to outside, as the file or as a folder on the way", async () => {
    symlinkSync(join(outside, "secret.txt"), join(root, "secret-link"));
    symlinkSync(outside, join(root, "src", "elsewhere"));
    expect(await refusal("secret-link")).toMatch(/symbolic link/);
    expect(await refusal("src/elsewhere/secret.txt")).toMatch(/symbolic link/);
    expect(await refusal("src/elsewhere/new-file.txt", "write")).toMatch(/symbolic link/);
  });

  it("refuses a dangling link, whose target writing would create", async () => {
    symlinkSync(join(outside, "not-yet.txt"), join(root, "dangling"));
    expect(await refusal("dangling", "write")).toMatch(/points nowhere/);
  });

  it("follows a symbolic link that stays inside", async () => {
    symlinkSync(join(root, "src"), join(root, "source"));
    expect(await resolveWorkspacePath(root, "source/index.ts", "read")).toBe(
      join(root, "source", "index.ts"),
    );
  });

  it("refuses writes into .git and to the root itself", async () => {
    expect(await refusal(".git/config", "write")).toMatch(/cannot be written/);
    expect(await refusal(".", "write")).toMatch(/cannot be written/);
    expect(await resolveWorkspacePath(root, ".gitignore", "write")).toBe(join(root, ".gitignore"));
  });
});

describe("workspaceRelative", () => {
  it("shows paths relative to the root with forward slashes", () => {
    expect(workspaceRelative(root, join(root, "src", "index.ts"))).toBe("src/index.ts");
    expect(workspaceRelative(root, root)).toBe(".");
  });
});
