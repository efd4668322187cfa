/**
 * Test support: a week of a small factory's work recorded through the ledger, seeded so it is the same
 * on every run: work items going through intake, build (three agents, three models), scenario
 * generation, trials (machine time and an LLM judge, one of them a local model with no price), deploy and
 * monitoring; outcomes and test runs for the economics.
 */

import type { CostCharge } from "../../../src/ledger/price-charge.js";
import { seededRandom } from "../../../src/stats/random.js";
import type { TemporaryLedger } from "./ledger-database.js";

/** The week, and the moment it is recorded up to: 15:00 UTC on its last day. */
export const realisticWeek = {
  since: "2026-11-18",
  until: "2026-11-24",
  now: "2026-11-24T15:00:00.000Z",
} as const;

const builders = [
  { agent: "claude", model: "claude-sonnet-4-5", provider: "anthropic" },
  { agent: "codex", model: "gpt-5", provider: "openai" },
  { agent: "llm", model: "gpt-4o", provider: "openai" },
] as const;

export async function recordRealisticWeek(subject: TemporaryLedger): Promise<void> {
  const random = seededRandom(20261124);
  const between = (low: number, high: number) => Math.round(low + random() * (high - low));
  for (let day = 0; day < 7; day += 1) {
    const itemsToday = between(18, 26);
    for (let item = 0; item < itemsToday; item += 1) {
      const at = Date.UTC(2026, 10, 18 + day, 0, 30 + item * 50 + between(0, 40));
      if (at > Date.parse(realisticWeek.now)) return;
      subject.clock.set(new Date(at).toISOString());
      const workItem = `wi-${day + 1}-${item + 1}`;
      const builder = builders[between(0, builders.length - 1)] ?? builders[0];
      const input = between(2_000_000, 9_000_000);
      const charges: CostCharge[] = [
        {
          kind: "model",
          model: "gpt-5-mini",
          provider: "openai",
          workItem,
          station: "intake",
          agent: "lint",
          tokens: { inputTokens: between(4_000, 12_000), outputTokens: between(500, 2_000) },
        },
        {
          kind: "model",
          model: builder.model,
          provider: builder.provider,
          workItem,
          station: "build",
          agent: builder.agent,
          tokens: {
            inputTokens: input,
            cachedInputTokens: Math.round(input * 0.6),
            outputTokens: between(20_000, 80_000),
            reasoningTokens: builder.agent === "codex" ? between(5_000, 15_000) : 0,
          },
        },
        {
          kind: "model",
          model: "gpt-4o-mini",
          provider: "openai",
          workItem,
          station: "scenarios",
          agent: "generator",
          tokens: {
            inputTokens: between(200_000, 600_000),
            outputTokens: between(300_000, 900_000),
          },
        },
        {
          kind: "machine",
          work: "trial",
          workItem,
          station: "trials",
          run: `${workItem}-run`,
          cpuSeconds: between(600, 5_400),
          wallSeconds: between(120, 900),
        },
        {
          kind: "model",
          model: random() < 0.15 ? "llama3.1:8b" : "gpt-4o",
          provider: "openai-compatible",
          category: "testing",
          workItem,
          station: "trials",
          agent: "judge",
          tokens: {
            inputTokens: between(3_000_000, 9_000_000),
            outputTokens: between(200_000, 600_000),
          },
        },
        {
          kind: "machine",
          work: "build",
          workItem,
          station: "build",
          cpuSeconds: between(30, 300),
          wallSeconds: between(60, 600),
        },
      ];
      await subject.ledger.record(charges);
      const trialsRun = between(40, 180);
      await subject.ledger.recordTestRun({ workItem, trialsRun, fixedPlanTrials: 180 });
      const approved = random() < 0.7;
      await subject.ledger.recordOutcome({ workItem, outcome: approved ? "approved" : "rejected" });
      if (approved) {
        await subject.ledger.record([
          {
            kind: "machine",
            work: "build",
            workItem,
            station: "deploy",
            cpuSeconds: between(10, 60),
            wallSeconds: between(60, 240),
          },
          {
            kind: "machine",
            work: "probe",
            workItem,
            station: "monitor",
            cpuSeconds: between(300, 3_600),
            wallSeconds: 0,
          },
        ]);
      }
    }
  }
}
