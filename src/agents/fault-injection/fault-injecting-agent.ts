/**
 * The fault-injecting agent, for testing the gate itself. It runs the inner agent; then, with a given
 * probability, it puts one realistic bug into the code the inner agent wrote (a dropped validation, a
 * flipped comparison, a broken error path, an off-by-one bound), commits it on its own
 * ("inject fault: …") and labels it in the run: `injectedFaults` and the summary. A gate that approves
 * such a build missed a known fault; the share of faults it catches over many seeds calibrates it.
 * Named explicitly, it can instead put in a fault only production shows (`production-regression`).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { AgentRun, InjectedFault } from "../../contracts/agent-run.js";
import { InvalidArgumentError } from "../../contracts/errors.js";
import { requireClosedUnitInterval } from "../../stats/arguments.js";
import { bernoulli, type RandomSource, seededRandom } from "../../stats/random.js";
import type { Agent, AgentLimits, AgentTask, Workspace } from "../agent.js";
import { commitWorkspace } from "../workspace/commit-workspace.js";
import { type ChangedSource, readChangedSources } from "./changed-sources.js";
import { transpileSource, worktreeCompilerOptions } from "./compiled-output.js";
import {
  type AnyFaultCandidate,
  type AnyFaultKind,
  allFaultKinds,
  applyEdit,
  type FaultKind,
  faultKinds,
} from "./fault-candidate.js";
import { findFaultCandidates } from "./find-fault-candidates.js";
import { pickFault } from "./pick-fault.js";
import { findProductionRegression } from "./production-regression.js";

export interface FaultInjectingAgentOptions {
  inner: Agent;
  /** The chance, from 0 to 1, that a run gets a fault. */
  probability: number;
  /**
   * Seeds the draws. Each run takes three (whether, which kind, which candidate) whatever happens, so
   * the n-th run of two wrappers with the same seed draws the same.
   */
  seed: number;
  /** The kinds to choose from; default the four of `faultKinds` (never `production-regression`). */
  kinds?: readonly AnyFaultKind[];
  /** Milliseconds, for the time the wrapper adds to the run; default performance.now. */
  now?: () => number;
}

interface Draws {
  inject: boolean;
  kind: number;
  candidate: number;
}

export class FaultInjectingAgent implements Agent {
  readonly name: string;
  readonly #inner: Agent;
  readonly #probability: number;
  readonly #kinds: readonly AnyFaultKind[];
  readonly #random: RandomSource;
  readonly #now: () => number;

  constructor(options: FaultInjectingAgentOptions) {
    requireClosedUnitInterval(options.probability, "probability");
    const kinds = options.kinds ?? faultKinds;
    const unknown = kinds.filter((kind) => !allFaultKinds.includes(kind));
    if (kinds.length === 0 || unknown.length > 0) {
      throw new InvalidArgumentError(
        `kinds must be one or more of ${allFaultKinds.join(", ")}, got ${kinds.join(", ") || "none"}`,
        "kinds",
      );
    }
    this.#inner = options.inner;
    this.#probability = options.probability;
    this.#kinds = kinds;
    this.#random = seededRandom(scrambleSeed(options.seed));
    this.#now = options.now ?? (() => performance.now());
    this.name = `${options.inner.name}+faults`;
  }

  async run(
    task: AgentTask,
    workspace: Workspace,
    limits: AgentLimits,
    signal: AbortSignal,
  ): Promise<AgentRun> {
    const innerRun = await this.#inner.run(task, workspace, limits, signal);
    const startedAt = this.#now();
    const draws: Draws = {
      inject: bernoulli(this.#random, this.#probability),
      kind: this.#random(),
      candidate: this.#random(),
    };
    const run: AgentRun = {
      ...innerRun,
      agent: `${innerRun.agent}+faults`,
      injectedFaults: innerRun.injectedFaults ?? [],
    };
    const finish = (changes: Partial<AgentRun>): AgentRun => ({
      ...run,
      ...changes,
      durationMs: innerRun.durationMs + Math.max(this.#now() - startedAt, 0),
    });
    const withNote = (note: string) => finish({ summary: joinSentences(innerRun.summary, note) });

    if (!draws.inject) {
      return withNote(`No fault injected (drawn with probability ${this.#probability}).`);
    }
    if (innerRun.status !== "succeeded") {
      return withNote("No fault injected: the inner run did not succeed.");
    }
    if (signal.aborted) return withNote("No fault injected: the run was cancelled.");
    try {
      const sources = await readChangedSources(workspace.path, innerRun.filesChanged);
      const codeKinds = this.#kinds.filter(isCodeFaultKind);
      const candidates: AnyFaultCandidate[] = sources.flatMap((source) =>
        codeKinds.length === 0 ? [] : findFaultCandidates(source.file, source.text, codeKinds),
      );
      const inProduction = this.#kinds.includes("production-regression");
      const production = inProduction ? await findProductionRegression(workspace.path) : undefined;
      if (production !== undefined) candidates.push(production.candidate);
      const chosen = pickFault(candidates, draws.kind, draws.candidate);
      if (chosen === undefined) {
        return withNote(`No fault injected: ${noSite(codeKinds, sources.length, inProduction)}.`);
      }
      const source = [...sources, ...(production ? [production.source] : [])].find(
        (each) => each.file === chosen.file,
      );
      if (source === undefined) throw new Error(`${chosen.file} is not a source the run changed`);
      const fault = await injectFault(workspace, source, chosen);
      const committed = await commitWorkspace(
        workspace,
        `inject fault: ${fault.kind} in ${fault.file}:${fault.line}\n\n${fault.description}\n`,
      );
      return finish({
        ...(committed.commit === undefined ? {} : { commit: committed.commit }),
        filesChanged: committed.filesChanged,
        summary: joinSentences(innerRun.summary, `Injected fault: ${describeFault(fault)}.`),
        injectedFaults: [...run.injectedFaults, fault],
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return finish({
        status: "failed",
        summary: joinSentences(innerRun.summary, `Fault injection failed: ${reason}`),
      });
    }
  }
}

/** `drop-validation at server.mjs:96: removed the guard …` */
export function describeFault(fault: InjectedFault): string {
  return `${fault.kind} at ${fault.file}:${fault.line}: ${fault.description}`;
}

/** Writes the mutated source, and its compiled file made again from it when the build has one. */
async function injectFault(
  workspace: Workspace,
  source: ChangedSource,
  chosen: AnyFaultCandidate,
): Promise<InjectedFault> {
  const mutated = applyEdit(source.text, chosen.edit);
  await writeFile(join(workspace.path, source.file), mutated);
  for (const added of chosen.addedFiles ?? []) {
    await mkdir(dirname(join(workspace.path, added.file)), { recursive: true });
    await writeFile(join(workspace.path, added.file), added.text);
  }
  let description = chosen.description;
  if (source.compiledOutput !== undefined) {
    const options = worktreeCompilerOptions(workspace.path);
    const compiled = transpileSource(source.file, mutated, options);
    await writeFile(join(workspace.path, source.compiledOutput), compiled);
    description = `${description} (${source.compiledOutput} compiled again from it)`;
  }
  return { kind: chosen.kind, file: chosen.file, line: chosen.line, description };
}

/**
 * MurmurHash3's finaliser, a bijection on 32-bit integers. xoroshiro128+'s first draws from nearby
 * seeds are close (its state starts as -1, ~seed, seed, 0), which would make a calibration over seeds
 * 1..N pick the same few faults; scrambled seeds pick them evenly.
 */
export function scrambleSeed(seed: number): number {
  let hash = seed | 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) | 0;
}

/** Why no fault was found, for the summary. */
function noSite(codeKinds: readonly FaultKind[], sourceCount: number, inProduction: boolean) {
  const reasons: string[] = [];
  if (codeKinds.length > 0) {
    const kinds = codeKinds.join(", ");
    reasons.push(`no ${kinds} site in the ${sourceCount} source file(s) the run changed`);
  }
  if (inProduction) {
    reasons.push("no package.json whose scripts.start runs node (for production-regression)");
  }
  return reasons.join("; ");
}

function isCodeFaultKind(kind: AnyFaultKind): kind is FaultKind {
  return (faultKinds as readonly AnyFaultKind[]).includes(kind);
}

function joinSentences(first: string, second: string): string {
  return first.trim() === "" ? second : `${first.trim()} ${second}`;
}
