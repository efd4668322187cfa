/**
 * The `shopfloor` command: its subcommands, and the one place where errors become messages and exit codes.
 */
import { Command, CommanderError } from "commander";
import { ShopfloorError } from "../contracts/index.js";
import type { CliIo } from "./cli-io.js";
import type { CommandContext } from "./command-context.js";
import { agentsCommand } from "./commands/agents.js";
import { budgetCommand } from "./commands/budget.js";
import { calibrateCommand } from "./commands/calibrate.js";
import { decideCommand } from "./commands/decide.js";
import { demoCommand } from "./commands/demo.js";
import { exceptionsCommand } from "./commands/exceptions.js";
import { gateCommand } from "./commands/gate.js";
import { historyCommand } from "./commands/history.js";
import { hostCommand } from "./commands/host.js";
import { initCommand } from "./commands/init.js";
import { lintCommand } from "./commands/lint.js";
import { monitorCommand } from "./commands/monitor.js";
import { planCommand } from "./commands/plan.js";
import { releasesCommand } from "./commands/releases.js";
import { reportCommand } from "./commands/report.js";
import { rollbackCommand } from "./commands/rollback.js";
import { runCommand } from "./commands/run.js";
import { scenariosCommand } from "./commands/scenarios.js";
import { serveCommand } from "./commands/serve.js";
import { statsCommand } from "./commands/stats.js";
import { statusCommand } from "./commands/status.js";
import { testCommand } from "./commands/test.js";
import { tokenCommand } from "./commands/token.js";
import { exitCodes } from "./exit-codes.js";
import { packageVersion } from "./package-root.js";

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const context: CommandContext = { io, exitCode: exitCodes.success };
  const program = new Command("shopfloor")
    .description("shopfloor: a software factory gated by statistics, not by code review")
    .version(packageVersion())
    .showHelpAfterError("(add --help for usage)")
    .addCommand(testCommand(context))
    .addCommand(gateCommand(context))
    .addCommand(lintCommand(context))
    .addCommand(planCommand(context))
    .addCommand(scenariosCommand(context))
    .addCommand(statsCommand(context))
    .addCommand(budgetCommand(context))
    .addCommand(reportCommand(context))
    .addCommand(demoCommand(context))
    .addCommand(agentsCommand(context))
    .addCommand(initCommand(context))
    .addCommand(runCommand(context))
    .addCommand(statusCommand(context))
    .addCommand(exceptionsCommand(context))
    .addCommand(decideCommand(context))
    .addCommand(historyCommand(context))
    .addCommand(releasesCommand(context))
    .addCommand(rollbackCommand(context))
    .addCommand(monitorCommand(context))
    .addCommand(hostCommand(context))
    .addCommand(calibrateCommand(context))
    .addCommand(serveCommand(context))
    .addCommand(tokenCommand(context));
  configure(program, io);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return context.exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

/** Every command writes through the injected I/O and throws instead of calling process.exit. */
function configure(command: Command, io: CliIo): void {
  command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const subcommand of command.commands) configure(subcommand, io);
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message; help and version are successes.
    return error.exitCode === 0 ? exitCodes.success : exitCodes.usage;
  }
  if (error instanceof ShopfloorError) {
    io.stderr(`error: ${error.message}\n`);
    return error.code === "internal" ? exitCodes.internal : exitCodes.usage;
  }
  io.stderr(
    `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return exitCodes.internal;
}
