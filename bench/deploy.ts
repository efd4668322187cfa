/**
 * The local deploy target's figures (docs/benchmarks.md, "Deploys"): how long a release takes to start
 * and pass its health check, how long a switch (and so a rollback) of a service's traffic takes, how
 * many requests fail while a client hammers the stable address through 50 switches, and what the
 * reverse proxy adds to a request's latency. Real processes, in the sandbox the machine has.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, request } from "undici";
import { InProcessReleaseHost } from "../src/deploy/local/in-process-release-host.js";
import type { ReleaseLaunch } from "../src/deploy/local/release-host.js";
import type { HttpTarget } from "../src/runners/http/http-step-runner.js";
import { selectSandbox } from "../src/runners/sandbox/index.js";
import { percentile } from "../src/stats/percentiles.js";

type Print = (line: string) => void;

const server = `import { createServer } from "node:http";
createServer((request, response) => {
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify({ release: process.env.SHOPFLOOR_RELEASE }));
}).listen(Number(process.env.PORT), process.env.HOST);
`;
const launches = 5;
const switches = 50;
const latencyRequests = 2_000;
const clients = 4;

export async function runDeployBenchmark(print: Print): Promise<void> {
  const sandbox = await selectSandbox({ allowUnsandboxed: true });
  const folder = mkdtempSync(join(tmpdir(), "shopfloor-bench-deploy-"));
  // The sandbox runs the release as another user (nobody), who must be able to read its folder.
  chmodSync(folder, 0o755);
  writeFileSync(join(folder, "server.mjs"), server);
  const host = new InProcessReleaseHost({
    sandbox,
    now: () => performance.now(),
    sleep: (milliseconds) => new Promise((settle) => setTimeout(settle, milliseconds)),
  });
  const launch = (release: string): ReleaseLaunch => ({
    release,
    service: "bench",
    directory: folder,
    command: "node server.mjs",
    healthPath: "/",
    healthTimeoutMs: 10_000,
    env: { SHOPFLOOR_RELEASE: release },
  });
  try {
    const startMs: number[] = [];
    for (let index = 1; index <= launches; index++) {
      const began = performance.now();
      await host.launch(launch(`bench-r${index}`));
      startMs.push(performance.now() - began);
    }
    const service = await host.route("bench", [{ release: "bench-r1", share: 1 }]);
    const hammer = hammerAddress(service.address);
    const switchMs: number[] = [];
    for (let index = 0; index < switches; index++) {
      const release = index % 2 === 0 ? "bench-r2" : "bench-r1";
      const began = performance.now();
      await host.route("bench", [{ release, share: 1 }]);
      switchMs.push(performance.now() - began);
      await new Promise((settle) => setTimeout(settle, 20));
    }
    const load = await hammer.stop();
    const direct = (await host.status()).releases.find((each) => each.release === "bench-r1");
    const directMs = await latencies(direct?.endpoint ?? { baseUrl: service.address });
    await host.route("bench", [{ release: "bench-r1", share: 1 }]);
    const proxiedMs = await latencies({ baseUrl: service.address });

    print(`Deploys: the local target (${sandbox.isolating ? "bubblewrap" : "no sandbox"})`);
    print(
      `  start a release until its health check answers: median ${median(startMs)} ms (${launches} releases)`,
    );
    print(
      `  switch (or roll back) a service's traffic: median ${median(switchMs)} ms, max ${max(switchMs)} ms (${switches} switches)`,
    );
    print(
      `  ${clients} clients on the stable address through the ${switches} switches: ${load.answered} requests, ${load.failed} failed`,
    );
    print(
      `  request latency, ${latencyRequests} in a row: direct p50 ${quantile(directMs, 0.5)} ms p99 ${quantile(directMs, 0.99)} ms; through the proxy p50 ${quantile(proxiedMs, 0.5)} ms p99 ${quantile(proxiedMs, 0.99)} ms`,
    );
  } finally {
    await host.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** `clients` keep-alive loops on the address until stopped; counts the answers and the failures. */
function hammerAddress(address: string): { stop(): Promise<{ answered: number; failed: number }> } {
  const dispatcher = new Agent({ connections: clients });
  let running = true;
  let answered = 0;
  let failed = 0;
  const loop = async () => {
    while (running) {
      try {
        const response = await request(address, { dispatcher });
        await response.body.dump();
        if (response.statusCode === 200) answered += 1;
        else failed += 1;
      } catch {
        failed += 1;
      }
    }
  };
  const loops = Array.from({ length: clients }, loop);
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      await dispatcher.close();
      return { answered, failed };
    },
  };
}

async function latencies(target: HttpTarget): Promise<number[]> {
  const endpoint = target.endpoint;
  const dispatcher = new Agent(
    endpoint?.kind === "unix" ? { connect: { socketPath: endpoint.socketPath } } : {},
  );
  const times: number[] = [];
  try {
    for (let index = 0; index < latencyRequests; index++) {
      const began = performance.now();
      const response = await request(target.baseUrl, { dispatcher });
      await response.body.dump();
      times.push(performance.now() - began);
    }
  } finally {
    await dispatcher.close();
  }
  return times;
}

function median(values: readonly number[]): string {
  return quantile(values, 0.5);
}

function quantile(values: readonly number[], level: number): string {
  return percentile(values, level).toFixed(2);
}

function max(values: readonly number[]): string {
  return Math.max(...values).toFixed(2);
}
