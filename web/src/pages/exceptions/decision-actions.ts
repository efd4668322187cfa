/**
 * Which decisions fit which exception, the likeliest first (as `shopfloor exceptions` suggests them),
 * and how each reads on a button.
 */
import type { DecisionAction, ExceptionReason } from "../../../../src/contracts/work-item.js";

export const actionsForReason: Record<ExceptionReason, readonly DecisionAction[]> = {
  "spec-too-vague": ["clarify", "approve", "reject"],
  "retries-spent": ["retry", "change-profile", "approve", "reject"],
  "budget-reached": ["raise-budget", "retry", "reject"],
  "inconclusive-gate": ["change-profile", "retry", "approve", "reject"],
  "agent-cannot-build": ["retry", "clarify", "reject"],
  "deploy-failed": ["retry", "reject"],
  "monitor-regression": ["retry", "reject"],
};

export const actionLabels: Record<DecisionAction, string> = {
  approve: "Approve",
  reject: "Reject",
  retry: "Retry",
  clarify: "Clarify with a new spec",
  "change-profile": "Judge under another profile",
  "raise-budget": "Raise the daily budget",
};

/** What each action does, said on hover. */
export const actionHints: Record<DecisionAction, string> = {
  approve: "Approve the item with its closest build",
  reject: "Reject the item; nothing more is spent on it",
  retry: "One more attempt (a release that did not go live is deployed again)",
  clarify: "A new item goes down the line with this spec; this one is rejected",
  "change-profile": "Judge the item again under the chosen profile",
  "raise-budget": "Set a new daily budget and run the refused work again",
};
