import { describe, expect, it } from "vitest";
import { existingPath } from "./existing-path.js";
import { SandboxPathError } from "./sandbox-errors.js";

describe("existingPath", () => {
  it("resolves a path to its real location", async () => {
    expect(await existingPath("/usr/bin/../bin", "work directory")).toBe("/usr/bin");
  });

  it("names the missing path and its role", async () => {
    const error = await existingPath("/no/such/work", "work directory").catch((caught) => caught);
    expect(error).toBeInstanceOf(SandboxPathError);
    expect(error).toMatchObject({ code: "not-found", path: "/no/such/work" });
    expect(error.message).toContain("the work directory /no/such/work does not exist");
  });
});
