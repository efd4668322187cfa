/**
 * The prompt a coding CLI gets: what to build (the station's instructions), the spec as written, and on
 * regeneration what the gate found in the previous build. The same text for every CLI.
 */
import type { AgentTask } from "../agent.js";
import { renderFeedback } from "../feedback.js";

export function buildAgentPrompt(task: AgentTask): string {
  const sections = [
    `# Work item ${task.workItem}, attempt ${task.attempt}`,
    task.instructions.trim(),
    "## The spec\n\nThe spec below is the whole of what the build must do.\n\n<spec>\n" +
      `${task.specText.trim()}\n</spec>`,
  ];
  if (task.feedback !== undefined) sections.push(renderFeedback(task.feedback).trim());
  sections.push(
    "Work in the current directory only, and leave the build there. Do not commit: the factory " +
      "commits what you leave. End with a sentence or two saying what you did.",
  );
  return `${sections.join("\n\n")}\n`;
}
