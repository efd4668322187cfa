import { describe, expect, it } from "vitest";
import { transcriptPath } from "./transcript.js";

const workspace = {
  path: "/work/worktrees/w/r",
  branch: "shopfloor/w/r",
  baseCommit: "0".repeat(40),
  artifactsFolder: "/work/artifacts/w/r",
};

describe("transcriptPath", () => {
  it("puts the transcript in the artifacts folder, named after the agent", () => {
    expect(transcriptPath(workspace, "claude")).toBe("/work/artifacts/w/r/claude-transcript.jsonl");
    expect(transcriptPath(workspace, "aider", "txt")).toBe(
      "/work/artifacts/w/r/aider-transcript.txt",
    );
  });
});
