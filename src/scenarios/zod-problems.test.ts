import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  closestName,
  parseMessages,
  problemsFromIssues,
  unknownKeyMessage,
} from "./zod-problems.js";

const Step = z.strictObject({
  name: z.string(),
  status: z.union([z.int(), z.array(z.int())]),
  labels: z.record(z.string().regex(/^\w+$/, "a label is a word"), z.string()).optional(),
});

function problems(value: unknown) {
  const parsed = Step.safeParse(value, { error: parseMessages });
  if (parsed.success) return [];
  return problemsFromIssues(parsed.error.issues, () => Object.keys(Step.shape), ["steps", 0]);
}

describe("problemsFromIssues", () => {
  it("says a missing key is required", () => {
    expect(problems({ status: 1 })).toEqual([
      { path: ["steps", 0, "name"], message: "required (string)" },
    ]);
  });

  it("reports each unknown key at the key, with a suggestion", () => {
    expect(problems({ name: "a", status: 1, stauts: 2, zzz: 3 })).toEqual([
      { path: ["steps", 0, "stauts"], message: 'unknown key "stauts"; did you mean "status"?' },
      {
        path: ["steps", 0, "zzz"],
        message: 'unknown key "zzz"; the keys here are name, status, labels',
      },
    ]);
  });

  it("spells out the alternatives of a union", () => {
    expect(problems({ name: "a", status: true })).toEqual([
      { path: ["steps", 0, "status"], message: "expected number or array" },
    ]);
    expect(problems({ name: "a" })).toEqual([
      { path: ["steps", 0, "status"], message: "required (number or array)" },
    ]);
  });

  it("gives the message of a bad record key", () => {
    expect(problems({ name: "a", status: 1, labels: { "not a word": "x" } })).toEqual([
      { path: ["steps", 0, "labels", "not a word"], message: "a label is a word" },
    ]);
  });
});

describe("closestName", () => {
  it("finds near misses and nothing for unrelated words", () => {
    expect(closestName("requst", ["request", "expect", "capture"])).toBe("request");
    expect(closestName("Expect", ["request", "expect"])).toBe("expect");
    expect(closestName("titel", ["id", "title"])).toBe("title");
    expect(closestName("banana", ["request", "expect"])).toBeUndefined();
    expect(unknownKeyMessage("x", undefined)).toBe('unknown key "x"');
  });
});
