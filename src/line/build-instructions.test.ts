import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot } from "../../test/line/support/line-home.js";
import { loadSpec } from "../requirements/load-spec.js";
import { buildInstructions } from "./build-instructions.js";

const spec = (path: string) => loadSpec(join(repositoryRoot, path));

describe("the build instructions", () => {
  it("tell an http build to start from package.json's start script on $PORT, runnable as committed", async () => {
    const text = buildInstructions(await spec("examples/todo-api/spec.md"));
    expect(text).toContain('the spec "todo-api"');
    expect(text).toContain("`scripts.start`");
    expect(text).toContain("PORT");
    expect(text).toContain("GET /health answers 200");
    expect(text).toContain("Nothing is installed or compiled before the tests run");
  });

  it("name the command of a cli and the module of a library", async () => {
    const cli = buildInstructions(await spec("examples/tempconv/spec.md"));
    expect(cli).toContain(
      "The tests run the program as `node tempconv.mjs` from the repository root.",
    );
    const library = buildInstructions(await spec("test/fixtures/specs/slugify-library.md"));
    expect(library).toMatch(/import the module \S+ from the repository root/);
  });
});
