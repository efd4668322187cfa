/**
 * Gate throughput: how long parsing and gating a large results file takes, so that a run of thousands of
 * trials is never waiting on the statistics.
 */
import { performance } from "node:perf_hooks";
import { parseJsonLines, TrialResult } from "../src/contracts/index.js";
import { builtInProfiles, evaluateGate } from "../src/gate/index.js";
import { bernoulli, seededRandom } from "../src/stats/index.js";

export function runGateBenchmarks(print: (line: string) => void): void {
  const profile = builtInProfiles[0];
  if (!profile) throw new Error("no built-in profile");
  print("gate throughput (admin profile)");
  for (const trialCount of [180, 10_000, 100_000]) {
    const text = resultsText(trialCount);
    const parseStart = performance.now();
    const results = parseJsonLines(text, TrialResult, "bench");
    const parseMs = performance.now() - parseStart;
    const gateStart = performance.now();
    const verdict = evaluateGate(results, profile);
    const gateMs = performance.now() - gateStart;
    print(
      `  ${String(trialCount).padStart(7)} trials: parse ${parseMs.toFixed(1).padStart(7)} ms, gate ${gateMs.toFixed(1).padStart(7)} ms → ${verdict.decision}`,
    );
  }
}

function resultsText(trialCount: number): string {
  const random = seededRandom(7);
  const categories = ["normal", "edge", "malicious"] as const;
  const lines: string[] = [];
  for (let index = 0; index < trialCount; index += 1) {
    const category = categories[index % 3] ?? "normal";
    const pass = bernoulli(random, 0.995);
    lines.push(
      JSON.stringify({
        scenario: `${category}/scenario-${index}`,
        category,
        pass,
        durationMs: Math.round(5 + random() * 200),
        ...(pass ? {} : { error: `step 1 (GET /items/${index}): expected status 200, got 500` }),
      }),
    );
  }
  return lines.join("\n");
}
