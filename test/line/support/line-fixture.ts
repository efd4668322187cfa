/**
 * A line on a temporary factory home for the unit tests of src/line: the real stores, queue, ledger and
 * suites, with an instant agent and a fake trial executor by default, a small todo spec (10 scenarios),
 * and helpers to run one station's handler and to read the queue.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Agent } from "../../../src/agents/agent.js";
import { Config } from "../../../src/contracts/config.js";
import type { LineUpAgent, StationName } from "../../../src/contracts/work-item.js";
import { FactoryLineSession, stationHandlers } from "../../../src/line/factory-line-session.js";
import { type LineServicesOptions, openLineServices } from "../../../src/line/line-services.js";
import type { JobContext, LineServices } from "../../../src/line/stations/station-context.js";
import type { TrialExecutor } from "../../../src/line/trials/trial-executor.js";
import { NoSandbox } from "../../../src/runners/sandbox/no-sandbox.js";
import { closeFactoryDatabase } from "../../../src/store/open-factory-database.js";
import { FakeTrialExecutor, InstantAgent } from "./line-fakes.js";
import { repositoryRoot } from "./line-home.js";

export interface LineFixture {
  home: string;
  services: LineServices;
  session: FactoryLineSession;
  /** The todo-api spec with 5 normal, 3 edge and 2 malicious scenarios. */
  smallSpec: string;
  agentCalls: { agent: LineUpAgent; attempt: number }[];
  context(signal?: AbortSignal): JobContext;
  /** Runs the next waiting job of the station with its handler (no lease); false when none waits. */
  runNext(station: StationName): Promise<boolean>;
  /** Payloads of the station's waiting jobs, oldest first. */
  waiting(station: StationName): Promise<Record<string, unknown>[]>;
  remove(): Promise<void>;
}

export interface LineFixtureOptions {
  config?: unknown;
  agent?: Agent;
  trialExecutor?: TrialExecutor;
  now?: () => Date;
  /** The local deploy target's host (tests: an in-process one); deploys stay off unless config says. */
  connectReleaseHost?: LineServicesOptions["connectReleaseHost"];
}

export async function lineFixture(options: LineFixtureOptions = {}): Promise<LineFixture> {
  const home = mkdtempSync(join(tmpdir(), "shopfloor-line-unit-"));
  const agent = options.agent ?? new InstantAgent();
  const agentCalls: LineFixture["agentCalls"] = [];
  const { services } = await openLineServices({
    home,
    // Deploys are off unless a test turns them on: the stations' tests have no release host.
    config: Config.parse({ deploy: { enabled: false }, ...(options.config as object | undefined) }),
    environment: process.env,
    projectFolder: repositoryRoot,
    sandbox: new NoSandbox(),
    trialExecutor: options.trialExecutor ?? new FakeTrialExecutor(),
    createAgent: async (lineUpAgent, attempt) => {
      agentCalls.push({ agent: lineUpAgent, attempt });
      return agent;
    },
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.connectReleaseHost === undefined
      ? {}
      : { connectReleaseHost: options.connectReleaseHost }),
  });
  const session = new FactoryLineSession(services, {
    projectFolder: repositoryRoot,
    workerId: "test-host:1",
  });
  const smallSpec = join(home, "todo-small.md");
  const todo = readFileSync(join(repositoryRoot, "examples/todo-api/spec.md"), "utf8");
  writeFileSync(
    smallSpec,
    todo.replace(
      "profile: admin\n",
      "profile: admin\nscenarios: { normal: 5, edge: 3, malicious: 2 }\n",
    ),
  );
  const context = (signal = new AbortController().signal): JobContext => ({ ...services, signal });
  const waiting = async (station: StationName) => {
    const rows = await services.database
      .selectFrom("job")
      .select("payload")
      .where("station", "=", station)
      .where("state", "=", "waiting")
      .orderBy("sequence")
      .execute();
    return rows.map((row) => JSON.parse(row.payload) as Record<string, unknown>);
  };
  return {
    home,
    services,
    session,
    smallSpec,
    agentCalls,
    context,
    waiting,
    runNext: async (station) => {
      const job = await services.queue.lease(station, { workerId: "test-host:1", leaseMs: 60_000 });
      if (job === undefined) return false;
      await stationHandlers[station](job.payload, context());
      await services.queue.complete(job);
      return true;
    },
    remove: async () => {
      await closeFactoryDatabase(services.database);
      rmSync(home, { recursive: true, force: true });
    },
  };
}
