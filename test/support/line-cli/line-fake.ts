/**
 * Test support for the line's commands: a FactoryLine that plays a script and records its calls, and a
 * runner that runs one command in-process on it, with an injected clock, reading in-memory files and
 * returning what it printed and its exit code (as `shopfloor` maps errors to exit codes).
 */
import { basename } from "node:path";
import { Command, CommanderError } from "commander";
import type { CliIo } from "../../../src/cli/cli-io.js";
import type { CommandContext } from "../../../src/cli/command-context.js";
import { exitCodes } from "../../../src/cli/exit-codes.js";
import type { LineDependencies } from "../../../src/cli/line-session.js";
import type { Decision, LineEvent, LineException, WorkItem } from "../../../src/contracts/index.js";
import { ShopfloorError } from "../../../src/contracts/index.js";
import type {
  DecisionRequest,
  FactoryLine,
  FactoryLineOptions,
  LineRunSummary,
  LineStatus,
  RunOptions,
  SubmitRequest,
  WorkItemHistory,
} from "../../../src/line/factory-line.js";
import { sampleBuild, sampleHistory, sampleItemId, sampleWorkItem } from "./line-fixtures.js";

/** What a fake line does: the events its `run` emits and the state each submitted item ends in. */
export interface FakeLineScript {
  events?: (item: WorkItem) => LineEvent[];
  finalState?: (item: WorkItem) => WorkItem["state"];
  status?: LineStatus;
  exceptions?: LineException[];
  /** Called once `run` has emitted its events, e.g. to abort the run's signal. */
  afterEvents?: () => void;
}

/** A FactoryLine that records its calls and plays a script, for the commands' tests. */
export class FakeFactoryLine implements FactoryLine {
  readonly home: string;
  readonly options: FactoryLineOptions;
  readonly submitted: SubmitRequest[] = [];
  readonly runs: RunOptions[] = [];
  readonly decisions: DecisionRequest[] = [];
  readonly items = new Map<string, WorkItem>();
  closed = false;
  readonly #script: FakeLineScript;

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

  async close(): Promise<void> {
    this.closed = true;
  }
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
