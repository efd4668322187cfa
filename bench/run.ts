/** `npm run bench`: prints the figures recorded in docs/benchmarks.md. */
import os from "node:os";
import { selectSandbox } from "../src/runners/sandbox/index.js";
import { runFunctionPoolBenchmark } from "./function-pool.js";
import { runGateBenchmarks } from "./gate.js";
import { runHttpRunnerBenchmark } from "./http-runner.js";
import { runSandboxStartBenchmark } from "./sandbox-start.js";
import { runStatsBenchmarks } from "./stats.js";

const print = (line: string) => process.stdout.write(`${line}\n`);

print(
  `shopfloor benchmarks · node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}`,
);
print("");
runStatsBenchmarks(print);
print("");
runGateBenchmarks(print);
print("");
await runHttpRunnerBenchmark(print);
print("");
const sandbox = await selectSandbox({ allowUnsandboxed: true });
if (!sandbox.isolating)
  print("note: bubblewrap is not usable here, so the sandbox figures below are for --no-sandbox");
await runFunctionPoolBenchmark(print, sandbox);
print("");
await runSandboxStartBenchmark(print, sandbox);
await (await import("./requirements-lint.js")).runRequirementsLintBenchmark(print);
await (await import("./queue.js")).runQueueBenchmark(print);
await (await import("./line.js")).runLineBenchmark(print);
