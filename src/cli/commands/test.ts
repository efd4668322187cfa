/**
 * `shopfloor test SUITE`: runs a scenario suite against a target (a URL, or a command the runner starts in
 * the sandbox), streams the trial results to a JSON Lines file, optionally writes JUnit XML, and gates the
 * results: the report and the exit code are those of `shopfloor gate`.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { ShopfloorError } from "../../contracts/index.js";
import type { Suite, TargetKind } from "../../contracts/scenario.js";
import {
  criteriaEvidence,
  evaluateGate,
  resolveProfile,
  scenarioOutcomes,
} from "../../gate/index.js";
import { renderJunit } from "../../runners/reports/junit-report.js";
import { ResultsFile } from "../../runners/reports/results-file.js";
import { trialCount } from "../../runners/run-suite.js";
import { NoSandbox, selectSandbox } from "../../runners/sandbox/index.js";
import { describeExit } from "../../runners/target-process.js";
import {
  type HttpTargetSource,
  runTrialSession,
  type TrialSessionResult,
} from "../../runners/trial-session.js";
import { type CommandContext, printJson } from "../command-context.js";
import { renderCriteriaReport } from "../criteria-report.js";
import { exitCodeForDecision } from "../exit-codes.js";
import { factoryHome } from "../factory-home.js";
import { renderGateReport } from "../gate-report.js";
import { judgeFor } from "../judge-for.js";
import { loadConfig } from "../load-config.js";
import { openSuite } from "../open-suite.js";
import { parsePositiveCount } from "../option-parsers.js";
import { ProgressLine } from "../progress-line.js";

interface TestOptions {
  target?: string;
  start?: string;
  port: string;
  ready: string;
  readyTimeout: number;
  concurrency?: number;
  repeat?: number;
  timeout?: number;
  deadline?: number;
  profile?: string;
  config?: string;
  results: string;
  junit?: string;
  json?: boolean;
  sandbox: boolean;
  build?: string;
  home?: string;
}

export function testCommand(context: CommandContext): Command {
  return new Command("test")
    .description("run a scenario suite against a target and gate the results")
    .argument(
      "<suite>",
      "a suite file (.yaml, .yml, .json), a folder with suite.yaml, or a stored suite: NAME or NAME@VERSION",
    )
    .option(
      "--build <dir>",
      "the build under test: --start runs in it, cli commands run in it and function modules resolve from it",
    )
    .option(
      "--home <dir>",
      "the factory home holding stored suites (default: $SHOPFLOOR_HOME or .shopfloor)",
    )
    .option("--target <url>", "base URL of a running service (http suites)")
    .option(
      "--start <command>",
      'start the target with this shell command, e.g. "node server.js" (http suites)',
    )
    .option(
      "--port <port>",
      'port for --start, given to it as $PORT; "auto" picks a free one',
      "auto",
    )
    .option("--ready <path>", "path that must answer before trials start (with --start)", "/")
    .option("--ready-timeout <ms>", "how long to wait for --ready", parsePositiveCount, 15_000)
    .option(
      "--concurrency <count>",
      "trials at once (default: by target kind and cores)",
      parsePositiveCount,
    )
    .option("--repeat <count>", "trials per scenario, overriding the suite", parsePositiveCount)
    .option("--timeout <ms>", "per-trial timeout, overriding the suite", parsePositiveCount)
    .option(
      "--deadline <seconds>",
      "stop starting trials after this long; running ones are aborted",
      parsePositiveCount,
    )
    .option("--profile <name>", "quality profile for the gate")
    .option("--config <path>", "config file")
    .option(
      "--results <file>",
      "where the trial results go, as JSON Lines",
      ".shopfloor/results.jsonl",
    )
    .option("--junit <file>", "also write JUnit XML for CI systems")
    .option("--json", "print the gate verdict as JSON instead of the report")
    .addOption(
      new Option(
        "--no-sandbox",
        "run the code under test without bubblewrap: it gets your full rights (files, network, memory)",
      ),
    )
    .addHelpText(
      "after",
      "\nExit codes: 0 approve, 1 regenerate, 3 more-trials, 2 bad input or usage.",
    )
    .action((suitePath: string, options: TestOptions) => runTests(context, suitePath, options));
}

async function runTests(
  context: CommandContext,
  suitePath: string,
  options: TestOptions,
): Promise<void> {
  const config = await loadConfig(context.io, options.config);
  const profile = resolveProfile(options.profile ?? config.defaultProfile, config);
  const { suite, storedAs } = await openSuite(
    context.io,
    suitePath,
    factoryHome(context.io, options.home),
  );
  const buildFolder = buildFolderFor(suite, storedAs, options.build, context.io.workingDirectory);
  const judge = judgeFor(suite, config, context.io.environment);
  // --no-sandbox is the user's explicit choice; without it a missing bubblewrap is an error, never a fallback.
  const sandbox = options.sandbox
    ? await selectSandbox({ allowUnsandboxed: false })
    : new NoSandbox();
  if (!sandbox.isolating)
    context.io.stderr(
      "warning: --no-sandbox: the code under test runs with your full rights: it can read and write your files, reach any network, and use unlimited memory, CPU and processes\n",
    );
  const now = () => performance.now();
  const target = httpTargetSource(suite.header.target, options, {
    workDirectory: buildFolder ?? context.io.workingDirectory,
    // A stored suite is the holdout: never mounted where the code under test could read it.
    readOnlyPaths: [buildFolder ?? (storedAs === undefined ? suite.folder : undefined)].flatMap(
      (path) => (path === undefined ? [] : [path]),
    ),
  });
  const resultsPath = resolve(context.io.workingDirectory, options.results);
  const resultsFile = new ResultsFile(resultsPath);
  const total = trialCount(suite, options.repeat);
  const progress = new ProgressLine(context.io.progress, total, now);
  const startedAt = new Date().toISOString();
  let session: TrialSessionResult;
  try {
    session = await runTrialSession({
      suite,
      sandbox,
      ...(target ? { target } : {}),
      ...(buildFolder ? { buildFolder } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.repeat ? { repeat: options.repeat } : {}),
      ...(options.timeout ? { timeoutMs: options.timeout } : {}),
      ...(options.deadline ? { deadlineMs: options.deadline * 1000 } : {}),
      ...(judge ? { judge } : {}),
      runId: Date.now().toString(36),
      onResult: (result) => {
        resultsFile.write(result);
        progress.record(result);
      },
      now,
    });
  } finally {
    progress.finish();
    resultsFile.close();
  }
  const { summary } = session;
  if (summary.results.length === 0) {
    throw new ShopfloorError(
      "invalid-input",
      "no trial ran: the deadline passed before the first trial ended",
    );
  }
  if (options.junit) {
    const junit = renderJunit({
      suiteName: suite.header.name,
      scenarios: suite.scenarios,
      results: summary.results,
      startedAt,
    });
    writeFileSync(resolve(context.io.workingDirectory, options.junit), junit);
  }
  const verdict = evaluateGate(summary.results, profile, { source: resultsPath });
  if (options.json) printJson(context, verdict);
  else {
    context.io.stdout(
      renderGateReport(verdict, storedAs ?? `${suite.header.name} ${suite.header.version}`),
    );
    if (suite.header.criteria) {
      const evidence = criteriaEvidence(
        suite.header.criteria,
        suite.scenarios,
        scenarioOutcomes(summary.results),
      );
      context.io.stdout(`\n${renderCriteriaReport(evidence)}`);
    }
    context.io.stdout(
      `results: ${resultsPath}${options.junit ? `; JUnit: ${options.junit}` : ""}\n`,
    );
  }
  if (summary.notRun > 0)
    context.io.stderr(
      `note: ${summary.notRun} of ${total} trials did not run: the deadline was reached\n`,
    );
  const crash = session.unexpectedExit;
  if (crash) context.io.stderr(`note: the target exited during the run (${describeExit(crash)})\n`);
  context.exitCode = exitCodeForDecision(verdict.decision);
}

/**
 * The folder of the build under test. A stored suite is kept apart from every build (it is the holdout),
 * so a cli or function suite from the store needs --build; a suite on disk defaults to its own folder.
 */
function buildFolderFor(
  suite: Suite,
  storedAs: string | undefined,
  build: string | undefined,
  workingDirectory: string,
): string | undefined {
  if (build !== undefined) return resolve(workingDirectory, build);
  if (storedAs === undefined || suite.header.target === "http") return undefined;
  throw new ShopfloorError(
    "invalid-argument",
    `${storedAs} is a stored ${suite.header.target} suite: give --build DIR, the folder of the build it tests`,
    { field: "build" },
  );
}

/** Where the http trials go, from --target or --start; undefined for other kinds of suite. */
function httpTargetSource(
  kind: TargetKind,
  options: TestOptions,
  started: { workDirectory: string; readOnlyPaths: string[] },
): HttpTargetSource | undefined {
  if (kind !== "http") return undefined;
  if (options.target !== undefined && options.start !== undefined) {
    throw new ShopfloorError(
      "invalid-argument",
      "give either --target URL or --start COMMAND, not both",
      { field: "target" },
    );
  }
  if (options.target !== undefined) {
    try {
      new URL(options.target);
    } catch {
      throw new ShopfloorError(
        "invalid-argument",
        `--target: "${options.target}" is not a URL such as http://127.0.0.1:8080`,
        { field: "target" },
      );
    }
    return { kind: "url", baseUrl: options.target };
  }
  if (options.start === undefined) {
    throw new ShopfloorError(
      "invalid-argument",
      "an http suite needs --target URL (a running service) or --start COMMAND (the runner starts it)",
      { field: "target" },
    );
  }
  const port = options.port === "auto" ? undefined : Number(options.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new ShopfloorError(
      "invalid-argument",
      `--port: "${options.port}" is not "auto" or a port number`,
      { field: "port" },
    );
  }
  return {
    kind: "start",
    command: options.start,
    ...(port === undefined ? {} : { port }),
    readyPath: options.ready,
    readyTimeoutMs: options.readyTimeout,
    ...started,
  };
}
