import { describe, expect, it } from "vitest";
import { thrown } from "../../../test/support/thrown.js";
import { InvalidArgumentError } from "../../contracts/errors.js";
import type { SandboxRequest } from "./sandbox.js";
import { validateRequest } from "./validate-request.js";

const valid: SandboxRequest = { argv: ["node", "server.js"], workDirectory: "/srv/work", env: {} };

function rejection(change: Partial<SandboxRequest>): InvalidArgumentError {
  return thrown(() => validateRequest({ ...valid, ...change }), InvalidArgumentError);
}

describe("validateRequest", () => {
  it("accepts a command with an absolute work directory", () => {
    expect(() => validateRequest({ ...valid, exposePort: 8080, env: { A: "1" } })).not.toThrow();
  });

  it("rejects an empty command, relative paths and /", () => {
    expect(rejection({ argv: [] }).field).toBe("argv");
    expect(rejection({ workDirectory: "work" }).message).toContain("must be absolute: work");
    expect(rejection({ readOnlyPaths: ["/"] }).message).toContain("whole host");
  });

  it("rejects ports outside 1-65535 and unsettable variable names", () => {
    expect(rejection({ exposePort: 0 }).field).toBe("exposePort");
    expect(rejection({ exposePort: 80.5 }).field).toBe("exposePort");
    expect(rejection({ env: { "A=B": "1" } }).field).toBe("env");
  });

  it("rejects limits that are not positive whole numbers", () => {
    expect(rejection({ limits: { cpuSeconds: 0 } }).field).toBe("cpuSeconds");
    expect(rejection({ limits: { memoryBytes: 1.5 } }).field).toBe("memoryBytes");
  });
});
