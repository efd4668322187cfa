/** `shopfloor gate RESULTS`: the probabilistic quality gate over a file of trial results. */
import { Command } from "commander";
import { InvalidInputError, parseJsonLines, TrialResult } from "../../contracts/index.js";
import { defaultProfileName, evaluateGate, resolveProfile } from "../../gate/index.js";
import { type CommandContext, printJson } from "../command-context.js";
import { exitCodeForDecision } from "../exit-codes.js";
import { renderGateReport } from "../gate-report.js";
import { loadConfig } from "../load-config.js";

interface GateOptions {
  profile?: string;
  config?: string;
  json?: boolean;
}

export function gateCommand(context: CommandContext): Command {
  return new Command("gate")
    .description("decide approve, regenerate or more-trials from trial results (JSON Lines)")
    .argument("<results>", 'trial results, one JSON object per line; "-" reads standard input')
    .option(
      "--profile <name>",
      `quality profile (default: the config's defaultProfile, else ${defaultProfileName})`,
    )
    .option(
      "--config <path>",
      "config file (default: ./shopfloor.config.yaml, .yml or .json if present)",
    )
    .option("--json", "print the verdict as one JSON object")
    .addHelpText(
      "after",
      '\nExit codes: 0 approve, 1 regenerate, 3 more-trials, 2 bad input or usage.\nEach line: {"scenario":"id","category":"normal|edge|malicious","pass":true,"durationMs":12,"error":"…","attempt":1}',
    )
    .action(async (resultsPath: string, options: GateOptions) => {
      const config = await loadConfig(context.io, options.config);
      const profile = resolveProfile(options.profile ?? config.defaultProfile, config);
      const source = resultsPath === "-" ? "standard input" : resultsPath;
      const results = parseJsonLines(await context.io.readText(resultsPath), TrialResult, source);
      if (results.length === 0) {
        throw new InvalidInputError(source, [
          { field: "(the whole file)", message: "no trial results to gate" },
        ]);
      }
      const verdict = evaluateGate(results, profile, { source });
      if (options.json) printJson(context, verdict);
      else context.io.stdout(renderGateReport(verdict, source));
      context.exitCode = exitCodeForDecision(verdict.decision);
    });
}
