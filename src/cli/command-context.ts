/** What every command receives: the I/O, and a place to leave its exit code. */
import type { CliIo } from "./cli-io.js";

export interface CommandContext {
  io: CliIo;
  exitCode: number;
}

export function printJson(context: CommandContext, value: unknown): void {
  context.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
