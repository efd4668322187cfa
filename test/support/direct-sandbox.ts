/**
 * Test support: a Sandbox that runs the command as it is, in a private temp dir it removes afterwards, and
 * records every request. For tests of code that starts processes through the port; it isolates nothing.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  Sandbox,
  SandboxedCommand,
  SandboxRequest,
} from "../../src/runners/sandbox/sandbox.js";

export class DirectSandbox implements Sandbox {
  readonly name = "none";
  readonly isolating = false;
  readonly requests: SandboxRequest[] = [];

  async prepare(request: SandboxRequest): Promise<SandboxedCommand> {
    this.requests.push(request);
    const temporaryDirectory = await mkdtemp(join(tmpdir(), "shopfloor-direct-"));
    return {
      argv: [...request.argv],
      env: { ...request.env, TMPDIR: temporaryDirectory, HOME: temporaryDirectory },
      cwd: request.workDirectory,
      temporaryDirectory,
      cleanup: () => rm(temporaryDirectory, { recursive: true, force: true }),
    };
  }
}
