/**
 * `shopfloor scenarios`: the holdout suites under the factory home. Generate a spec's suite, list, show
 * and compare stored versions, extend one with new scenarios, and freeze the version a gate runs against.
 */
import { Command } from "commander";
import type { CommandContext } from "../command-context.js";
import { diffCommand } from "./scenarios/diff.js";
import { extendCommand } from "./scenarios/extend.js";
import { freezeCommand, unfreezeCommand } from "./scenarios/freeze.js";
import { generateCommand } from "./scenarios/generate.js";
import { listCommand } from "./scenarios/list.js";
import { showCommand } from "./scenarios/show.js";

export function scenariosCommand(context: CommandContext): Command {
  return new Command("scenarios")
    .description("generate, list, show, compare, extend and freeze the holdout suites")
    .addCommand(generateCommand(context))
    .addCommand(listCommand(context))
    .addCommand(showCommand(context))
    .addCommand(diffCommand(context))
    .addCommand(extendCommand(context))
    .addCommand(freezeCommand(context))
    .addCommand(unfreezeCommand(context));
}
