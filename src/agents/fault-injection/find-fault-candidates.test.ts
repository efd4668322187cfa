import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyEdit, faultKinds } from "./fault-candidate.js";
import { findFaultCandidates } from "./find-fault-candidates.js";
import { syntaxErrors } from "./source-syntax.js";

const inventoryServer = readFileSync(
  new URL("../../../examples/inventory-api/build/server.mjs", import.meta.url),
  "utf8",
);

describe("findFaultCandidates", () => {
  it("finds every kind in the hand-written inventory build, each leaving code that parses", () => {
    const candidates = findFaultCandidates("server.mjs", inventoryServer);
    const counts = Object.fromEntries(
      faultKinds.map((kind) => [kind, candidates.filter((each) => each.kind === kind).length]),
    );
    expect(counts).toEqual({
      "drop-validation": 17,
      "flip-comparison": 12,
      "break-error-path": 14,
      "off-by-one": 10,
    });
    for (const candidate of candidates) {
      expect(syntaxErrors("server.mjs", applyEdit(inventoryServer, candidate.edit))).toEqual([]);
      expect(candidate.file).toBe("server.mjs");
    }
  });

  it("lists kinds in their order, each in the order of the file", () => {
    const candidates = findFaultCandidates("server.mjs", inventoryServer);
    const kinds = candidates.map((candidate) => faultKinds.indexOf(candidate.kind));
    expect(kinds).toEqual([...kinds].sort((first, second) => first - second));
    const drops = candidates.filter((candidate) => candidate.kind === "drop-validation");
    expect(drops.map((candidate) => candidate.line)).toEqual(
      drops.map((candidate) => candidate.line).sort((first, second) => first - second),
    );
  });

  it("gives only the asked-for kinds", () => {
    const candidates = findFaultCandidates("server.mjs", inventoryServer, ["off-by-one"]);
    expect(new Set(candidates.map((candidate) => candidate.kind))).toEqual(new Set(["off-by-one"]));
  });

  it("gives nothing for a file that does not parse, or has no sites", () => {
    expect(findFaultCandidates("a.js", "if (a < ) { return send(r, 400); }")).toEqual([]);
    expect(findFaultCandidates("a.js", "export const greeting = 'hello';\n")).toEqual([]);
  });
});
