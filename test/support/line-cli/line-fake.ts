/**
 * Test support for the line's commands: a FactoryLine that plays a script (events, states, releases,
 * incidents, monitor cycles) and records its calls, and a runner that runs one command in-process on it, with an injected clock, reading in-memory files and
 * returning what it printed and its exit code (as `shopfloor` maps errors to exit codes).
 */
import { basename } from "node:path";
import { Command, CommanderError } from "commander";
import type { CliIo } from "../../../src/cli/cli-io.js";
import type { CommandContext } from "../../../src/cli/command-context.js";
import { exitCodes } from "../../../src/cli/exit-codes.js";
import type { LineDependencies } from "../../../src/cli/line-session.js";
import type {
  Decision,
  Incident,
  LineEvent,
  LineException,
  Release,
  ReleaseState,
  WorkItem,
} from "../../../src/contracts/index.js";
import { ShopfloorError } from "../../../src/contracts/index.js";
import type { TrialResult } from "../../../src/contracts/trial-result.js";
import type { BudgetPolicy } from "../../../src/ledger/budget-policy.js";
import type { BudgetStatus } from "../../../src/ledger/budget-status.js";
import type { LedgerReport } from "../../../src/ledger/ledger-report.js";
import type {
  DecisionRequest,
  FactoryLine,
  FactoryLineOptions,
  LineRunSummary,
  LineStatus,
  ManualRollbackRequest,
  MonitorCycleReport,
  MonitorStatus,
  RollbackOutcome,
  RunOptions,
  SubmitRequest,
  WorkItemHistory,
} from "../../../src/line/factory-line.js";
import {
  sampleBuild,
  sampleEvent,
  sampleHistory,
  sampleItemId,
  sampleWorkItem,
} from "./line-fixtures.js";
import { sampleIncident } from "./release-fixtures.js";

/** What a fake line does: the events its `run` emits and the state each submitted item ends in. */
export interface FakeLineScript {
  events?: (item: WorkItem) => LineEvent[];
  finalState?: (item: WorkItem) => WorkItem["state"];
  status?: LineStatus;
  exceptions?: LineException[];
  /** Called once `run` has emitted its events, e.g. to abort the run's signal. */
  afterEvents?: () => void;
  /** Newest first, as the facade lists them. */
  releases?: Release[];
  incidents?: Incident[];
  /** What `monitorCycle` returns, in order; then empty cycles. Their fix items join the queue. */
  cycles?: MonitorCycleReport[];
  /** The calls of `monitorCycle` (1 = the first) that throw, as a cycle that cannot reach its host. */
  failingCycles?: readonly number[];
}

type ReleaseFilter = { service?: string; states?: readonly ReleaseState[] };

/** A FactoryLine that records its calls and plays a script, for the commands' tests. */
export class FakeFactoryLine implements FactoryLine {
  readonly home: string;
  readonly options: FactoryLineOptions;
  readonly submitted: SubmitRequest[] = [];
  readonly runs: RunOptions[] = [];
  readonly decisions: DecisionRequest[] = [];
  readonly releaseQueries: ReleaseFilter[] = [];
  readonly incidentQueries: { service?: string }[] = [];
  readonly rollbacks: ManualRollbackRequest[] = [];
  /** The cycles `monitorCycle` returned. */
  readonly cycles: MonitorCycleReport[] = [];
  readonly items = new Map<string, WorkItem>();
  closed = false;
  readonly #script: FakeLineScript;
  #cycleCalls = 0;

  constructor(options: FactoryLineOptions, script: FakeLineScript) {
    this.home = options.home;
    this.options = options;
    this.#script = script;
  }

  async submit(request: SubmitRequest): Promise<WorkItem> {
    this.submitted.push(request);
    const name = basename(request.specPath).replace(/\.md$/, "");
    const item = sampleWorkItem({
      id: `${name}-${String(this.items.size + 1).padStart(6, "0")}`,
      name,
      specPath: request.specPath,
      profile: request.profile ?? this.options.config.defaultProfile,
      lineUp: request.lineUp ?? { pattern: "single", agent: { agent: "scaffold" } },
      state: "intake",
      attempt: 1,
      approvedBuild: undefined,
    });
    this.items.set(item.id, item);
    return item;
  }

  async run(options: RunOptions = {}): Promise<LineRunSummary> {
    this.runs.push(options);
    const touched = [...this.items.values()].filter((item) => item.state === "intake");
    for (const item of touched) {
      for (const event of this.#script.events?.(item) ?? []) this.options.onEvent?.(event);
      const state = this.#script.finalState?.(item) ?? "approved";
      const approvedBuild = state === "approved" ? `${item.id}.1.1` : undefined;
      this.items.set(item.id, { ...item, state, approvedBuild });
    }
    this.#script.afterEvents?.();
    const items = touched.map((item) => this.items.get(item.id) ?? item);
    return { jobsRun: touched.length * 5, items };
  }

  async status(): Promise<LineStatus> {
    if (this.#script.status === undefined) throw new Error("no status in the script");
    return this.#script.status;
  }

  async workItems(): Promise<WorkItem[]> {
    return [...this.items.values()];
  }

  async exceptions(filter: { state?: "open" | "decided" | "all" } = {}): Promise<LineException[]> {
    const state = filter.state ?? "open";
    const all = this.#script.exceptions ?? [];
    return state === "all" ? all : all.filter((exception) => exception.state === state);
  }

  async decide(request: DecisionRequest): Promise<Decision> {
    this.decisions.push(request);
    return {
      id: "decision-1",
      exception: request.exception,
      workItem: sampleItemId,
      action: request.action,
      by: request.by,
      reason: request.reason,
      at: "2026-11-24T15:00:00.000Z",
      details: {},
    };
  }

  async history(workItem: string): Promise<WorkItemHistory> {
    const history = sampleHistory();
    if (workItem === sampleItemId && !this.items.has(workItem)) return history;
    const item = this.items.get(workItem);
    if (item === undefined) {
      throw new ShopfloorError("not-found", `there is no work item ${workItem}`);
    }
    const builds = [{ ...sampleBuild(2), id: `${item.id}.1.1`, workItem: item.id, attempt: 1 }];
    return { ...history, item, builds: item.state === "approved" ? builds : [] };
  }

  async releases(filter: ReleaseFilter = {}): Promise<Release[]> {
    this.releaseQueries.push(filter);
    return (this.#script.releases ?? []).filter(
      (release) =>
        (filter.service === undefined || release.service === filter.service) &&
        (filter.states === undefined || filter.states.includes(release.state)),
    );
  }

  async incidents(filter: { service?: string } = {}): Promise<Incident[]> {
    this.incidentQueries.push(filter);
    return (this.#script.incidents ?? []).filter(
      (incident) => filter.service === undefined || incident.service === filter.service,
    );
  }

  /** As the facade: not-found for an item without releases, invalid-argument when it is not live. */
  async rollback(request: ManualRollbackRequest): Promise<RollbackOutcome> {
    this.rollbacks.push(request);
    const releases = this.#script.releases ?? [];
    const release = releases.find((candidate) => candidate.workItem === request.workItem);
    if (release === undefined) {
      throw new ShopfloorError("not-found", `there is no work item ${request.workItem}`);
    }
    if (release.state !== "live") {
      throw new ShopfloorError(
        "invalid-argument",
        `${request.workItem} is ${release.state}, not live: only the item of a live release can be rolled back (\`shopfloor releases\` lists them)`,
        { field: "workItem" },
      );
    }
    const standby = releases.find(
      (candidate) => candidate.service === release.service && candidate.state === "standby",
    );
    const to = standby === undefined ? undefined : { ...standby, state: "live" as const };
    const incident = sampleIncident({
      id: "9d8e7f60",
      service: release.service,
      release: release.id,
      rolledBackTo: to?.id,
      workItem: release.workItem,
      fixItem: undefined,
      by: request.by,
      summary: `${request.by} rolled ${release.id} back: ${request.reason}`,
      evidence: { reason: request.reason },
    });
    const reason = `rollback by ${request.by}: ${request.reason}`;
    const rolledBack = { ...release, state: "rolled-back" as const, reason };
    return { release: rolledBack, ...(to === undefined ? {} : { to }), incident };
  }

  /**
   * The next scripted cycle. Its breaches emit their events as the line does, and its fix items wait
   * at intake, so that `run` works them.
   */
  async monitorCycle(): Promise<MonitorCycleReport> {
    this.#cycleCalls += 1;
    if (this.#script.failingCycles?.includes(this.#cycleCalls)) {
      throw new ShopfloorError("io-error", "the release host did not answer");
    }
    const scripted = this.#script.cycles?.[this.cycles.length];
    const cycle = scripted ?? {
      cycle: this.cycles.length + 1,
      at: "2026-11-24T15:00:00.000Z",
      checks: [],
    };
    this.cycles.push(cycle);
    for (const { release, item, watch, breach } of cycle.checks) {
      if (breach === undefined) continue;
      const to = breach.rolledBackTo?.id;
      const fixItem = breach.fixItem?.id;
      const events = [
        sampleEvent("release.rollback", {
          release: release.id,
          ...(to === undefined ? {} : { to }),
          by: "monitor",
          reason: watch.reason,
        }),
        sampleEvent("incident.open", {
          incident: breach.incident.id,
          release: release.id,
          summary: breach.incident.summary,
          ...(fixItem === undefined ? {} : { fixItem }),
        }),
      ];
      for (const event of events) this.options.onEvent?.({ ...event, workItem: item.id });
      if (breach.fixItem !== undefined) this.items.set(breach.fixItem.id, breach.fixItem);
    }
    return cycle;
  }

  async monitorStatus(): Promise<MonitorStatus> {
    return notScripted("monitorStatus");
  }

  async events(): Promise<LineEvent[]> {
    return notScripted("events");
  }

  async trials(): Promise<TrialResult[]> {
    return notScripted("trials");
  }

  async budget(): Promise<BudgetStatus> {
    return notScripted("budget");
  }

  async changeBudget(): Promise<BudgetPolicy> {
    return notScripted("changeBudget");
  }

  async costReport(): Promise<LedgerReport> {
    return notScripted("costReport");
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** The line commands read these through the ledger, not the facade; the console's tests use a real line. */
function notScripted(method: string): never {
  throw new Error(`the fake line does not script ${method}`);
}

export interface LineCommandRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The lines the command opened, in order. */
  lines: FakeFactoryLine[];
}

export interface LineCommandSetup {
  script?: FakeLineScript;
  files?: Record<string, string>;
  environment?: Record<string, string>;
  now?: string;
  isTTY?: boolean;
}

export async function runLineCommand<Dependencies extends LineDependencies>(
  create: (context: CommandContext, dependencies: Dependencies) => Command,
  argv: readonly string[],
  setup: LineCommandSetup = {},
  extra: Omit<Dependencies, keyof LineDependencies> = {} as Omit<
    Dependencies,
    keyof LineDependencies
  >,
): Promise<LineCommandRun> {
  let stdout = "";
  let stderr = "";
  const files = setup.files ?? {};
  const lines: FakeFactoryLine[] = [];
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readText: async (path) => {
      const text = files[path];
      if (text === undefined) {
        throw new ShopfloorError("io-error", `cannot read ${path}: no such file`, { path });
      }
      return text;
    },
    exists: async (path) => files[path] !== undefined,
    workingDirectory: "/project",
    environment: setup.environment ?? {},
    progress: { isTTY: setup.isTTY ?? false, write: () => true },
  };
  const dependencies = {
    ...extra,
    now: () => new Date(setup.now ?? "2026-11-24T15:00:00.000Z"),
    timeZone: "UTC",
    openLine: async (options: FactoryLineOptions) => {
      const line = new FakeFactoryLine(options, setup.script ?? {});
      lines.push(line);
      return line;
    },
  } as unknown as Dependencies;
  const context: CommandContext = { io, exitCode: exitCodes.success };
  const program = new Command("shopfloor").addCommand(create(context, dependencies));
  const configure = (command: Command) => {
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    for (const subcommand of command.commands) configure(subcommand);
  };
  configure(program);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return { exitCode: context.exitCode, stdout, stderr, lines };
  } catch (error) {
    if (error instanceof CommanderError) {
      return { exitCode: error.exitCode === 0 ? 0 : exitCodes.usage, stdout, stderr, lines };
    }
    if (!(error instanceof ShopfloorError)) throw error;
    stderr += `error: ${error.message}\n`;
    return { exitCode: exitCodes.usage, stdout, stderr, lines };
  }
}
