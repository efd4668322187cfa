/**
 * One example through the part of the line that exists: its spec read, a holdout suite generated and
 * stored, the testing cost reserved in the ledger, the suite run against the build in the sandbox,
 * the gate's verdict, and the actual cost and outcome recorded.
 */
import { join } from "node:path";
import type { QualityProfile } from "../../../contracts/quality-profile.js";
import type { ScenarioCounts } from "../../../contracts/spec.js";
import { defaultScenarioCounts } from "../../../contracts/spec.js";
import { criteriaEvidence, evaluateGate, scenarioOutcomes } from "../../../gate/index.js";
import type { Ledger } from "../../../ledger/ledger.js";
import { machineCostMicroUsd, machineRate } from "../../../ledger/machine-rates.js";
import { loadSpec } from "../../../requirements/load-spec.js";
import type { Sandbox } from "../../../runners/sandbox/sandbox.js";
import { runTrialSession } from "../../../runners/trial-session.js";
import { generateSuite } from "../../../scenarios/generate/generate-suite.js";
import type { SuiteStore } from "../../../scenarios/store/suite-store.js";
import type { CliIo } from "../../cli-io.js";
import { renderCriteriaReport } from "../../criteria-report.js";
import { renderGateReport } from "../../gate-report.js";
import { ProgressLine } from "../../progress-line.js";
import type { DemoExample } from "./demo-examples.js";

export interface ExampleRun {
  io: CliIo;
  root: string;
  store: SuiteStore;
  ledger: Ledger;
  sandbox: Sandbox;
  profile: QualityProfile;
  seed: number;
  rates: Parameters<typeof machineRate>[1];
}

/** A generous guess of a trial's CPU time, reserved before the trials run and settled after. */
const estimatedCpuSecondsPerTrial = 0.2;

export async function runExample(example: DemoExample, run: ExampleRun): Promise<string> {
  const { io, root, ledger } = run;
  const spec = await loadSpec(join(root, example.spec), { workingDirectory: root });
  const counts: ScenarioCounts = { ...defaultScenarioCounts, ...spec.frontMatter.scenarios };
  const generated = generateSuite(spec, { seed: run.seed, counts });
  const stored = await run.store.save({ header: generated.header, scenarios: generated.scenarios });
  const reference = `${stored.name}@${stored.version}`;
  const covered = generated.coverage.filter((criterion) => criterion.scenarios.length > 0).length;
  io.stdout(
    `scenarios: ${reference} — ${stored.counts.normal} normal, ${stored.counts.edge} edge, ${stored.counts.malicious} malicious; ${covered} of ${generated.coverage.length} acceptance criteria covered\n`,
  );

  const suite = await run.store.load(reference);
  const rate = machineRate("trial", run.rates);
  const estimate = machineCostMicroUsd(
    { cpuSeconds: suite.scenarios.length * estimatedCpuSecondsPerTrial, wallSeconds: 0 },
    rate,
  );
  const workItem = example.name;
  const reservation = await ledger.reserve({
    category: "testing",
    amountMicroUsd: Math.max(estimate, 1),
    workItem,
    station: "trials",
  });
  if (!reservation.granted) return `skipped: ${reservation.refusal.reason}`;

  const buildFolder = join(root, example.build.folder);
  const now = () => performance.now();
  const progress = new ProgressLine(io.progress, suite.scenarios.length, now);
  const session = await runTrialSession({
    suite,
    sandbox: run.sandbox,
    ...(example.build.kind === "http"
      ? {
          target: {
            kind: "start" as const,
            command: example.build.command,
            readyPath: spec.model?.kind === "http-service" ? spec.model.model.http.health : "/",
            readyTimeoutMs: 15_000,
            workDirectory: buildFolder,
            readOnlyPaths: [buildFolder],
          },
        }
      : { buildFolder }),
    runId: Date.now().toString(36),
    onResult: (result) => progress.record(result),
    now,
  }).finally(() => progress.finish());
  const { summary, usage } = session;
  await ledger.settle(reservation.reservation.id, [
    {
      kind: "machine",
      work: "trial",
      category: "testing",
      cpuSeconds: usage.cpuSeconds,
      wallSeconds: usage.wallSeconds,
      workItem,
      station: "trials",
    },
  ]);
  io.stdout(
    `trials: ${summary.results.length} in ${usage.wallSeconds.toFixed(1)} s, ${usage.cpuSeconds.toFixed(1)} CPU-seconds${run.sandbox.isolating ? ", each in the bubblewrap sandbox" : ", without a sandbox"}\n\n`,
  );
  const verdict = evaluateGate(summary.results, run.profile, { source: reference });
  io.stdout(renderGateReport(verdict, reference));
  if (suite.header.criteria) {
    const evidence = criteriaEvidence(
      suite.header.criteria,
      suite.scenarios,
      scenarioOutcomes(summary.results),
    );
    io.stdout(`\n${renderCriteriaReport(evidence)}`);
  }
  const outcome =
    verdict.decision === "approve"
      ? "approved"
      : verdict.decision === "regenerate"
        ? "rejected"
        : "escalated";
  await ledger.recordOutcome({ workItem, outcome });
  return verdict.decision;
}
