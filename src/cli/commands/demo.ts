/**
 * `shopfloor demo`: until the line exists, the demo runs the gate on bundled example results and says so:
 * a good build, the article's "171 of 180 passed" build, and a build with an injection hole.
 */
import { join } from "node:path";
import { Command } from "commander";
import { parseJsonLines, TrialResult } from "../../contracts/index.js";
import { evaluateGate, resolveProfile } from "../../gate/index.js";
import { readFileText } from "../cli-io.js";
import type { CommandContext } from "../command-context.js";
import { renderGateReport } from "../gate-report.js";
import { loadConfig } from "../load-config.js";
import { packageRoot } from "../package-root.js";

export const demoExamples = [
  { file: "todo-api.good-build.jsonl", story: "a good build: one flaky scenario, otherwise clean" },
  {
    file: "todo-api.article-build.jsonl",
    story:
      'the article\'s example: 171 of 180 scenarios passed (95%), which its "≥95% → deploy" rule would ship',
  },
  { file: "todo-api.injection-build.jsonl", story: "a build that lets SQL injection through" },
] as const;

export function demoCommand(context: CommandContext): Command {
  return new Command("demo")
    .description(
      "run the gate on the bundled example results (the full line comes in a later release)",
    )
    .option("--profile <name>", "quality profile", "admin")
    .action(async (options: { profile: string }) => {
      const profile = resolveProfile(options.profile, await loadConfig(context.io, undefined));
      const examplesFolder = join(packageRoot(), "examples", "results");
      const out = context.io.stdout;
      out(
        `shopfloor demo — the factory line is not built yet, so this demo runs the gate on ${demoExamples.length} bundled example results files\nfrom ${examplesFolder} under the "${profile.name}" profile.\n`,
      );
      for (const [index, example] of demoExamples.entries()) {
        const path = join(examplesFolder, example.file);
        const results = parseJsonLines(await readFileText(path), TrialResult, path);
        const verdict = evaluateGate(results, profile, { source: example.file });
        out(`\n── ${index + 1}/${demoExamples.length}: ${example.story}\n\n`);
        out(renderGateReport(verdict, `examples/results/${example.file}`));
      }
      out(
        `\nTry it on your own results: npx shopfloor gate RESULTS.jsonl [--profile admin|standard|payments] [--json]\n`,
      );
    });
}
