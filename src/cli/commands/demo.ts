/**
 * `shopfloor demo`: the factory on its embedded defaults, with no model and no key. For each example spec
 * it generates and stores a holdout suite, reserves the testing cost in the ledger, runs the suite
 * against the example's build in the sandbox, and shows the gate's verdict and the criteria met; the
 * faulty build shows what the gate refuses. It ends with the article's "171 of 180" results, the day's
 * cost report, and where to look next. What it leaves in the factory home, later commands can inspect.
 */
import { join } from "node:path";
import { Command } from "commander";
import { parseJsonLines, type QualityProfile, TrialResult } from "../../contracts/index.js";
import { evaluateGate, resolveProfile } from "../../gate/index.js";
import { selectSandbox } from "../../runners/sandbox/index.js";
import { SuiteStore } from "../../scenarios/store/suite-store.js";
import { readFileText } from "../cli-io.js";
import type { CommandContext } from "../command-context.js";
import { factoryHome } from "../factory-home.js";
import { renderGateReport } from "../gate-report.js";
import { loadConfig } from "../load-config.js";
import { parsePositiveCount } from "../option-parsers.js";
import { packageRoot } from "../package-root.js";
import { withLedger } from "./budget/open-ledger.js";
import { demoExamples } from "./demo/demo-examples.js";
import { runExample } from "./demo/run-example.js";
import { renderCostReport } from "./report/render-cost-report.js";

interface DemoOptions {
  profile: string;
  home?: string;
  seed: number;
}

export function demoCommand(context: CommandContext): Command {
  return new Command("demo")
    .description(
      "generate holdout suites for the example specs, test the example builds in the sandbox, gate them, and report what it cost",
    )
    .option("--profile <name>", "quality profile", "admin")
    .option("--home <dir>", "the factory home to fill (default: $SHOPFLOOR_HOME or .shopfloor)")
    .option("--seed <n>", "seed of the scenario generators", parsePositiveCount, 1)
    .action((options: DemoOptions) => runDemo(context, options));
}

async function runDemo(context: CommandContext, options: DemoOptions): Promise<void> {
  const { io } = context;
  const out = io.stdout;
  const config = await loadConfig(io, undefined);
  const profile = resolveProfile(options.profile, config);
  const home = factoryHome(io, options.home);
  const root = packageRoot();
  const sandbox = await selectSandbox({ allowUnsandboxed: true });
  out(
    `shopfloor demo — ${demoExamples.length} example builds through scenario generation, sandboxed trials and the gate ("${profile.name}" profile), with every cost in the ledger.\nFactory home: ${home}\n`,
  );
  if (!sandbox.isolating) {
    io.stderr(
      "note: bubblewrap does not work here, so the demo runs its own example builds without a sandbox; install it (sudo apt-get install bubblewrap) before testing code you did not write\n",
    );
  }
  await withLedger(
    io,
    { home },
    () => new Date(),
    async (ledger) => {
      const store = new SuiteStore({ home, now: () => new Date() });
      for (const [index, example] of demoExamples.entries()) {
        out(`\n── ${index + 1}/${demoExamples.length}: ${example.name}, ${example.story}\n`);
        await runExample(example, {
          io,
          root,
          store,
          ledger,
          sandbox,
          profile,
          seed: options.seed,
          rates: config.rates,
        });
      }
      await showArticleExample(context, profile, root);
      out("\n── what it cost\n\n");
      out(renderCostReport(await ledger.report({ by: "category" })));
    },
  );
  out(
    [
      "",
      "Look further:",
      "  npx shopfloor scenarios list              the holdout suites the demo stored",
      "  npx shopfloor scenarios show todo-api     one suite: counts, criteria, provenance",
      "  npx shopfloor report costs --by station   the ledger, another way",
      "  npx shopfloor budget                      today's budget and what is left",
      '  npx shopfloor test todo-api --start "node examples/todo-api/build/server.mjs" --ready /health',
      "",
    ].join("\n"),
  );
}

/** The article's rule would ship 171 of 180; the gate asks for evidence first. */
async function showArticleExample(
  context: CommandContext,
  profile: QualityProfile,
  root: string,
): Promise<void> {
  const file = "todo-api.article-build.jsonl";
  const path = join(root, "examples", "results", file);
  const results = parseJsonLines(await readFileText(path), TrialResult, path);
  context.io.stdout(
    `\n── the article's example: 171 of 180 scenarios passed (95%), which its "≥95% → deploy" rule would ship\n\n`,
  );
  context.io.stdout(renderGateReport(evaluateGate(results, profile, { source: file }), file));
}
