/**
 * `shopfloor agents list`: every agent shopfloor can run, whether it can run on this machine, and what
 * it would use (the program and its version, the model) or what to install or configure first.
 */
import { dirname, resolve } from "node:path";
import { Command } from "commander";
import { availableAgents } from "../../agents/agent-registry.js";
import { defaultAgentName } from "../../agents/default-agent.js";
import { type CommandContext, printJson } from "../command-context.js";
import { loadConfig } from "../load-config.js";
import { textTable } from "../text-table.js";

interface ListOptions {
  config?: string;
  json?: boolean;
}

export function agentsCommand(context: CommandContext): Command {
  const list = new Command("list")
    .description("the agents, whether each can run here, and if not what it needs")
    .option("--config <path>", "the config file (default: shopfloor.config.yaml in this folder)")
    .option("--json", "print one JSON array")
    .action(async (options: ListOptions) => {
      const { io } = context;
      const config = await loadConfig(io, options.config);
      const projectFolder =
        options.config === undefined
          ? io.workingDirectory
          : dirname(resolve(io.workingDirectory, options.config));
      const agents = await availableAgents(config, io.environment, { projectFolder });
      if (options.json) {
        printJson(context, agents);
        return;
      }
      const rows = agents.map((agent) => [
        agent.name,
        agent.available ? "yes" : "no",
        agent.detail,
      ]);
      const table = textTable(["agent", "available", "detail"], rows, ["left", "left", "left"]);
      const chosen = defaultAgentName(config, agents);
      io.stdout(`${table}\n\nWithout an agent named for a station, ${chosen} builds.\n`);
    });
  return new Command("agents")
    .description("the coding agents that build from specs, and which can run here")
    .addCommand(list);
}
