/**
 * `npm run bench`: prints the figures recorded in docs/benchmarks.md. `BENCH=line npm run bench` (or a
 * comma-separated list of sections: stats, gate, http-runner, sandbox, requirements-lint, queue, line,
 * deploy)
 * runs only those; the default runs them all.
 */
import os from "node:os";
import { selectSandbox } from "../src/runners/sandbox/index.js";

type Print = (line: string) => void;

const print: Print = (line) => process.stdout.write(`${line}\n`);

/** Each section in the order it runs; the last three print their own leading blank line. */
const sections: Record<string, () => Promise<unknown>> = {
  stats: async () => {
    print("");
    (await import("./stats.js")).runStatsBenchmarks(print);
  },
  gate: async () => {
    print("");
    (await import("./gate.js")).runGateBenchmarks(print);
  },
  "http-runner": async () => {
    print("");
    await (await import("./http-runner.js")).runHttpRunnerBenchmark(print);
  },
  sandbox: async () => {
    print("");
    const sandbox = await selectSandbox({ allowUnsandboxed: true });
    if (!sandbox.isolating) {
      print(
        "note: bubblewrap is not usable here, so the sandbox figures below are for --no-sandbox",
      );
    }
    await (await import("./function-pool.js")).runFunctionPoolBenchmark(print, sandbox);
    print("");
    await (await import("./sandbox-start.js")).runSandboxStartBenchmark(print, sandbox);
  },
  "requirements-lint": async () =>
    (await import("./requirements-lint.js")).runRequirementsLintBenchmark(print),
  queue: async () => (await import("./queue.js")).runQueueBenchmark(print),
  line: async () => (await import("./line.js")).runLineBenchmark(print),
  deploy: async () => {
    print("");
    await (await import("./deploy.js")).runDeployBenchmark(print);
  },
};

/** The sections `BENCH` names, in the order they are defined; all of them when it is unset. */
function chosenSections(wanted: string | undefined): string[] {
  const names = Object.keys(sections);
  if (wanted === undefined || wanted.trim() === "") return names;
  const asked = wanted.split(",").map((name) => name.trim());
  const unknown = asked.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH names no section ${unknown.join(", ")}; the sections: ${names.join(", ")}`,
    );
  }
  return names.filter((name) => asked.includes(name));
}

const chosen = chosenSections(process.env.BENCH);
print(
  `shopfloor benchmarks · node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}`,
);
for (const name of chosen) await sections[name]?.();
