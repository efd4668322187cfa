import { describe, expect, it } from "vitest";
import { findDropValidation } from "./drop-validation.js";
import { applyEdit } from "./fault-candidate.js";
import { parseSource, syntaxErrors } from "./source-syntax.js";

function dropped(file: string, code: string) {
  return findDropValidation(parseSource(file, code), file).map((candidate) => ({
    line: candidate.line,
    description: candidate.description,
    mutated: applyEdit(code, candidate.edit),
  }));
}

describe("findDropValidation", () => {
  it("removes a guard with its lines, and the code still parses", () => {
    const code = [
      "export function create(response: Response, body: Body) {",
      "  if (body.quantity < 1) {",
      '    return send(response, 400, { error: "quantity must be at least 1" });',
      "  }",
      "  return send(response, 201, store(body));",
      "}",
      "",
    ].join("\n");
    const [candidate, ...others] = dropped("server.ts", code);
    expect(others).toEqual([]);
    expect(candidate?.line).toBe(2);
    expect(candidate?.description).toBe(
      'removed the guard "if (body.quantity < 1)" that refused with "return send(response, 400, { error: "quantity mus…"',
    );
    expect(candidate?.mutated).toBe(
      [
        "export function create(response: Response, body: Body) {",
        "  return send(response, 201, store(body));",
        "}",
        "",
      ].join("\n"),
    );
    expect(syntaxErrors("server.ts", candidate?.mutated ?? "")).toEqual([]);
  });

  it("finds guards that call a helper or throw a validation error", () => {
    const code = [
      "function notFound(response) { return send(response, 404, { error: 'no such id' }); }",
      "function read(id, response) {",
      "  const item = items.get(id);",
      "  if (!item) return notFound(response);",
      "  if (id.length > 36) throw new ValidationError('id too long');",
      "  return send(response, 200, item);",
      "}",
    ].join("\n");
    expect(dropped("server.mjs", code).map((candidate) => candidate.line)).toEqual([4, 5]);
    expect(dropped("server.mjs", code)[0]?.mutated).not.toContain("if (!item)");
  });

  it("finds the guards of a build that returns its refusals as values", () => {
    const code = [
      "const statuses = { validation: 400 };",
      "async function readJson(request: Request): Promise<JsonBody> {",
      "  if (!isJson(request)) {",
      "    return { ok: false, reply: refusal(415, 'the body must be application/json') };",
      "  }",
      "  const body = await read(request);",
      "  if (!body.ok) return body.reply;",
      "  if (!valid(body.value)) return { ok: false, reply: refusal(statuses.validation, 'invalid') };",
      "  return { ok: true, value: body.value };",
      "}",
    ].join("\n");
    expect(dropped("server.ts", code).map((candidate) => candidate.line)).toEqual([3, 8]);
  });

  it("turns a guard that is the body of another statement into an empty block", () => {
    const code = [
      "function check(a, response) {",
      "  if (a === 1) return one(); else if (a > 9) return send(response, 400, {});",
      "  for (const item of a) if (item < 0) return send(response, 422, {});",
      "  return send(response, 200, {});",
      "}",
    ].join("\n");
    const mutated = dropped("a.js", code).map((candidate) => candidate.mutated.split("\n"));
    expect(mutated.map((lines) => [lines[1], lines[2]])).toEqual([
      ["  if (a === 1) return one(); else {}", code.split("\n")[2]],
      [code.split("\n")[1], "  for (const item of a) {}"],
    ]);
    for (const lines of mutated) expect(syntaxErrors("a.js", lines.join("\n"))).toEqual([]);
  });

  it("removes only the statement when it shares its line", () => {
    const code = "function f(r, x) { if (x) return send(r, 400, {}); return 1; }\n";
    expect(dropped("a.js", code)[0]?.mutated).toBe("function f(r, x) {  return 1; }\n");
  });
});
