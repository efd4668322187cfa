/**
 * What the scaffold says about the gate's feedback on a regeneration. It builds only from the spec's
 * model, so it writes the same service again and cannot act on the feedback beyond that; the note says
 * so honestly and names the categories that fell short, so a person knows what to change in the model
 * (or which coding agent to use instead).
 */
import type { FeedbackReport } from "../../contracts/agent-run.js";

type CategoryReport = FeedbackReport["categories"][number];

function fellShort(category: CategoryReport): boolean {
  if (category.passRate !== null && category.threshold !== null) {
    return category.passRate < category.threshold;
  }
  return category.failed > 0;
}

function describe(category: CategoryReport): string {
  const total = category.passed + category.failed;
  const needs =
    category.threshold === null ? "" : `, needs ${Math.round(category.threshold * 1000) / 10}%`;
  return `${category.category} (${category.passed} of ${total} passed${needs})`;
}

export function feedbackNote(feedback: FeedbackReport): string {
  const failing = feedback.categories.filter(fellShort).map(describe);
  const named = failing.length === 0 ? "" : `: ${failing.join(", ")} fell short`;
  return (
    `The gate's feedback (${feedback.decision}${named}) cannot be acted on: the scaffold builds only ` +
    "from the spec's model, so it wrote the same service again. To change the outcome, change the " +
    "model or use a coding agent."
  );
}
