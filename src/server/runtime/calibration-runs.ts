/**
 * The calibrations the console started (`POST /api/items/{id}/calibrate`), run in the background in the
 * server's process, one at a time per work item, each followed mutant by mutant and kept with its report
 * or the error that stopped it, for `GET /api/calibrations/{id}`. calibrate itself stores the report as
 * an artifact and announces it with a `calibration.end` event, so the result outlives the server; this
 * registry holds what the server started (the newest finished ones, and every running one).
 */
import { randomBytes } from "node:crypto";
import type { InjectedFault } from "../../contracts/agent-run.js";
import { ShopfloorError } from "../../contracts/errors.js";
import type {
  CalibrationProgress,
  CalibrationReport,
  CalibrationRequest,
  HomeCalibration,
} from "../../line/calibrate/index.js";

export type CalibrationState = "running" | "done" | "failed";

export interface CalibrationRun {
  id: string;
  /** The work item's full id. */
  workItem: string;
  /** The token that started it. */
  by: string;
  mutants: number;
  seed: number;
  state: CalibrationState;
  startedAt: string;
  endedAt?: string;
  progress: {
    /** Mutants judged (or found to have no site for a fault). */
    done: number;
    injected: number;
    caught: number;
    /** The mutant being made or tested now. */
    current?: {
      mutant: number;
      seed: number;
      fault?: InjectedFault;
      trialsDone?: number;
      trialsTotal?: number;
    };
  };
  report?: CalibrationReport;
  /** Content hash of the stored report (artifact kind `calibration`). */
  artifact?: string;
  /** The sequence of its `calibration.end` event. */
  event?: number;
  /** Why it stopped without a report. */
  error?: { code: string; message: string };
  /** Set when the mutants were tested without a sandbox: why. */
  sandboxWarning?: string;
}

export interface StartCalibration {
  /** The work item's full id (one calibration per item at a time). */
  workItem: string;
  mutants?: number;
  seed?: number;
  by: string;
}

export interface CalibrationRunsOptions {
  /** Runs one calibration (the server: `calibrateInHome` on the line's options). */
  calibrate(request: CalibrationRequest): Promise<HomeCalibration>;
  now(): Date;
  /** How many finished calibrations are kept; default 50. */
  keep?: number;
}

/** A calibration of the item is running already. */
export class CalibrationConflict extends ShopfloorError {
  readonly running: CalibrationRun;

  constructor(running: CalibrationRun) {
    super(
      "invalid-argument",
      `${running.workItem} is being calibrated already (calibration ${running.id}, mutant ${running.progress.done + 1} of ${running.mutants}); wait for it: GET /api/calibrations/${running.id}`,
      { field: "id" },
    );
    this.name = "CalibrationConflict";
    this.running = running;
  }
}

interface Entry {
  run: CalibrationRun;
  controller: AbortController;
  settled: Promise<void>;
}

export class CalibrationRuns {
  readonly #options: CalibrationRunsOptions;
  readonly #entries = new Map<string, Entry>();

  constructor(options: CalibrationRunsOptions) {
    this.#options = options;
  }

  /**
   * Starts a calibration and answers once its first mutant is under way, so what calibrate refuses
   * before any mutant (an unknown item, one not approved, a bad count) is this call's error and nothing
   * is kept. Later failures are the calibration's `error`.
   */
  async start(request: StartCalibration): Promise<CalibrationRun> {
    const running = this.runningFor(request.workItem);
    if (running !== undefined) throw new CalibrationConflict(running);
    const controller = new AbortController();
    const run: CalibrationRun = {
      id: `calibration-${randomBytes(4).toString("hex")}`,
      workItem: request.workItem,
      by: request.by,
      mutants: request.mutants ?? 0,
      seed: request.seed ?? 0,
      state: "running",
      startedAt: this.#options.now().toISOString(),
      progress: { done: 0, injected: 0, caught: 0 },
    };
    let underWay = () => {};
    const firstMutant = new Promise<void>((resolve) => {
      underWay = resolve;
    });
    let earlyError: unknown;
    const settled = this.#options
      .calibrate({
        workItem: request.workItem,
        ...(request.mutants === undefined ? {} : { mutants: request.mutants }),
        ...(request.seed === undefined ? {} : { seed: request.seed }),
        signal: controller.signal,
        onProgress: (progress) => {
          follow(run, progress);
          underWay();
        },
      })
      .then(
        (result) => this.#finish(run, result),
        (error: unknown) => {
          if (run.progress.current === undefined) earlyError = error;
          this.#fail(run, error);
        },
      );
    // Held before the first await, so a second request for the item meets this one.
    this.#entries.set(run.id, { run, controller, settled });
    await Promise.race([firstMutant, settled]);
    if (earlyError !== undefined) {
      this.#entries.delete(run.id);
      throw earlyError;
    }
    return snapshot(run);
  }

  get(id: string): CalibrationRun | undefined {
    const entry = this.#entries.get(id);
    return entry === undefined ? undefined : snapshot(entry.run);
  }

  /** Newest first. */
  list(): CalibrationRun[] {
    return [...this.#entries.values()].map((entry) => snapshot(entry.run)).reverse();
  }

  runningFor(workItem: string): CalibrationRun | undefined {
    for (const { run } of this.#entries.values()) {
      if (run.workItem === workItem && run.state === "running") return snapshot(run);
    }
    return undefined;
  }

  /** The calibration once it has finished (done or failed). */
  async settled(id: string): Promise<CalibrationRun> {
    const entry = this.#entries.get(id);
    if (entry === undefined) {
      throw new ShopfloorError("not-found", `there is no calibration ${id}`, { field: "id" });
    }
    await entry.settled;
    return snapshot(entry.run);
  }

  /** Stops the running calibrations (their reservations given back, worktrees removed) and waits. */
  async close(): Promise<void> {
    const running = [...this.#entries.values()].filter((entry) => entry.run.state === "running");
    for (const entry of running) {
      entry.controller.abort(
        new ShopfloorError(
          "io-error",
          "the console stopped before the calibration finished; nothing was recorded",
        ),
      );
    }
    await Promise.all(running.map((entry) => entry.settled));
  }

  #finish(run: CalibrationRun, result: HomeCalibration): void {
    run.state = "done";
    run.endedAt = this.#options.now().toISOString();
    run.mutants = result.report.mutants;
    run.seed = result.report.seed;
    run.report = result.report;
    run.artifact = result.artifact;
    run.event = result.event.sequence;
    run.progress = {
      done: result.report.outcomes.length,
      injected: result.report.injected,
      caught: result.report.caught,
    };
    if (result.sandboxWarning !== undefined) run.sandboxWarning = result.sandboxWarning;
    this.#forgetOld();
  }

  #fail(run: CalibrationRun, error: unknown): void {
    run.state = "failed";
    run.endedAt = this.#options.now().toISOString();
    const { current: _stopped, ...progress } = run.progress;
    run.progress = progress;
    run.error =
      error instanceof ShopfloorError
        ? { code: error.code, message: error.message }
        : { code: "internal", message: error instanceof Error ? error.message : String(error) };
    this.#forgetOld();
  }

  /** Drops the oldest finished calibrations beyond `keep`; running ones always stay. */
  #forgetOld(): void {
    const keep = this.#options.keep ?? 50;
    const finished = [...this.#entries.values()].filter((entry) => entry.run.state !== "running");
    for (const entry of finished.slice(0, Math.max(0, finished.length - keep))) {
      this.#entries.delete(entry.run.id);
    }
  }
}

/** What a progress report changes: the mutant under way, its trials, and the tally once it ends. */
function follow(run: CalibrationRun, progress: CalibrationProgress): void {
  run.mutants = progress.mutants;
  switch (progress.type) {
    case "mutant.start":
      // Mutant i's fault seed is the calibration's seed + i.
      run.seed = progress.seed - progress.mutant;
      run.progress.current = { mutant: progress.mutant, seed: progress.seed };
      return;
    case "mutant.injected":
      if (run.progress.current !== undefined) run.progress.current.fault = progress.fault;
      return;
    case "mutant.trials":
      if (run.progress.current !== undefined) {
        run.progress.current.trialsDone = progress.done;
        run.progress.current.trialsTotal = progress.total;
      }
      return;
    case "mutant.end": {
      const { outcome } = progress;
      run.progress.done = progress.mutant;
      if (outcome.injected) run.progress.injected += 1;
      if (outcome.injected && outcome.caught) run.progress.caught += 1;
      return;
    }
  }
}

/** A copy, so an answer already given does not change under the caller as the calibration goes on. */
function snapshot(run: CalibrationRun): CalibrationRun {
  return structuredClone(run);
}
