/**
 * The HTTP runner against autocannon on the same loopback endpoint at the same concurrency, in the same
 * run: the runner does more per request (a scenario, assertions, a result record) but must stay within
 * reach of a pure load generator (target: at least 0.7 of its requests per second).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import type { Suite } from "../src/contracts/scenario.js";
import { findFreePort } from "../src/runners/free-port.js";
import { HttpStepRunner } from "../src/runners/http/http-step-runner.js";
import { runSuite } from "../src/runners/run-suite.js";

const connections = 32;
const requestCount = 40_000;

const serverSource = `
const http = require("node:http");
http.createServer((request, response) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.end('{"ok":true}');
}).listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("ready\\n"));
`;

export async function runHttpRunnerBenchmark(print: (line: string) => void): Promise<number> {
  const port = await findFreePort();
  const server = await startServer(port);
  try {
    const url = `http://127.0.0.1:${port}/`;
    // A short warm-up so neither side pays the server's JIT.
    await autocannon({ url, connections, amount: 5_000 });
    const cannonStarted = performance.now();
    const cannon = await autocannon({ url, connections, amount: requestCount });
    const cannonRate = cannon.requests.total / ((performance.now() - cannonStarted) / 1000);
    await runnerRequestsPerSecond(url, 5_000); // the same warm-up for the runner
    const runnerRate = await runnerRequestsPerSecond(url, requestCount);
    const ratio = runnerRate / cannonRate;
    print(
      `http runner vs autocannon: one loopback endpoint, ${connections} connections, ${requestCount.toLocaleString("en-US")} requests each`,
    );
    print(
      `  autocannon       ${Math.round(cannonRate).toLocaleString("en-US").padStart(8)} requests/s`,
    );
    print(
      `  shopfloor runner ${Math.round(runnerRate).toLocaleString("en-US").padStart(8)} trials/s (one GET + status assertion + result each)`,
    );
    print(
      `  ratio            ${ratio.toFixed(2).padStart(8)}   (target ≥ 0.70: ${ratio >= 0.7 ? "met" : "NOT met"})`,
    );
    return ratio;
  } finally {
    server.kill("SIGKILL");
  }
}

async function runnerRequestsPerSecond(url: string, trials: number): Promise<number> {
  const suite: Suite = {
    header: {
      name: "bench",
      version: "1",
      target: "http",
      defaults: { timeoutMs: 10_000, repeat: trials, headers: {} },
    },
    scenarios: [
      {
        id: "get",
        category: "normal",
        title: "GET answers 200",
        tags: [],
        steps: [{ request: { method: "GET", path: "/" }, expect: [{ status: 200 }] }],
      },
    ],
    folder: process.cwd(),
  };
  const now = () => performance.now();
  const stepRunner = new HttpStepRunner({
    target: { baseUrl: url },
    defaultHeaders: {},
    connections,
    now,
  });
  try {
    const started = now();
    const summary = await runSuite({
      suite,
      stepRunner,
      concurrency: connections,
      runId: "bench",
      now,
    });
    const seconds = (now() - started) / 1000;
    const failed = summary.results.filter((result) => !result.pass).length;
    if (failed > 0) throw new Error(`${failed} benchmark trials failed`);
    return summary.results.length / seconds;
  } finally {
    await stepRunner.close();
  }
}

function startServer(port: number): Promise<ChildProcess> {
  return new Promise((ready, fail) => {
    const child = spawn(process.execPath, ["-e", serverSource], {
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.once("error", fail);
    child.stdout?.once("data", () => ready(child));
  });
}
