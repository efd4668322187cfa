/** A CliIo over in-memory files that records what a command prints. */

import type { CliIo } from "../../src/cli/cli-io.js";
import { runCli } from "../../src/cli/program.js";
import { ShopfloorError } from "../../src/contracts/index.js";

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A CliIo that records what is printed; no files, unless `overrides` gives a way to read them. */
export function recordingIo(overrides: Partial<CliIo> = {}): {
  io: CliIo;
  printed(): { stdout: string; stderr: string };
} {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readText: async () => "",
    exists: async () => false,
    workingDirectory: "/project",
    environment: {},
    progress: { isTTY: false, write: () => true },
    ...overrides,
  };
  return { io, printed: () => ({ stdout, stderr }) };
}

export async function runInMemory(
  argv: readonly string[],
  files: Record<string, string> = {},
  stdin = "",
  workingDirectory = "/project",
  environment: Record<string, string | undefined> = {},
): Promise<CliRun> {
  const { io, printed } = recordingIo({
    readText: async (path) => {
      if (path === "-") return stdin;
      const text = files[path];
      if (text === undefined)
        throw new ShopfloorError("io-error", `cannot read ${path}: no such file`, { path });
      return text;
    },
    exists: async (path) => files[path] !== undefined,
    workingDirectory,
    environment,
  });
  const exitCode = await runCli(argv, io);
  return { exitCode, ...printed() };
}
