import { describe, expect, it } from "vitest";
import {
  dropPrivilegesArguments,
  limitWrapperArguments,
  nobody,
  resolveLimits,
} from "./limit-wrapper.js";
import { defaultSandboxLimits } from "./sandbox.js";

const limits = { memoryBytes: 4 * 1024 ** 3, cpuSeconds: 600, maxProcesses: 256 };

describe("limitWrapperArguments", () => {
  it("limits address space, CPU time (SIGXCPU, then SIGKILL a second later), processes and core dumps", () => {
    expect(limitWrapperArguments({ limits, processLimit: 256, prlimitPath: "prlimit" })).toEqual([
      "prlimit",
      "--as=4294967296",
      "--cpu=600:601",
      "--nproc=256",
      "--core=0",
    ]);
  });

  it("drops to nobody with no capabilities inside the sandbox when running as root", () => {
    expect(dropPrivilegesArguments(nobody, "/usr/bin/setpriv")).toEqual([
      "/usr/bin/setpriv",
      "--reuid=65534",
      "--regid=65534",
      "--clear-groups",
      "--inh-caps=-all",
      "--bounding-set=-all",
    ]);
  });

  it("fills the limits a request leaves out with the defaults", () => {
    expect(resolveLimits({ cpuSeconds: 1, maxProcesses: undefined })).toEqual({
      ...defaultSandboxLimits,
      cpuSeconds: 1,
    });
  });
});
