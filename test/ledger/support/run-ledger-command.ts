/**
 * Test support: runs `budget` or `report` as `shopfloor` would, with an injected clock (the real program
 * uses the system clock), over a CliIo that reads in-memory files and records what is printed.
 */
import { Command, CommanderError } from "commander";
import type { CliIo } from "../../../src/cli/cli-io.js";
import type { CommandContext } from "../../../src/cli/command-context.js";
import { ShopfloorError } from "../../../src/contracts/errors.js";

export interface LedgerCommandRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runLedgerCommand(
  create: (context: CommandContext, now: () => Date) => Command,
  argv: readonly string[],
  options: { now: string; files?: Record<string, string>; environment?: Record<string, string> },
): Promise<LedgerCommandRun> {
  let stdout = "";
  let stderr = "";
  const files = options.files ?? {};
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readText: async (path) => {
      const text = files[path];
      if (text === undefined)
        throw new ShopfloorError("io-error", `cannot read ${path}: no such file`, { path });
      return text;
    },
    exists: async (path) => files[path] !== undefined,
    workingDirectory: "/project",
    environment: options.environment ?? {},
    progress: { isTTY: false, write: () => true },
  };
  const context: CommandContext = { io, exitCode: 0 };
  const program = new Command("shopfloor").addCommand(create(context, () => new Date(options.now)));
  const configure = (command: Command) => {
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    for (const subcommand of command.commands) configure(subcommand);
  };
  configure(program);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return { exitCode: context.exitCode, stdout, stderr };
  } catch (error) {
    if (error instanceof CommanderError)
      return { exitCode: error.exitCode === 0 ? 0 : 2, stdout, stderr };
    if (!(error instanceof ShopfloorError)) throw error;
    stderr += `error: ${error.message}\n`;
    return { exitCode: 2, stdout, stderr };
  }
}
