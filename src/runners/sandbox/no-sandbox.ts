/**
 * The `none` sandbox, behind an explicit `--no-sandbox` only: runs the command as is, with the user's full
 * rights, in its work directory, with a private temp dir as $HOME and $TMPDIR. A server's port is reached
 * directly over TCP on 127.0.0.1. No limits apply; reports say the code ran unisolated.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { existingPath } from "./existing-path.js";
import { createPrivateDirectory } from "./private-directory.js";
import type { Sandbox, SandboxedCommand, SandboxRequest } from "./sandbox.js";
import { sandboxEnvironment } from "./sandbox-environment.js";
import { validateRequest } from "./validate-request.js";

export interface NoSandboxDependencies {
  makeTemporaryDirectory: () => Promise<string>;
  /** The PATH of the command when the request gives none. */
  hostPath: string;
}

export class NoSandbox implements Sandbox {
  readonly name = "none";
  readonly isolating = false;
  private readonly dependencies: NoSandboxDependencies;

  constructor(dependencies: Partial<NoSandboxDependencies> = {}) {
    this.dependencies = {
      makeTemporaryDirectory: () => mkdtemp(join(tmpdir(), "shopfloor-unsandboxed-")),
      hostPath: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
      ...dependencies,
    };
  }

  async prepare(request: SandboxRequest): Promise<SandboxedCommand> {
    validateRequest(request);
    const workDirectory = await existingPath(request.workDirectory, "work directory");
    const privateDirectory = await createPrivateDirectory(
      this.dependencies.makeTemporaryDirectory,
      undefined,
    );
    const port = request.exposePort;
    return {
      argv: [...request.argv],
      env: sandboxEnvironment(request.env, privateDirectory.home, this.dependencies.hostPath),
      cwd: workDirectory,
      temporaryDirectory: privateDirectory.home,
      ...(port === undefined ? {} : { endpoint: { kind: "tcp", host: "127.0.0.1", port } }),
      cleanup: privateDirectory.remove,
    };
  }
}
