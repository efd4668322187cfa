import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LineUp } from "../../../contracts/index.js";
import { loadSpec } from "../../../requirements/load-spec.js";
import { packageRoot } from "../../package-root.js";
import { demoExamples, demoFaults } from "./demo-examples.js";

const root = packageRoot();

describe("the demo's examples", () => {
  it("are the bundled specs, each with a line-up the line accepts as it is", async () => {
    for (const example of demoExamples) {
      const spec = await loadSpec(join(root, example.spec), { workingDirectory: root });
      expect(spec.frontMatter.name).toBe(example.name);
      expect(LineUp.parse(example.lineUp)).toEqual(example.lineUp);
    }
  });

  it("inject a fault into the inventory service's first attempt only, and none elsewhere", () => {
    const faulty = demoExamples.filter(
      (example) => example.lineUp.pattern === "single" && example.lineUp.agent.faults,
    );
    expect(faulty.map((example) => example.name)).toEqual(["inventory-api"]);
    expect(demoFaults).toMatchObject({ probability: 1, attempts: [1] });
  });

  it("give the scaffold one spec it cannot build: the command-line tool", async () => {
    const kinds = await Promise.all(
      demoExamples.map(
        async (example) =>
          (await loadSpec(join(root, example.spec), { workingDirectory: root })).frontMatter.kind,
      ),
    );
    expect(kinds).toEqual(["http-service", "http-service", "cli"]);
  });
});
