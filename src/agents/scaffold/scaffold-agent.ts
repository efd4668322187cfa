/**
 * The offline scaffold agent: from a spec's structured http-service model it writes a complete
 * TypeScript service (compiled to `dist/`, run with `node dist/server.js`) without any model or
 * network, so the whole line runs on a fresh machine. It cannot build a cli or a library (it cannot
 * know what they are meant to compute), and on regeneration it can only write the same service again:
 * its summary says so, naming what the gate found lacking.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { AgentRun, noAgentTokens } from "../../contracts/agent-run.js";
import { ShopfloorError } from "../../contracts/errors.js";
import type { Agent, AgentLimits, AgentTask, Workspace } from "../agent.js";
import { commitWorkspace } from "../workspace/commit-workspace.js";
import { transcriptPath } from "../workspace/transcript.js";
import { feedbackNote } from "./feedback-note.js";
import { type ScaffoldedFile, scaffoldRefusal, scaffoldService } from "./scaffold-service.js";

export interface ScaffoldAgentOptions {
  now(): number;
}

type Outcome = Pick<AgentRun, "status" | "summary"> &
  Partial<Pick<AgentRun, "commit" | "filesChanged" | "retryable">>;

export class ScaffoldAgent implements Agent {
  readonly name = "scaffold";
  readonly #now: () => number;

  constructor(options: ScaffoldAgentOptions) {
    this.#now = options.now;
  }

  async run(
    task: AgentTask,
    workspace: Workspace,
    limits: AgentLimits,
    signal: AbortSignal,
  ): Promise<AgentRun> {
    const startedAt = this.#now();
    const log: string[] = [
      `scaffold: ${task.workItem}, attempt ${task.attempt}, from ${task.spec.source}`,
    ];
    const stopped = (): Outcome | undefined => {
      if (signal.aborted) return { status: "cancelled", summary: "The run was cancelled." };
      if (this.#now() - startedAt <= limits.wallClockMs) return undefined;
      const summary = `The run took longer than its limit of ${limits.wallClockMs} ms.`;
      return { status: "timed-out", summary };
    };
    // Whatever goes wrong (a file that cannot be written, git), the run says so rather than throws.
    const outcome = await this.#build(task, workspace, log, stopped).catch(
      (error: unknown): Outcome => {
        const reason = error instanceof Error ? error.message : String(error);
        return { status: "failed", summary: `The scaffold could not write the service: ${reason}` };
      },
    );
    const transcript = transcriptPath(workspace, this.name, "txt");
    log.push(`${outcome.status}: ${outcome.summary}`);
    await mkdir(dirname(transcript), { recursive: true });
    await writeFile(transcript, `${log.join("\n")}\n`);
    return AgentRun.parse({
      agent: this.name,
      filesChanged: [],
      ...outcome,
      turns: 1,
      tokens: noAgentTokens,
      computedCostMicroUsd: 0,
      durationMs: Math.max(0, this.#now() - startedAt),
      transcript,
    });
  }

  async #build(
    task: AgentTask,
    workspace: Workspace,
    log: string[],
    stopped: () => Outcome | undefined,
  ): Promise<Outcome> {
    const name = task.spec.frontMatter.name;
    const refusal = scaffoldRefusal(task.spec);
    if (refusal !== undefined) {
      const summary = `The scaffold cannot build ${name}: ${refusal}.`;
      return { status: "failed", summary, retryable: false };
    }
    let files: ScaffoldedFile[];
    try {
      files = scaffoldService(task.spec);
    } catch (error) {
      if (!(error instanceof ShopfloorError) || error.code !== "invalid-input") throw error;
      const summary = `The scaffold cannot build ${name}: ${error.message}.`;
      return { status: "failed", summary, retryable: false };
    }
    for (const file of files) {
      const early = stopped();
      if (early !== undefined) return early;
      const target = join(workspace.path, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
      log.push(`wrote ${file.path} (${Buffer.byteLength(file.content)} bytes)`);
    }
    const early = stopped();
    if (early !== undefined) return early;
    const { commit, filesChanged } = await commitWorkspace(
      workspace,
      `scaffold ${name} from its model (attempt ${task.attempt})`,
    );
    log.push(commit === undefined ? "nothing changed: no commit" : `committed ${commit}`);
    const committed = { ...(commit === undefined ? {} : { commit }), filesChanged };
    const late = stopped();
    if (late !== undefined) return { ...late, ...committed };
    const summary = successSummary(task, files, filesChanged.length);
    return { status: "succeeded", summary, ...committed };
  }
}

function successSummary(
  task: AgentTask,
  files: readonly ScaffoldedFile[],
  changed: number,
): string {
  const model = task.spec.model?.kind === "http-service" ? task.spec.model.model : undefined;
  const entities = Object.keys(model?.entities ?? {});
  const written =
    `Scaffolded ${task.spec.frontMatter.name} from its model (${entities.join(", ")}): ` +
    `${files.length} files, TypeScript compiled to dist/, run with node dist/server.js` +
    `${changed === 0 ? "; nothing changed from the base commit" : ""}.`;
  return task.feedback === undefined ? written : `${written} ${feedbackNote(task.feedback)}`;
}
