import { describe, expect, it } from "vitest";
import { findBreakErrorPath } from "./break-error-path.js";
import { applyEdit } from "./fault-candidate.js";
import { parseSource, syntaxErrors } from "./source-syntax.js";

function broken(file: string, code: string) {
  return findBreakErrorPath(parseSource(file, code), file).map((candidate) => ({
    line: candidate.line,
    description: candidate.description,
    mutated: applyEdit(code, candidate.edit),
  }));
}

describe("findBreakErrorPath", () => {
  it("turns a 4xx answer into 500, in a guard or in a helper", () => {
    const code = [
      "function notFound(response) {",
      "  return send(response, 404, { error: 'no such id' });",
      "}",
      "function create(response, body) {",
      "  if (!body) return res.status(422).json({ error: 'empty' });",
      "  return send(response, 201, body);",
      "}",
    ].join("\n");
    const candidates = broken("a.js", code);
    expect(candidates.map(({ line, description }) => [line, description])).toEqual([
      [2, `"return send(response, 404, { error: 'no such id' …" answers 500 instead of 404`],
      [5, `"return res.status(422).json({ error: 'empty' });" answers 500 instead of 422`],
    ]);
    expect(candidates[1]?.mutated.split("\n")[4]).toBe(
      "  if (!body) return res.status(500).json({ error: 'empty' });",
    );
  });

  it("turns a named status into 500 where the refusal is made, and a stored refusal's status", () => {
    const code = [
      "const statuses = { validation: 400, notFound: 404 };",
      "function create(body: Body): Reply {",
      "  const tooLarge = refusal(413, 'too large');",
      "  if (body.size > 10) return { ok: false, reply: tooLarge };",
      "  if (!valid(body)) return refusal(statuses.validation, 'invalid');",
      "  return { status: 201, body };",
      "}",
    ].join("\n");
    const candidates = broken("a.ts", code);
    expect(candidates.map(({ line, description }) => [line, description])).toEqual([
      [3, `"tooLarge = refusal(413, 'too large')" answers 500 instead of 413`],
      [
        5,
        `"return refusal(statuses.validation, 'invalid');" answers 500 instead of 400 (statuses.validation)`,
      ],
    ]);
    expect(candidates[1]?.mutated.split("\n")[4]).toBe(
      "  if (!valid(body)) return refusal(500, 'invalid');",
    );
    expect(candidates[1]?.mutated.split("\n")[0]).toBe(code.split("\n")[0]);
  });

  it("makes a catch rethrow what it caught, naming the error when the catch did not", () => {
    const code = [
      "function parse(text: string, response: Response) {",
      "  try {",
      "    return JSON.parse(text);",
      "  } catch (error: unknown) {",
      "    log(error);",
      "    return undefined;",
      "  }",
      "}",
      "function decode(segment: string) {",
      "  try { return decodeURIComponent(segment); } catch { return segment; }",
      "}",
    ].join("\n");
    const candidates = broken("a.ts", code);
    expect(candidates.map((candidate) => candidate.line)).toEqual([4, 10]);
    expect(candidates[0]?.description).toBe(
      'the catch on line 4 rethrows instead of handling the error with "{ log(error); return undefined; }"',
    );
    expect(candidates[0]?.mutated.split("\n").slice(3, 5)).toEqual([
      "  } catch (error: unknown) { throw error; }",
      "}",
    ]);
    expect(candidates[1]?.mutated.split("\n")[9]).toBe(
      "  try { return decodeURIComponent(segment); } catch (caught) { throw caught; }",
    );
    for (const candidate of candidates) expect(syntaxErrors("a.ts", candidate.mutated)).toEqual([]);
  });

  it("leaves a catch that already rethrows, and success answers, alone", () => {
    const code = [
      "try { f(); } catch (error) { throw error; }",
      "function ok(response) { return send(response, 200, {}); }",
    ].join("\n");
    expect(broken("a.js", code)).toEqual([]);
  });
});
