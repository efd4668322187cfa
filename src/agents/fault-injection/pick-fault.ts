/**
 * Choosing the fault to inject from two uniform draws: first a kind among those with at least one
 * candidate (so a kind with many sites, like `flip-comparison`, is not picked more often than one with
 * few), then a candidate of that kind. The same draws and candidates give the same fault.
 */
import { type AnyFaultCandidate, allFaultKinds } from "./fault-candidate.js";

export function pickFault(
  candidates: readonly AnyFaultCandidate[],
  kindDraw: number,
  candidateDraw: number,
): AnyFaultCandidate | undefined {
  const kinds = allFaultKinds.filter((kind) => candidates.some((each) => each.kind === kind));
  const kind = kinds[Math.floor(kindDraw * kinds.length)];
  const ofKind = candidates.filter((each) => each.kind === kind);
  return ofKind[Math.floor(candidateDraw * ofKind.length)];
}
