import { describe, expect, it } from "vitest";
import { bareSpec } from "../../../test/support/bare-spec.js";
import type { FeedbackReport } from "../../contracts/agent-run.js";
import type { AgentTask } from "../agent.js";
import { continuePrompt, llmSystemPrompt, llmTaskPrompt } from "./llm-prompt.js";

const task: AgentTask = {
  workItem: "todo-api",
  spec: bareSpec("todo-api", "http-service"),
  specText: "---\nname: todo-api\n---\n# Todo API\n\nKeeps todos.\n",
  instructions: "Build the service in this repository.\n",
  attempt: 1,
};

const feedback: FeedbackReport = {
  decision: "regenerate",
  reason: "normal scenarios pass 80.0%, below 95.0%",
  categories: [{ category: "normal", passed: 8, failed: 2, passRate: 0.8, threshold: 0.95 }],
  errorClusters: [{ signature: "status 500 != 201", count: 2, example: "expected 201, got 500" }],
  examples: [{ title: "Creates a todo", error: "expected 201, got 500" }],
};

describe("llmSystemPrompt", () => {
  it("names the tools, the worktree, and the checks that end the run", () => {
    const prompt = llmSystemPrompt(["npm", "test"]);
    for (const name of [
      "read_file",
      "write_file",
      "edit_file",
      "list_files",
      "search",
      "run_command",
    ]) {
      expect(prompt).toContain(name);
    }
    expect(prompt).toContain("git worktree");
    expect(prompt).toContain("(`npm test`)");
    expect(prompt).toContain("The run ends only when finish reports that the checks passed.");
  });

  it("says finish simply ends the run when there are no checks", () => {
    const prompt = llmSystemPrompt(undefined);
    expect(prompt).toContain(
      "call finish with a short summary of what you built; that ends the run",
    );
    expect(prompt).not.toContain("checks passed");
  });
});

describe("llmTaskPrompt", () => {
  it("gives the instructions and the spec as written", () => {
    expect(llmTaskPrompt(task)).toBe(
      [
        "# Task (work item todo-api, attempt 1)",
        "",
        "Build the service in this repository.",
        "",
        "# The spec",
        "",
        "---\nname: todo-api\n---\n# Todo API\n\nKeeps todos.",
      ].join("\n"),
    );
  });

  it("adds what the gate found on regeneration, without any scenario's steps", () => {
    const prompt = llmTaskPrompt({ ...task, attempt: 2, feedback });
    expect(prompt).toContain("attempt 2");
    expect(prompt).toContain("# Feedback");
    expect(prompt).toContain("normal scenarios pass 80.0%, below 95.0%");
    expect(prompt).toContain("status 500 != 201");
    expect(prompt).toContain('"Creates a todo": expected 201, got 500');
    expect(prompt.indexOf("# The spec")).toBeLessThan(prompt.indexOf("# Feedback"));
  });
});

describe("continuePrompt", () => {
  it("tells a model that stopped talking to go on and call finish", () => {
    expect(continuePrompt(true)).toMatch(/call finish .* the run ends only when the checks pass/);
    expect(continuePrompt(false)).toMatch(/call finish when the work is done\.$/);
  });
});
