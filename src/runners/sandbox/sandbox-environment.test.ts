import { describe, expect, it } from "vitest";
import { sandboxEnvironment } from "./sandbox-environment.js";

describe("sandboxEnvironment", () => {
  it("adds PATH when missing and always points HOME and TMPDIR at the private temp dir", () => {
    expect(sandboxEnvironment({ PORT: "8080", HOME: "/root" }, "/tmp/private", "/usr/bin")).toEqual(
      {
        PORT: "8080",
        PATH: "/usr/bin",
        HOME: "/tmp/private",
        TMPDIR: "/tmp/private",
      },
    );
  });

  it("keeps a PATH the request gives", () => {
    expect(sandboxEnvironment({ PATH: "/opt/tool/bin" }, "/tmp/private", "/usr/bin").PATH).toBe(
      "/opt/tool/bin",
    );
  });
});
