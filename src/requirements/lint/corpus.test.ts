import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CorpusSentence, evaluateCorpus, firedRules, parseCorpus } from "./corpus.js";

const corpusPath = join(
  import.meta.dirname,
  "../../../test/fixtures/requirements-corpus/sentences.jsonl",
);
const corpus = parseCorpus(readFileSync(corpusPath, "utf8"), "sentences.jsonl");

describe("the requirements corpus", () => {
  it("holds at least 60 labelled sentences, clear and unclear, several per sentence rule", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(corpus.filter((sentence) => sentence.expected.length === 0).length).toBeGreaterThan(20);
    for (const rule of [
      "vague-word",
      "unmeasurable-quantity",
      "passive-without-actor",
      "weak-modal",
      "untestable-criterion",
    ]) {
      const labelled = corpus.filter((sentence) => sentence.expected.includes(rule as never));
      expect(labelled.length, rule).toBeGreaterThanOrEqual(5);
    }
    expect(corpus.filter((sentence) => sentence.set === "held-out").length).toBeGreaterThanOrEqual(
      30,
    );
  });

  it("keeps precision and recall of the sentence rules above their floors", () => {
    const all = evaluateCorpus(corpus);
    expect(all.overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(all.overall.recall).toBeGreaterThanOrEqual(0.85);
    for (const rule of all.rules) {
      expect(rule.precision, rule.rule).toBeGreaterThanOrEqual(0.8);
      expect(rule.recall, rule.rule).toBeGreaterThanOrEqual(0.75);
    }
    const heldOut = evaluateCorpus(corpus.filter((sentence) => sentence.set === "held-out"));
    expect(heldOut.overall.precision).toBeGreaterThanOrEqual(0.85);
    expect(heldOut.overall.recall).toBeGreaterThanOrEqual(0.75);
  });
});

describe("evaluateCorpus", () => {
  const sentence = (text: string, expected: CorpusSentence["expected"], criterion = false) => ({
    text,
    expected,
    criterion,
    set: "development" as const,
  });

  it("counts true and false positives and negatives per rule and over all", () => {
    const evaluation = evaluateCorpus([
      sentence("The app must be fast.", ["vague-word"]),
      sentence("The API must be quick.", []),
      sentence("Data is kept.", ["passive-without-actor"]),
    ]);
    const vague = evaluation.rules.find((rule) => rule.rule === "vague-word");
    expect(vague).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 0,
      precision: 0.5,
      recall: 1,
    });
    expect(vague?.f1).toBeCloseTo(2 / 3, 10);
    expect(evaluation.overall).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
    });
    expect(evaluation.disagreements.map((entry) => entry.text)).toEqual([
      "The API must be quick.",
      "Data is kept.",
    ]);
  });

  it("reads a criterion for testability and masks its code", () => {
    expect(firedRules(sentence("The list is paged.", [], true))).toEqual(["untestable-criterion"]);
    expect(firedRules(sentence("`GET /fast` → 200", [], true))).toEqual([]);
  });
});
