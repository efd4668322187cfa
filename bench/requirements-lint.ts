/**
 * Requirements-lint figures: how well the sentence rules agree with the labelled corpus (precision,
 * recall and F1 per rule, over all sentences and over the held-out ones the rules were never tuned on),
 * and how long linting one spec takes. The agreement figures are exact and repeat on every run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { packageRoot } from "../src/cli/package-root.js";
import {
  type CorpusEvaluation,
  evaluateCorpus,
  lintSpec,
  parseCorpus,
} from "../src/requirements/lint/index.js";
import { parseSpec } from "../src/requirements/parse-spec.js";

type Print = (line: string) => void;

const specs = [
  "examples/todo-api/spec.md",
  "examples/inventory-api/spec.md",
  "examples/tempconv/spec.md",
  "test/fixtures/requirements-corpus/vague-shop.md",
];
const warmUps = 20;
const repetitions = 200;

export async function runRequirementsLintBenchmark(print: Print): Promise<void> {
  const root = packageRoot();
  const corpusPath = join(root, "test/fixtures/requirements-corpus/sentences.jsonl");
  const corpus = parseCorpus(readFileSync(corpusPath, "utf8"), corpusPath);
  print("");
  print(
    `requirements lint: sentence rules against the labelled corpus (${corpus.length} sentences)`,
  );
  printAgreement(print, "all sentences", evaluateCorpus(corpus));
  const heldOut = corpus.filter((sentence) => sentence.set === "held-out");
  printAgreement(print, "held-out sentences (never tuned on)", evaluateCorpus(heldOut));
  print(
    `requirements lint: time per spec (mean of ${repetitions} runs after ${warmUps}, parsed once)`,
  );
  for (const path of specs) {
    const markdown = readFileSync(join(root, path), "utf8");
    const parseStart = performance.now();
    const spec = await parseSpec(markdown, path);
    const parseMs = performance.now() - parseStart;
    const start = performance.now();
    let report = lintSpec(spec, { minimumScore: 60, markdown });
    for (let run = 1; run < repetitions; run += 1)
      report = lintSpec(spec, { minimumScore: 60, markdown });
    const lintMs = (performance.now() - start) / repetitions;
    print(
      `  ${path.padEnd(48)} lint ${lintMs.toFixed(2).padStart(6)} ms (parse ${parseMs.toFixed(1)} ms) → score ${report.score}, ${report.findings.length} findings`,
    );
  }
}

function printAgreement(print: Print, title: string, evaluation: CorpusEvaluation): void {
  print(`  ${title}: ${evaluation.sentences}`);
  print(
    `    ${"rule".padEnd(24)} ${"tp".padStart(3)} ${"fp".padStart(3)} ${"fn".padStart(3)}  precision  recall  F1`,
  );
  for (const row of [...evaluation.rules, evaluation.overall]) {
    print(
      `    ${row.rule.padEnd(24)} ${String(row.truePositives).padStart(3)} ${String(row.falsePositives).padStart(3)} ${String(row.falseNegatives).padStart(3)}  ${row.precision.toFixed(3).padStart(9)}  ${row.recall.toFixed(3).padStart(6)}  ${row.f1.toFixed(3)}`,
    );
  }
}
