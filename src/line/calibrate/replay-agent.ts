/**
 * The inner agent of a calibration: it writes nothing of its own but puts an approved build's tree into
 * its workspace (the commit's tree exactly, files it lacks removed) and commits it, so that "what the
 * agent wrote" is the approved build's change set and the fault-injection wrapper mutates exactly the
 * code the gate approved. It costs nothing and takes no model.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Agent, AgentLimits, AgentTask, Workspace } from "../../agents/agent.js";
import { commitWorkspace } from "../../agents/workspace/commit-workspace.js";
import { runGit } from "../../agents/workspace/git-command.js";
import { type AgentRun, noAgentTokens } from "../../contracts/agent-run.js";

export interface ReplayAgentOptions {
  /** The commit (or branch) whose tree the workspace gets. */
  commit: string;
  /** The build it replays, for the commit message and the summary. */
  build: string;
  /** Milliseconds on a monotonic clock. */
  now(): number;
}

export class ReplayAgent implements Agent {
  readonly name = "replay";
  readonly #options: ReplayAgentOptions;

  constructor(options: ReplayAgentOptions) {
    this.#options = options;
  }

  async run(
    _task: AgentTask,
    workspace: Workspace,
    _limits: AgentLimits,
    signal: AbortSignal,
  ): Promise<AgentRun> {
    const { commit, build, now } = this.#options;
    const startedAt = now();
    signal.throwIfAborted();
    // Index and files both set to the commit's tree; tracked files it does not have are removed.
    await runGit(["read-tree", "-u", "--reset", commit], workspace.path);
    const committed = await commitWorkspace(workspace, `replay ${build} (${commit})`);
    const summary = `Replayed ${build}: ${committed.filesChanged.length} file(s) of ${commit}.`;
    await mkdir(workspace.artifactsFolder, { recursive: true });
    const transcript = join(workspace.artifactsFolder, "replay-transcript.txt");
    await writeFile(transcript, `${summary}\n${committed.filesChanged.join("\n")}\n`);
    return {
      agent: this.name,
      status: "succeeded",
      summary,
      ...(committed.commit === undefined ? {} : { commit: committed.commit }),
      filesChanged: committed.filesChanged,
      turns: 0,
      tokens: noAgentTokens,
      computedCostMicroUsd: 0,
      durationMs: Math.max(now() - startedAt, 0),
      transcript,
      injectedFaults: [],
    };
  }
}
