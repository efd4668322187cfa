import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { DirectSandbox } from "../../../test/support/direct-sandbox.js";
import type { FunctionWorkerStartError } from "./errors.js";
import { FunctionWorker } from "./function-worker.js";
import { PendingCall } from "./pending-call.js";
import { requestLine } from "./worker-protocol.js";
import { findWorkerScript } from "./worker-script.js";

const fixtures = fileURLToPath(
  new URL("../../../test/fixtures/function-modules/", import.meta.url),
);

const workers: FunctionWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop(50)));
});

/** Starts a worker and resolves when it is ready or when it exits. */
function startWorker(workerScript = findWorkerScript(), startTimeoutMs = 5_000) {
  let onReady: () => void = () => {};
  let onExit: (startError: FunctionWorkerStartError | undefined) => void = () => {};
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  const exited = new Promise<FunctionWorkerStartError | undefined>((resolve) => {
    onExit = resolve;
  });
  const worker = new FunctionWorker({
    sandbox: new DirectSandbox(),
    workDirectory: fixtures,
    readOnlyPaths: [],
    env: {},
    nodePath: process.execPath,
    workerScript,
    spawn,
    now: () => performance.now(),
    startTimeoutMs,
    exitWaitMs: 1_000,
    events: { ready: () => onReady(), callSettled: () => {}, exited: (_, error) => onExit(error) },
  });
  workers.push(worker);
  worker.start();
  return { worker, ready, exited };
}

function pendingCall(id: number, exportName: string) {
  const request = { module: `${fixtures}math.mjs`, export: exportName, args: [], timeoutMs: 5_000 };
  return new PendingCall(id, request, requestLine({ id, ...request }));
}

describe("FunctionWorker", () => {
  it("settles its call as crashed when something outside kills it, as the sandbox's limits do", async () => {
    const { worker, ready, exited } = startWorker();
    await ready;
    const call = pendingCall(1, "hang");
    worker.send(call);
    process.kill(Number(worker.processId), "SIGKILL");
    expect((await call.promise).threw).toEqual({
      name: "WorkerCrashed",
      message: 'the function worker exited on signal SIGKILL while calling export "hang"',
    });
    expect(await exited).toBeUndefined();
  });

  it("gives up on a worker that does not become ready in time", async () => {
    const { exited } = startWorker(`${fixtures}never-ready-worker.mjs`, 150);
    expect((await exited)?.message).toBe("the function worker did not become ready within 150 ms");
  });

  it("stops a worker that answers with lines that are not responses", async () => {
    const { worker, ready } = startWorker(`${fixtures}garbling-worker.mjs`);
    await ready;
    const call = pendingCall(1, "add");
    worker.send(call);
    expect((await call.promise).threw?.message).toMatch(
      /^the function worker sent a line that is not a response \(not JSON: garbage\) and was stopped while calling export "add"/,
    );
  });
});
