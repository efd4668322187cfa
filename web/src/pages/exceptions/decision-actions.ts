/**
 * How each decision reads on a button and on hover. Which decisions fit which exception is the
 * contract's `decisionsForReason`, the list `shopfloor exceptions` suggests from too.
 */
import type { DecisionAction } from "../../../../src/contracts/work-item.js";

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
