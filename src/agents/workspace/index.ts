/** Workspaces for agent runs: git worktrees on their own branches, their commits and transcripts. */
export { commitWorkspace, type WorkspaceCommit } from "./commit-workspace.js";
export { type TranscriptFormat, transcriptPath } from "./transcript.js";
export {
  WorkspaceManager,
  type WorkspaceManagerOptions,
  type WorkspaceRequest,
} from "./workspace-manager.js";
