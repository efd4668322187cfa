/** Where an agent run's transcript goes: in the workspace's artifacts folder, outside the worktree. */
import { join } from "node:path";
import type { Workspace } from "../agent.js";

/** `jsonl` for agents that stream JSON events, `txt` for those that print text (aider). */
export type TranscriptFormat = "jsonl" | "txt";

/** `<artifactsFolder>/<agent>-transcript.jsonl` (or `.txt`). */
export function transcriptPath(
  workspace: Workspace,
  agentName: string,
  format: TranscriptFormat = "jsonl",
): string {
  return join(workspace.artifactsFolder, `${agentName}-transcript.${format}`);
}
