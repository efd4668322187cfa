/** The exit codes of `shopfloor`, documented in the README; scripts and CI jobs branch on them. */
import type { GateDecision } from "../contracts/index.js";

export const exitCodes = {
  success: 0,
  approve: 0,
  regenerate: 1,
  /** Bad input, bad usage, or a file that cannot be read. */
  usage: 2,
  moreTrials: 3,
  /** A fault of shopfloor itself. */
  internal: 70,
} as const;

export function exitCodeForDecision(decision: GateDecision): number {
  switch (decision) {
    case "approve":
      return exitCodes.approve;
    case "regenerate":
      return exitCodes.regenerate;
    case "more-trials":
      return exitCodes.moreTrials;
  }
}
